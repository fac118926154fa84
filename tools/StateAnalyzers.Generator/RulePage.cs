using System.Text;
using StateAnalyzers.Catalogue;

namespace StateAnalyzers.Generator;

/// <summary>
/// The catalogue's parts of a rule page (docs/rules/STATE00N.md): the title line, the fact table and the option table.
/// The prose around them is hand-written.
/// </summary>
internal static class RulePage
{
    public const string EmptyDefault = "(empty)";

    public static string Render(Rule rule, string page)
    {
        var lines = page.Split('\n');
        lines[0] = $"# {rule.Id}: {rule.Title}";
        var text = string.Join('\n', lines);
        text = Markers.Replace(text, "facts", Facts(rule), rule.DocsPath);
        return Markers.Replace(text, "options", Options(rule), rule.DocsPath);
    }

    private static string Facts(Rule rule) =>
        $"""
        | Property | Value |
        |---|---|
        | Severity | {rule.DefaultSeverity} |
        | Category | {rule.Category} |
        | Code fix | {rule.CodeFix} |
        | Runtime companion | {rule.Runtime} |
        """;

    private static string Options(Rule rule)
    {
        if (rule.Options.Count == 0)
        {
            return "None.";
        }

        var table = new StringBuilder("| Key | Default | Description |\n|---|---|---|");
        foreach (var option in rule.Options)
        {
            var shown = option.DefaultText.Length == 0 ? EmptyDefault : "`" + option.DefaultText + "`";
            table.Append($"\n| `{option.Key}` | {shown} | {option.Description} |");
        }

        return table.ToString();
    }
}
