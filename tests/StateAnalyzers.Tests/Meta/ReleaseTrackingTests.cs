using Microsoft.CodeAnalysis;

namespace StateAnalyzers.Tests.Meta;

/// <summary>
/// The release-tracking files (AnalyzerReleases.Shipped.md / Unshipped.md) list exactly the rules the analyzers
/// support, with the descriptors' category and severity. The compiler checks the same in the build (RS2000-RS2008,
/// on the generated descriptors); this test also catches a rule listed without an analyzer that supports it.
/// </summary>
public class ReleaseTrackingTests
{
    private const string Shipped = "src/StateAnalyzers/AnalyzerReleases.Shipped.md";
    private const string Unshipped = "src/StateAnalyzers/AnalyzerReleases.Unshipped.md";

    [Fact]
    public void Release_tracking_lists_exactly_the_rules_the_analyzers_support()
    {
        var listed = NewRules(Shipped).Concat(NewRules(Unshipped)).ToList();
        var duplicates = listed.GroupBy(r => r.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        Assert.True(duplicates.Length == 0, $"listed more than once: {string.Join(", ", duplicates)}");

        var supported = ShippedAnalyzers.SupportedIds().Order(StringComparer.Ordinal);
        Assert.Equal(supported, listed.Select(r => r.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Release_tracking_states_each_rule_category_and_severity()
    {
        var listed = NewRules(Shipped).Concat(NewRules(Unshipped)).ToDictionary(r => r.Id);
        foreach (var (analyzer, descriptor) in ShippedAnalyzers.Descriptors())
        {
            Assert.True(listed.TryGetValue(descriptor.Id, out var row), $"{descriptor.Id} ({analyzer.Name}) is not in release tracking");
            Assert.Equal(descriptor.Category, row.Category);
            Assert.Equal(descriptor.DefaultSeverity.ToString(), row.Severity);
        }
    }

    /// <summary>The rows of every "### New Rules" table in the file.</summary>
    private static IEnumerable<(string Id, string Category, string Severity)> NewRules(string path)
    {
        var lines = Markdown.Lines(Repository.Read(path));
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "### New Rules")
            {
                continue;
            }

            foreach (var row in ReleaseTable(lines.Skip(i + 1)))
            {
                yield return (row[0], row[1], row[2]);
            }
        }
    }

    /// <summary>The tracking files write tables without outer pipes: <c>Rule ID | Category | Severity | Notes</c>.</summary>
    private static IEnumerable<string[]> ReleaseTable(IEnumerable<string> lines) =>
        lines
            .SkipWhile(string.IsNullOrWhiteSpace)
            .TakeWhile(l => l.Contains('|'))
            .Skip(2)
            .Select(l => l.Split('|').Select(c => c.Trim()).ToArray());
}
