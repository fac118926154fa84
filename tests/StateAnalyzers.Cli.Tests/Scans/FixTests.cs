using StateAnalyzers.Cli.Tests.Infrastructure;

namespace StateAnalyzers.Cli.Tests.Scans;

[Collection(ScanCollection.Name)]
public sealed class FixTests
{
    [Fact]
    public async Task Fix_reaches_zero_findings_and_the_project_still_compiles()
    {
        using var folder = new TempFolder("stateanalyzers-fix");
        var project = WebProjects.WriteWebApp(folder, "Visits", WebProjects.UnconfiguredSessionProgram);

        var run = await Tool.RunAsync("scan", project, "--fix", "--fail-on", "info");

        Assert.True(run.ExitCode == ExitCodes.Clean, run.Stdout + run.Stderr);
        Assert.Contains("fixed: Program.cs", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("STATE007", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("coverage: complete; 0 finding(s)", run.Stdout, StringComparison.Ordinal);
        var program = File.ReadAllText(folder.Of("Visits/Program.cs"));
        Assert.Contains("AddSession", program, StringComparison.Ordinal);
        Assert.Contains("UseSession", program, StringComparison.Ordinal);

        var build = await Processes.RunAsync("dotnet", ["build", project, "-nologo", "-v:q", "--no-restore"], folder.Path, TimeSpan.FromMinutes(3));
        Assert.True(build.ExitCode == 0, "the fixed project does not compile:\n" + build.Stdout + "\n" + program);
    }

    [Fact]
    public async Task Fix_dry_run_prints_a_unified_diff_and_writes_nothing()
    {
        using var folder = new TempFolder("stateanalyzers-dryrun");
        var project = WebProjects.WriteWebApp(folder, "Shop", WebProjects.ThemeProgram);
        var before = File.ReadAllText(folder.Of("Shop/Program.cs"));

        var run = await Tool.RunAsync("scan", project, "--fix", "--dry-run");

        Assert.Equal(before, File.ReadAllText(folder.Of("Shop/Program.cs")));
        Assert.Contains("--- a/Program.cs\n+++ b/Program.cs\n@@ -", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("-    context.Response.Cookies.Append(\"theme\", name);", run.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"\n\+ .*HttpOnly = true", run.Stdout);
        Assert.Contains("nothing was written", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Findings, run.ExitCode);
    }
}
