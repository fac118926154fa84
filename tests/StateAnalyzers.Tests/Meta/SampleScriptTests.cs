namespace StateAnalyzers.Tests.Meta;

/// <summary>
/// What run-sample.sh says under its summary stays true (issue 11): every rule in the catalogue has an analyzer, and
/// the one rule the sample does not violate is the one samples/README.md names.
/// </summary>
public sealed class SampleScriptTests
{
    [Theory]
    [MemberData(nameof(CatalogueRules.Ids), MemberType = typeof(CatalogueRules))]
    public void Every_rule_in_the_catalogue_has_an_analyzer_as_run_sample_sh_says(string id) =>
        Assert.Contains(
            ShippedAnalyzers.CreateAll().SelectMany(a => a.SupportedDiagnostics),
            descriptor => descriptor.Id == id);

    [Fact]
    public void run_sample_sh_names_the_rule_the_sample_gets_right_on_purpose()
    {
        var script = Repository.Read("run-sample.sh");
        Assert.DoesNotContain("not written yet", script, StringComparison.Ordinal);
        Assert.Contains("STATE007 has no violation in the sample on purpose", script, StringComparison.Ordinal);
        Assert.Contains("| STATE007 | none on purpose", Repository.Read("samples/README.md"), StringComparison.Ordinal);
    }
}
