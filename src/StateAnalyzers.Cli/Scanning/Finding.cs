using Microsoft.CodeAnalysis;

namespace StateAnalyzers.Cli.Scanning;

/// <summary>One diagnostic of a StateAnalyzers rule, at its effective severity, with what every report needs.</summary>
internal sealed record Finding(
    string RuleId,
    DiagnosticSeverity Severity,
    string Message,
    string ProjectName,
    string FilePath,
    string RelativePath,
    int Line,
    int Column,
    int EndLine,
    int EndColumn,
    string Snippet)
{
    /// <summary>Stable across unrelated edits (see <see cref="Fingerprints"/>); set once the scan is complete.</summary>
    public string Fingerprint { get; init; } = "";

    public string Location => $"{RelativePath}:{Line}:{Column}";

    public string SeverityName => Severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        _ => "hidden",
    };
}
