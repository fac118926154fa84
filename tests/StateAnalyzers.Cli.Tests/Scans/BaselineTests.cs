using StateAnalyzers.Cli.Tests.Infrastructure;

namespace StateAnalyzers.Cli.Tests.Scans;

[Collection(ScanCollection.Name)]
public sealed class BaselineTests
{
    [Fact]
    public async Task A_baseline_hides_known_findings_and_fails_only_on_new_ones()
    {
        using var folder = new TempFolder("stateanalyzers-baseline");
        var project = WebProjects.WriteWebApp(folder, "Shop", WebProjects.ThemeProgram);
        var baseline = folder.Of("stateanalyzers.baseline.json");

        var write = await Tool.RunAsync("scan", project, "--baseline", baseline, "--write-baseline");
        Assert.Equal(ExitCodes.Clean, write.ExitCode);
        Assert.Contains("baseline of 3 finding(s) written", write.Stderr, StringComparison.Ordinal);

        // Unrelated lines added above the findings move them, without making them new.
        var program = folder.Of("Shop/Program.cs");
        File.WriteAllText(program, "// Theme endpoints.\n\n" + File.ReadAllText(program));
        var known = await Tool.RunAsync("scan", project, "--baseline", baseline, "--no-restore");
        Assert.Equal(ExitCodes.Clean, known.ExitCode);
        Assert.Contains("coverage: complete; 0 finding(s)", known.Stdout, StringComparison.Ordinal);
        Assert.Contains("3 known finding(s) hidden by the baseline", known.Stdout, StringComparison.Ordinal);

        File.WriteAllText(program, File.ReadAllText(program).Replace(
            "return Results.Ok();", "context.Response.Cookies.Append(\"last_theme\", name, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax });\n    return Results.Ok();", StringComparison.Ordinal));
        var fresh = await Tool.RunAsync("scan", project, "--baseline", baseline, "--no-restore");
        Assert.Equal(ExitCodes.Findings, fresh.ExitCode);
        Assert.Contains("coverage: complete; 1 finding(s)", fresh.Stdout, StringComparison.Ordinal);
        Assert.Contains("Cookie 'last_theme' can be sent over plain HTTP", fresh.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_or_broken_baseline_is_a_one_line_error()
    {
        using var folder = new TempFolder("stateanalyzers-baseline-bad");
        var missing = await Tool.RunAsync("scan", folder.Path, "--baseline", folder.Of("none.json"));
        Assert.Equal(ExitCodes.NothingAnalysed, missing.ExitCode);
        Assert.Contains("no such baseline file", missing.Stderr, StringComparison.Ordinal);

        var broken = await Tool.RunAsync("scan", folder.Path, "--baseline", folder.File("broken.json", "{ not json"));
        Assert.Equal(ExitCodes.NothingAnalysed, broken.ExitCode);
        Assert.StartsWith("stateanalyzers: ", broken.Stderr, StringComparison.Ordinal);
        Assert.Single(broken.Stderr.Trim().Split('\n'));
    }
}
