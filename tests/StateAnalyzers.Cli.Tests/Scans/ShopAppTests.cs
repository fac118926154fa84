using StateAnalyzers.Cli.Tests.Infrastructure;

namespace StateAnalyzers.Cli.Tests.Scans;

[Collection(ScanCollection.Name)]
public sealed class ShopAppTests(ShopAppScan scan)
{
    [Fact]
    public void The_tool_finds_exactly_what_run_sample_lists()
    {
        Assert.True(scan.Sample.ExitCode == 0, "run-sample.sh failed:\n" + scan.Sample.Stdout + scan.Sample.Stderr);
        Assert.NotEmpty(scan.SampleFindings);
        var tool = Sarif.Results(scan.SarifPath).Select(r => (r.Rule, "samples/ShopApp/" + r.Location)).Order().ToList();

        Assert.Equal(scan.SampleFindings.Order().ToList(), tool);
    }

    [Fact]
    public void Warnings_in_the_sample_make_the_exit_code_1()
    {
        Assert.Equal(ExitCodes.Findings, scan.Run.ExitCode);
    }

    [Fact]
    public void The_console_groups_findings_by_rule_with_location_message_and_help_link()
    {
        var stdout = scan.Run.Stdout;
        Assert.Contains("STATE004  Cookie is readable by client-side script (HttpOnly not set)  https://github.com/stateanalyzers/StateAnalyzers/blob/main/docs/rules/STATE004.md", stdout, StringComparison.Ordinal);
        Assert.Contains("warning  Infrastructure/VisitorTrackingMiddleware.cs:14:13", stdout, StringComparison.Ordinal);
        Assert.Contains("Cookie 'visitor_id' is readable by client-side script", stdout, StringComparison.Ordinal);
        // The groups come in rule order, each once.
        var headers = stdout.Split('\n').Where(l => l.StartsWith("STATE", StringComparison.Ordinal)).Select(l => l[..8]).ToList();
        Assert.Equal(headers.Order(StringComparer.Ordinal).Distinct().ToList(), headers);
    }

    [Fact]
    public void The_console_ends_with_a_table_per_rule_and_project_and_the_coverage()
    {
        var stdout = scan.Run.Stdout;
        Assert.Contains("Findings per rule and project", stdout, StringComparison.Ordinal);
        Assert.Matches(@"│ STATE005 │ [^│]+│ +5 │ +5 │", stdout);
        Assert.Contains($"coverage: complete; {scan.SampleFindings.Count} finding(s)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Redirected_progress_is_one_plain_line_per_step()
    {
        var lines = scan.Run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("stateanalyzers: ShopApp: compile", lines);
        Assert.Contains("stateanalyzers: ShopApp: analyze", lines);
        Assert.Contains($"stateanalyzers: ShopApp: done, {scan.SampleFindings.Count} finding(s)", lines);
        Assert.DoesNotContain('\u001b', scan.Run.Stderr);
    }
}
