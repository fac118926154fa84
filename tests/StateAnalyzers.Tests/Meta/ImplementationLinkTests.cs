using System.Text.RegularExpressions;

namespace StateAnalyzers.Tests.Meta;

/// <summary>
/// From an ID to its code in one hop: each rule page ends with an Implementation line that links the analyzer, the fix
/// and the tests, every link leads to a file that exists, and each of those files names the rule's ID.
/// </summary>
public partial class ImplementationLinkTests
{
    [Theory]
    [MemberData(nameof(CatalogueRules.Ids), MemberType = typeof(CatalogueRules))]
    public void Every_rule_page_ends_with_an_implementation_line(string id)
    {
        var line = ImplementationLine(id);

        Assert.True(line is not null, $"docs/rules/{id}.md does not end with an 'Implementation:' line");
        foreach (var part in new[] { "analyzer ", "fix ", "tests " })
        {
            Assert.Contains(part, line!, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(CatalogueRules.Ids), MemberType = typeof(CatalogueRules))]
    public void Every_implementation_link_leads_to_a_file_that_names_the_rule(string id)
    {
        var links = Links(ImplementationLine(id) ?? string.Empty).ToList();
        Assert.NotEmpty(links);

        foreach (var (kind, path) in links)
        {
            Assert.True(Repository.Exists(path), $"docs/rules/{id}.md links {path}, which does not exist");
            if (kind == "shared cases")
            {
                continue; // cases shared by several rules name some of them, not necessarily this one
            }

            Assert.True(Repository.Read(path).Contains(id, StringComparison.Ordinal), $"{path} ({kind} of {id}) does not name {id}");
        }

        Assert.Contains(links, l => l.Kind == "analyzer" && l.Path.StartsWith("src/StateAnalyzers/Rules/", StringComparison.Ordinal));
        Assert.Contains(links, l => l.Kind == "fix" && l.Path.StartsWith("src/StateAnalyzers.CodeFixes/", StringComparison.Ordinal));
        Assert.Contains(links, l => l.Kind == "tests" && l.Path.StartsWith("tests/", StringComparison.Ordinal));
    }

    private static string? ImplementationLine(string id)
    {
        var last = Markdown.Lines(Repository.Read($"docs/rules/{id}.md")).LastOrDefault(l => l.Trim().Length > 0);
        return last is not null && last.StartsWith("Implementation: ", StringComparison.Ordinal) ? last : null;
    }

    /// <summary>The links of the line, each with the kind that introduces its group (<c>analyzer</c>, <c>tests</c>, ...).</summary>
    private static IEnumerable<(string Kind, string Path)> Links(string line)
    {
        foreach (var group in line["Implementation: ".Length..].Split(" · "))
        {
            var kind = group[..group.IndexOf('[', StringComparison.Ordinal)].Trim();
            foreach (Match link in LinkPattern().Matches(group))
            {
                yield return (kind, link.Groups[1].Value);
            }
        }
    }

    [GeneratedRegex(@"\]\(\.\./\.\./([^)]+)\)")]
    private static partial Regex LinkPattern();
}
