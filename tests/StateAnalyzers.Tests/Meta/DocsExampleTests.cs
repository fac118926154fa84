using System.Text.RegularExpressions;
using StateAnalyzers.Tests.Infrastructure;

namespace StateAnalyzers.Tests.Meta;

/// <summary>
/// The examples on the docs page of every rule that ships are real. Each <c>csharp</c> block compiles on its own as a
/// web project would (implicit usings on, as in the template); every block under "Non-compliant example" triggers the
/// rule on exactly the lines whose comment names it (<c>// STATE004: ...</c>), and every block under "Compliant
/// example" triggers no rule at all.
/// </summary>
public partial class DocsExampleTests
{
    /// <summary>Planned rules too: their examples must at least compile, so they are right the day the rule ships.</summary>
    [Theory]
    [MemberData(nameof(CatalogueRules.Ids), MemberType = typeof(CatalogueRules))]
    public async Task Every_example_compiles(string id)
    {
        foreach (var heading in new[] { "## Non-compliant example", "## Compliant example" })
        {
            await foreach (var _ in RunBlocks(id, heading))
            {
                // RunBlocks asserts that each block compiles and that no analyzer throws on it.
            }
        }
    }

    [Theory]
    [MemberData(nameof(CatalogueRules.Ids), MemberType = typeof(CatalogueRules))]
    public async Task Every_non_compliant_example_is_reported(string id)
    {
        if (!ShippedAnalyzers.SupportedIds().Contains(id))
        {
            return; // a planned rule: no analyzer can check its examples yet
        }

        await foreach (var (block, source, run) in RunBlocks(id, "## Non-compliant example"))
        {
            var marked = Markdown.Lines(source)
                .Select((line, number) => (Line: number, Ids: Marker().Matches(line).Select(m => m.Groups[1].Value).ToArray()))
                .Where(l => l.Ids.Contains(id))
                .Select(l => l.Line + 1)
                .ToArray();
            var reported = run.Diagnostics
                .Where(d => d.Id == id)
                .Select(d => d.Location.GetLineSpan().StartLinePosition.Line + 1)
                .Distinct()
                .Order()
                .ToArray();

            Assert.True(marked.Length > 0, $"non-compliant example {block} of {id} marks no line with '// {id}'");
            Assert.True(
                marked.SequenceEqual(reported),
                $"non-compliant example {block} of {id}: lines marked '// {id}' are [{string.Join(", ", marked)}], lines reported are [{string.Join(", ", reported)}]; it got:\n" + run.Describe(run.Diagnostics));
        }
    }

    [Theory]
    [MemberData(nameof(CatalogueRules.Ids), MemberType = typeof(CatalogueRules))]
    public async Task Every_compliant_example_is_clean(string id)
    {
        if (!ShippedAnalyzers.SupportedIds().Contains(id))
        {
            return; // a planned rule: no analyzer can check its examples yet
        }

        await foreach (var (block, _, run) in RunBlocks(id, "## Compliant example"))
        {
            Assert.True(run.Diagnostics.IsEmpty, $"compliant example {block} of {id} is reported:\n" + run.Describe(run.Diagnostics));
        }
    }

    /// <summary>Every analyzer over each csharp block of the section; the block number counts from 1.</summary>
    private static async IAsyncEnumerable<(int Block, string Source, AnalyzerRun Run)> RunBlocks(string id, string heading)
    {
        var page = CatalogueRules.Get(id).DocsPath;
        var section = Markdown.Section(Repository.Read(page), heading);
        Assert.True(section is not null, $"{page} has no '{heading}' section");

        var blocks = Markdown.CodeBlocks(section!, "csharp");
        Assert.True(blocks.Count > 0, $"{page} has no csharp block under '{heading}'");

        for (var i = 0; i < blocks.Count; i++)
        {
            var run = await AnalyzerRun.RunAsync(ShippedAnalyzers.CreateAll(), AspNetCoreReferences.Net80, AnalyzerRun.WebImplicitUsings, blocks[i]);
            Assert.True(run.CompilerErrors.IsEmpty, $"example {i + 1} under '{heading}' in {page} does not compile:\n" + run.Describe(run.CompilerErrors));
            Assert.True(run.Exceptions.Count == 0, $"an analyzer threw on example {i + 1} under '{heading}' in {page}:\n" + string.Join("\n", run.Exceptions));
            yield return (i + 1, blocks[i], run);
        }
    }

    /// <summary>A comment naming a rule: <c>// STATE004: ...</c> (several may share a line: <c>// STATE004, STATE006</c>).</summary>
    [GeneratedRegex(@"(?<=//.*)\b(STATE\d{3})\b")]
    private static partial Regex Marker();
}
