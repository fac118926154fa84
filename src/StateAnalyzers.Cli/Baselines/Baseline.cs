using System.Text.Json;
using StateAnalyzers.Cli.Scanning;

namespace StateAnalyzers.Cli.Baselines;

/// <summary>
/// Today's findings by fingerprint (<c>--write-baseline</c>); a later scan with <c>--baseline</c> reports and fails
/// only on findings whose fingerprint is not in it. The rule, file and message are kept for people reading the file.
/// </summary>
internal static class Baseline
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static void Write(string path, ScanResult result)
    {
        var file = new BaselineFile(1, result.Findings.Select(f => new BaselineEntry(f.Fingerprint, f.RuleId, f.RelativePath, f.Message)).ToList());
        File.WriteAllText(path, JsonSerializer.Serialize(file, Json) + "\n");
    }

    public static IReadOnlySet<string> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"{path}: no such baseline file (create it with --write-baseline)");
        }

        try
        {
            var file = JsonSerializer.Deserialize<BaselineFile>(File.ReadAllText(path), Json);
            return file?.Findings?.Select(f => f.Fingerprint).ToHashSet(StringComparer.Ordinal)
                ?? throw new UsageException($"{path}: not a stateanalyzers baseline");
        }
        catch (JsonException e)
        {
            throw new UsageException($"{path}: not a stateanalyzers baseline ({e.Message})");
        }
    }

    /// <summary>The result without the findings the baseline knows, and how many those were.</summary>
    public static (ScanResult Result, int Hidden) Filter(ScanResult result, IReadOnlySet<string> known)
    {
        var fresh = result.Findings.Where(f => !known.Contains(f.Fingerprint)).ToList();
        return (result with { Findings = fresh }, result.Findings.Count - fresh.Count);
    }

    private sealed record BaselineFile(int Version, IReadOnlyList<BaselineEntry> Findings);

    private sealed record BaselineEntry(string Fingerprint, string RuleId, string File, string Message);
}
