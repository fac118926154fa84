using StateAnalyzers.Tests.Infrastructure;

namespace StateAnalyzers.Tests.Meta;

/// <summary>
/// The examples on the docs page of every rule that ships are real: each section's <c>csharp</c> blocks compile
/// together as one web project (implicit usings on, as in the template), the non-compliant example triggers the rule,
/// and the compliant example triggers no rule at all.
/// </summary>
public class DocsExampleTests
{
    [Theory]
    [MemberData(nameof(CatalogueRules.Ids), MemberType = typeof(CatalogueRules))]
    public async Task Every_non_compliant_example_is_reported(string id)
    {
        if (!ShippedAnalyzers.SupportedIds().Contains(id))
        {
            return; // planned rule: nothing can check its examples yet
        }

        var run = await RunSection(id, "## Non-compliant example");
        Assert.True(run.Exceptions.Count == 0, "an analyzer threw:\n" + string.Join("\n", run.Exceptions));
        Assert.True(run.Diagnostics.Any(d => d.Id == id), $"the non-compliant example of {id} is not reported; it got:\n" + run.Describe(run.Diagnostics));
    }

    [Theory]
    [MemberData(nameof(CatalogueRules.Ids), MemberType = typeof(CatalogueRules))]
    public async Task Every_compliant_example_is_clean(string id)
    {
        if (!ShippedAnalyzers.SupportedIds().Contains(id))
        {
            return; // planned rule: nothing can check its examples yet
        }

        var run = await RunSection(id, "## Compliant example");
        Assert.True(run.Exceptions.Count == 0, "an analyzer threw:\n" + string.Join("\n", run.Exceptions));
        Assert.True(run.Diagnostics.IsEmpty, $"the compliant example of {id} is reported:\n" + run.Describe(run.Diagnostics));
    }

    private static async Task<AnalyzerRun> RunSection(string id, string heading)
    {
        var page = CatalogueRules.Get(id).DocsPath;
        var section = Markdown.Section(Repository.Read(page), heading);
        Assert.True(section is not null, $"{page} has no '{heading}' section");

        var blocks = Markdown.CodeBlocks(section!, "csharp");
        Assert.True(blocks.Count > 0, $"{page} has no csharp block under '{heading}'");

        var run = await AnalyzerRun.RunAsync(ShippedAnalyzers.CreateAll(), AspNetCoreReferences.Net80, [AnalyzerRun.WebImplicitUsings, .. blocks]);
        Assert.True(run.CompilerErrors.IsEmpty, $"the example under '{heading}' in {page} does not compile:\n" + run.Describe(run.CompilerErrors));
        return run;
    }
}
