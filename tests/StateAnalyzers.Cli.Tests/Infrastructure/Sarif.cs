using System.Text.Json;

namespace StateAnalyzers.Cli.Tests.Infrastructure;

/// <summary>Reads what the tests check in a SARIF log.</summary>
internal static class Sarif
{
    public static JsonElement Run(string path) =>
        JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("runs")[0];

    /// <summary>(rule, uri:line:column) of every result.</summary>
    public static IReadOnlyList<(string Rule, string Location)> Results(string path) =>
        Run(path).GetProperty("results").EnumerateArray().Select(r =>
        {
            var at = r.GetProperty("locations")[0].GetProperty("physicalLocation");
            var region = at.GetProperty("region");
            return (r.GetProperty("ruleId").GetString()!,
                $"{at.GetProperty("artifactLocation").GetProperty("uri").GetString()}:{region.GetProperty("startLine").GetInt32()}:{region.GetProperty("startColumn").GetInt32()}");
        }).ToList();
}
