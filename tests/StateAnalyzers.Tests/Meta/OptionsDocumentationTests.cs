using StateAnalyzers.Catalogue;

namespace StateAnalyzers.Tests.Meta;

/// <summary>Every .editorconfig option of the catalogue is documented on its rule's page, with its real default.</summary>
public class OptionsDocumentationTests
{
    /// <summary>How a page writes an empty default.</summary>
    public const string EmptyDefault = "(empty)";

    [Theory]
    [MemberData(nameof(CatalogueRules.Ids), MemberType = typeof(CatalogueRules))]
    public void Every_rule_option_is_documented_with_its_default(string id)
    {
        var rule = CatalogueRules.Get(id);
        var section = Markdown.Section(Repository.Read(rule.DocsPath), "## Options");
        Assert.True(section is not null, $"{rule.DocsPath} has no '## Options' section");

        var (header, rows) = Markdown.FirstTable(section!);
        if (rule.Options.Count == 0)
        {
            Assert.Empty(rows);
            Assert.Contains(section!, l => l.Trim() == "None.");
            return;
        }

        Assert.Equal(["Key", "Default", "Description"], header);
        var documented = rows.Select(r => (Key: Markdown.Unquote(r[0]), Default: Markdown.Unquote(r[1]), Description: r[2])).ToList();
        Assert.Equal(rule.Options.Select(o => o.Key), documented.Select(d => d.Key));
        foreach (var (option, row) in rule.Options.Zip(documented))
        {
            Assert.Equal(Shown(option), row.Default);
            Assert.False(string.IsNullOrWhiteSpace(row.Description), $"{option.Key} has no description");
        }
    }

    private static string Shown(RuleOption option) => option.DefaultText.Length == 0 ? EmptyDefault : option.DefaultText;
}
