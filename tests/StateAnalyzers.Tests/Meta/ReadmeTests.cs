using System.Text.RegularExpressions;
using StateAnalyzers.Catalogue;

namespace StateAnalyzers.Tests.Meta;

/// <summary>The README's rule table is the catalogue, and its quick start starts with the test command CI runs.</summary>
public class ReadmeTests
{
    private const string Readme = "README.md";
    private const string StartMarker = "<!-- rules:start -->";
    private const string EndMarker = "<!-- rules:end -->";

    [Fact]
    public void The_readme_rule_table_matches_the_catalogue()
    {
        var lines = Markdown.Between(Repository.Read(Readme), StartMarker, EndMarker);
        Assert.True(lines is not null, $"{Readme} has no rule table between {StartMarker} and {EndMarker}");

        var (header, rows) = Markdown.FirstTable(lines!);
        Assert.Equal(["ID", "Title", "Severity", "Category", "Code fix", "Runtime companion"], header);

        var expected = RuleCatalog.All.Select(r => string.Join(" | ", Row(r)));
        var actual = rows.Select(r => string.Join(" | ", r));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void The_first_command_in_the_readme_is_the_test_script()
    {
        var first = Regex.Match(Repository.Read(Readme), @"\./[\w.-]+\.sh");
        Assert.True(first.Success, $"{Readme} names no ./script.sh");
        Assert.Equal("./test.sh", first.Value);
        Assert.True(Repository.Exists("test.sh"), "test.sh is missing");
    }

    private static string[] Row(Rule rule) =>
    [
        $"[{rule.Id}]({rule.DocsPath})", rule.Title, rule.DefaultSeverity.ToString(), rule.Category, rule.CodeFix, rule.Runtime,
    ];
}
