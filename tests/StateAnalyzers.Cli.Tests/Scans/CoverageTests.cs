using System.Text.Json;
using StateAnalyzers.Cli.Tests.Infrastructure;

namespace StateAnalyzers.Cli.Tests.Scans;

[Collection(ScanCollection.Name)]
public sealed class CoverageTests(ThreeProjectScan scan)
{
    [Fact]
    public void A_project_with_a_compile_error_makes_coverage_partial_and_is_named()
    {
        var invocation = Sarif.Run(scan.SarifPath).GetProperty("invocations")[0];
        var properties = invocation.GetProperty("properties");

        Assert.Equal("partial", properties.GetProperty("coverage").GetString());
        var incomplete = properties.GetProperty("incompleteProjects").EnumerateArray().ToList();
        var admin = Assert.Single(incomplete);
        Assert.Equal("Admin", admin.GetProperty("name").GetString());
        Assert.Contains("CS0103", admin.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.True(invocation.GetProperty("executionSuccessful").GetBoolean());
        Assert.Contains(invocation.GetProperty("toolExecutionNotifications").EnumerateArray(),
            n => n.GetProperty("message").GetProperty("text").GetString()!.StartsWith("Admin was not fully analysed", StringComparison.Ordinal));
        Assert.Contains("coverage: partial", scan.Run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_other_projects_are_still_analysed_and_the_library_is_skipped()
    {
        var results = Sarif.Results(scan.SarifPath);
        Assert.Contains(("STATE004", "Shop/Program.cs:8:5"), results);
        Assert.Contains(("STATE005", "Shop/Program.cs:8:5"), results);
        var properties = Sarif.Run(scan.SarifPath).GetProperty("invocations")[0].GetProperty("properties");
        Assert.Equal(["Admin", "Shop"], properties.GetProperty("analysedProjects").EnumerateArray().Select(p => p.GetString()!).Order().ToArray());
        Assert.Equal(["Shared"], properties.GetProperty("skippedProjects").EnumerateArray().Select(p => p.GetString()!).ToArray());
        Assert.Equal(ExitCodes.Findings, scan.Run.ExitCode);
    }

    [Fact]
    public void Results_name_their_project()
    {
        var projects = Sarif.Run(scan.SarifPath).GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("properties").GetProperty("project").GetString()!).Distinct().Order().ToArray();
        Assert.Equal(["Admin", "Shop"], projects);
        Assert.Equal(JsonValueKind.Array, Sarif.Run(scan.SarifPath).GetProperty("results").ValueKind);
    }
}
