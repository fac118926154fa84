using System.Text.RegularExpressions;

namespace StateAnalyzers.Tests.Meta;

/// <summary>Every rule of the catalogue has its page under docs/rules, and the page states the catalogue's facts.</summary>
public class DocsPageTests
{
    private static readonly string[] RequiredSections =
    [
        "## Why", "## What is reported", "## Non-compliant example", "## Compliant example", "## Code fix",
        "## Options", "## At run time", "## How to suppress", "## References",
    ];

    [Theory]
    [MemberData(nameof(CatalogueRules.Ids), MemberType = typeof(CatalogueRules))]
    public void Every_rule_has_a_docs_page_titled_with_its_id_and_title(string id)
    {
        var rule = CatalogueRules.Get(id);
        Assert.True(Repository.Exists(rule.DocsPath), $"{rule.DocsPath} is missing");

        var firstLine = Markdown.Lines(Repository.Read(rule.DocsPath))[0];
        Assert.Equal($"# {rule.Id}: {rule.Title}", firstLine);
    }

    [Theory]
    [MemberData(nameof(CatalogueRules.Ids), MemberType = typeof(CatalogueRules))]
    public void Every_docs_page_fact_table_states_the_catalogue_values(string id)
    {
        var rule = CatalogueRules.Get(id);
        var (header, rows) = Markdown.FirstTable(Markdown.Lines(Repository.Read(rule.DocsPath)));
        Assert.Equal(["Property", "Value"], header);

        var facts = rows.ToDictionary(r => r[0], r => r.Length > 1 ? r[1] : string.Empty);
        Assert.Equal(rule.DefaultSeverity.ToString(), facts.GetValueOrDefault("Severity"));
        Assert.Equal(rule.Category, facts.GetValueOrDefault("Category"));
        Assert.Equal(rule.CodeFix, facts.GetValueOrDefault("Code fix"));
        Assert.Equal(rule.Runtime, facts.GetValueOrDefault("Runtime companion"));
    }

    [Theory]
    [MemberData(nameof(CatalogueRules.Ids), MemberType = typeof(CatalogueRules))]
    public void Every_docs_page_status_says_whether_an_analyzer_ships_the_rule(string id)
    {
        var rule = CatalogueRules.Get(id);
        var status = Markdown.Lines(Repository.Read(rule.DocsPath))
            .Select(l => Regex.Match(l, @"^Status: (\w+)"))
            .FirstOrDefault(m => m.Success)?.Groups[1].Value;
        var expected = ShippedAnalyzers.SupportedIds().Contains(rule.Id) ? "available" : "planned";

        Assert.True(
            status == expected,
            $"{rule.DocsPath} says 'Status: {status}', but an analyzer for {rule.Id} {(expected == "available" ? "ships" : "does not ship")}: the line must read 'Status: {expected}'.");
    }

    [Theory]
    [MemberData(nameof(CatalogueRules.Ids), MemberType = typeof(CatalogueRules))]
    public void Every_docs_page_has_the_standard_sections(string id)
    {
        var rule = CatalogueRules.Get(id);
        var text = Repository.Read(rule.DocsPath);
        var missing = RequiredSections.Where(s => Markdown.Section(text, s) is null).ToArray();

        Assert.True(missing.Length == 0, $"{rule.DocsPath} lacks: {string.Join(", ", missing)}");
    }
}
