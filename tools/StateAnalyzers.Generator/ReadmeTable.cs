using System.Text;
using StateAnalyzers.Catalogue;

namespace StateAnalyzers.Generator;

/// <summary>The README's rule table, between <c>&lt;!-- rules:start --&gt;</c> and <c>&lt;!-- rules:end --&gt;</c>.</summary>
internal static class ReadmeTable
{
    public const string Path = "README.md";

    public static string Render(string readme)
    {
        var table = new StringBuilder("| ID | Title | Severity | Category | Code fix | Runtime companion |\n|---|---|---|---|---|---|");
        foreach (var rule in RuleCatalog.All)
        {
            table.Append($"\n| [{rule.Id}]({rule.DocsPath}) | {rule.Title} | {rule.DefaultSeverity} | {rule.Category} | {rule.CodeFix} | {rule.Runtime} |");
        }

        return Markers.Replace(readme, "rules", table.ToString(), Path);
    }
}
