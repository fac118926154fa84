using System.Text.Json;
using StateAnalyzers.Catalogue;
using StateAnalyzers.Cli.Tests.Infrastructure;

namespace StateAnalyzers.Cli.Tests.Scans;

[Collection(ScanCollection.Name)]
public sealed class SarifTests(ShopAppScan scan, ThreeProjectScan three)
{
    [Fact]
    public async Task The_sarif_multitool_validates_both_logs_without_an_error()
    {
        var multitool = await ExternalTools.SarifMultitoolAsync();
        var report = Path.Combine(scan.OutputFolder, "validation.sarif");
        var run = await Processes.RunAsync(multitool, ["validate", scan.SarifPath, three.SarifPath, "--output", report, "--log", "ForceOverwrite"],
            scan.OutputFolder, TimeSpan.FromMinutes(3));

        Assert.True(run.ExitCode == 0, $"sarif-multitool validate exited {run.ExitCode}:\n{run.Stdout}{run.Stderr}");
        Assert.Contains("2 files scanned", run.Stdout, StringComparison.Ordinal);
        var problems = Sarif.Run(report).GetProperty("results").EnumerateArray()
            .Where(r => !r.TryGetProperty("level", out var level) || level.GetString() is "error" or "warning")
            .Select(r => r.GetProperty("ruleId").GetString() + ": " + r.GetProperty("message"))
            .ToList();
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void Every_rule_carries_its_catalogue_metadata_cwe_tags_and_security_severity()
    {
        var rules = Sarif.Run(scan.SarifPath).GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
            .ToDictionary(r => r.GetProperty("id").GetString()!);

        Assert.Equal(RuleCatalog.All.Select(r => r.Id).Order(), rules.Keys.Order());
        foreach (var rule in RuleCatalog.All)
        {
            var sarif = rules[rule.Id];
            Assert.Equal(rule.Name, sarif.GetProperty("name").GetString());
            Assert.Equal(rule.Title, sarif.GetProperty("shortDescription").GetProperty("text").GetString());
            Assert.Equal(RuleTaxonomy.For(rule.Id)!.Description, sarif.GetProperty("fullDescription").GetProperty("text").GetString());
            Assert.Equal(rule.HelpLink, sarif.GetProperty("helpUri").GetString());
            Assert.Equal(rule.DefaultSeverity == RuleSeverity.Info ? "note" : "warning", sarif.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        }

        Assert.Contains("external/cwe/cwe-1004", Tags(rules["STATE004"]));
        Assert.Contains("external/cwe/cwe-614", Tags(rules["STATE005"]));
        Assert.Contains("external/cwe/cwe-1275", Tags(rules["STATE006"]));
        Assert.Contains("external/cwe/cwe-613", Tags(rules["STATE003"]));
        Assert.Contains("external/cwe/cwe-315", Tags(rules["STATE001"]));
        Assert.Contains("external/cwe/cwe-312", Tags(rules["STATE001"]));
        Assert.Equal("5.0", rules["STATE004"].GetProperty("properties").GetProperty("security-severity").GetString());
        Assert.False(rules["STATE002"].GetProperty("properties").TryGetProperty("security-severity", out _));
    }

    [Fact]
    public void Results_have_a_fingerprint_a_relative_uri_and_complete_coverage()
    {
        var run = Sarif.Run(scan.SarifPath);
        var fingerprints = run.GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("partialFingerprints").GetProperty("stateAnalyzers/v1").GetString()!).ToList();
        Assert.Equal(scan.SampleFindings.Count, fingerprints.Count);
        Assert.Equal(fingerprints.Count, fingerprints.Distinct().Count());
        Assert.All(fingerprints, f => Assert.Matches("^[0-9a-f]{32}$", f));
        Assert.Equal("complete", run.GetProperty("invocations")[0].GetProperty("properties").GetProperty("coverage").GetString());
        Assert.All(Sarif.Results(scan.SarifPath), r => Assert.False(Path.IsPathRooted(r.Location)));
        Assert.EndsWith("/samples/ShopApp/", run.GetProperty("originalUriBaseIds").GetProperty("SRCROOT").GetProperty("uri").GetString(), StringComparison.Ordinal);
    }

    private static string[] Tags(JsonElement rule) =>
        rule.GetProperty("properties").GetProperty("tags").EnumerateArray().Select(t => t.GetString()!).ToArray();
}
