using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using StateAnalyzers.Catalogue;
using StateAnalyzers.Cli.Scanning;

namespace StateAnalyzers.Cli.Reports;

/// <summary>
/// A SARIF 2.1.0 log for code-scanning services: every rule with its catalogue metadata, CWE tags and
/// <c>security-severity</c>; results with a stable <c>partialFingerprints</c> entry; one invocation that says whether
/// coverage was complete and which projects were not fully analysed.
/// </summary>
internal static class SarifReport
{
    private const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    private const string FingerprintKey = "stateAnalyzers/v1";

    public static void Write(string path, ScanResult result, DateTimeOffset started)
    {
        var rules = ToolRules.RuleIds.Select(RuleInfo.For).ToList();
        var log = new JsonObject
        {
            ["$schema"] = SchemaUri,
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject { ["driver"] = Driver(rules) },
                ["invocations"] = new JsonArray(Invocation(result, started)),
                ["originalUriBaseIds"] = new JsonObject
                {
                    ["SRCROOT"] = new JsonObject { ["uri"] = new Uri(result.RootDirectory.TrimEnd('/', '\\') + "/").AbsoluteUri },
                },
                ["results"] = new JsonArray(result.Findings.Select(f => (JsonNode)Result(f, rules)).ToArray()),
                ["columnKind"] = "utf16CodeUnits",
            }),
        };
        File.WriteAllText(path, log.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    private static JsonObject Driver(IReadOnlyList<RuleInfo> rules) => new()
    {
        ["name"] = "StateAnalyzers",
        ["semanticVersion"] = ToolVersion,
        ["informationUri"] = "https://github.com/stateanalyzers/StateAnalyzers",
        ["rules"] = new JsonArray(rules.Select(r => (JsonNode)Rule(r)).ToArray()),
    };

    private static JsonObject Rule(RuleInfo rule)
    {
        var tags = new JsonArray(rule.Category.ToLowerInvariant());
        foreach (var cwe in rule.Taxonomy?.Cwes ?? [])
        {
            tags.Add($"external/cwe/cwe-{cwe}");
        }

        var properties = new JsonObject { ["tags"] = tags, ["precision"] = "high", ["category"] = rule.Category };
        if (rule.Taxonomy?.SecuritySeverity is { } securitySeverity)
        {
            properties["security-severity"] = securitySeverity;
        }

        var description = rule.Taxonomy?.Description ?? rule.Title;
        return new JsonObject
        {
            ["id"] = rule.Id,
            ["name"] = rule.Name,
            ["shortDescription"] = new JsonObject { ["text"] = rule.Title },
            ["fullDescription"] = new JsonObject { ["text"] = description },
            ["help"] = new JsonObject { ["text"] = $"{description} See {rule.HelpLink}", ["markdown"] = $"{description} See [{rule.Id}]({rule.HelpLink})." },
            ["helpUri"] = rule.HelpLink,
            ["defaultConfiguration"] = new JsonObject { ["level"] = Level(rule.DefaultSeverity) },
            ["properties"] = properties,
        };
    }

    private static JsonObject Invocation(ScanResult result, DateTimeOffset started)
    {
        var incomplete = result.IncompleteProjects.ToList();
        var notifications = new JsonArray(incomplete.Select(p => (JsonNode)new JsonObject
        {
            ["level"] = "warning",
            ["message"] = new JsonObject { ["text"] = $"{p.Name} was not fully analysed ({p.Status}): {p.Detail}" },
            ["locations"] = new JsonArray(new JsonObject
            {
                ["physicalLocation"] = new JsonObject { ["artifactLocation"] = Artifact(Path.GetRelativePath(result.RootDirectory, p.FilePath)) },
            }),
        }).ToArray());
        return new JsonObject
        {
            ["executionSuccessful"] = result.AnythingAnalysed,
            ["startTimeUtc"] = started.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture),
            ["endTimeUtc"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture),
            ["toolExecutionNotifications"] = notifications,
            ["properties"] = new JsonObject
            {
                ["coverage"] = result.CoverageComplete ? "complete" : "partial",
                ["analysedProjects"] = new JsonArray(result.Projects.Where(p => p.Status is ProjectStatus.Analysed or ProjectStatus.CompileErrors).Select(p => (JsonNode)p.Name).ToArray()),
                ["incompleteProjects"] = new JsonArray(incomplete.Select(p => (JsonNode)new JsonObject
                {
                    ["name"] = p.Name,
                    ["status"] = p.Status.ToString(),
                    ["reason"] = p.Detail,
                }).ToArray()),
                ["skippedProjects"] = new JsonArray(result.Projects.Where(p => p.Status == ProjectStatus.NotAspNetCore).Select(p => (JsonNode)p.Name).ToArray()),
            },
        };
    }

    private static JsonObject Result(Finding finding, IReadOnlyList<RuleInfo> rules) => new()
    {
        ["ruleId"] = finding.RuleId,
        ["ruleIndex"] = rules.ToList().FindIndex(r => r.Id == finding.RuleId),
        ["level"] = Level(finding.Severity),
        ["message"] = new JsonObject { ["text"] = finding.Message },
        ["locations"] = new JsonArray(new JsonObject
        {
            ["physicalLocation"] = new JsonObject
            {
                ["artifactLocation"] = Artifact(finding.RelativePath),
                ["region"] = new JsonObject
                {
                    ["startLine"] = finding.Line,
                    ["startColumn"] = finding.Column,
                    ["endLine"] = finding.EndLine,
                    ["endColumn"] = finding.EndColumn,
                    ["snippet"] = new JsonObject { ["text"] = finding.Snippet },
                },
            },
        }),
        ["partialFingerprints"] = new JsonObject { [FingerprintKey] = finding.Fingerprint },
        ["properties"] = new JsonObject { ["project"] = finding.ProjectName },
    };

    private static JsonObject Artifact(string relativePath) => new()
    {
        ["uri"] = string.Join('/', relativePath.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString)),
        ["uriBaseId"] = "SRCROOT",
    };

    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "note",
        _ => "none",
    };

    private static string Level(RuleSeverity severity) => Level((DiagnosticSeverity)(int)severity);

    private static string ToolVersion =>
        typeof(SarifReport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
