using System.Text;
using StateAnalyzers.Catalogue;

namespace StateAnalyzers.Generator;

/// <summary>
/// src/StateAnalyzers/AnalyzerReleases.Unshipped.md: every catalogue rule not yet in AnalyzerReleases.Shipped.md.
/// Nothing has shipped yet, so every rule is listed; once a release ships, its rows move to the shipped file by hand.
/// </summary>
internal static class ReleaseFile
{
    public const string Path = "src/StateAnalyzers/AnalyzerReleases.Unshipped.md";

    public static string Render()
    {
        var text = new StringBuilder("""
            ; Unshipped analyzer release
            ; https://github.com/dotnet/roslyn-analyzers/blob/main/src/Microsoft.CodeAnalysis.Analyzers/ReleaseTrackingAnalyzers.Help.md
            ; Generated from the rule catalogue by tools/StateAnalyzers.Generator (scripts/generate.sh). Do not edit.

            ### New Rules

            Rule ID | Category | Severity | Notes
            --------|----------|----------|-------

            """);
        foreach (var rule in RuleCatalog.All)
        {
            text.Append($"{rule.Id} | {rule.Category} | {rule.DefaultSeverity} | {rule.Title}\n");
        }

        return text.ToString();
    }
}
