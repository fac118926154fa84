using StateAnalyzers.Cli.Tests.Infrastructure;

namespace StateAnalyzers.Cli.Tests.Scans;

[Collection(ScanCollection.Name)]
public sealed class ExitCodeTests
{
    [Fact]
    public async Task A_clean_project_exits_0()
    {
        using var folder = new TempFolder("stateanalyzers-clean");
        var run = await Tool.RunAsync("scan", WebProjects.WriteWebApp(folder, "Clean", WebProjects.CleanProgram), "--fail-on", "info");
        Assert.True(run.ExitCode == ExitCodes.Clean, run.Stdout + run.Stderr);
        Assert.Contains("coverage: complete; 0 finding(s)", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fail_on_and_the_strict_preset_set_the_threshold()
    {
        using var folder = new TempFolder("stateanalyzers-threshold");
        var project = WebProjects.WriteWebApp(folder, "Shop", WebProjects.ThemeProgram);

        Assert.Equal(ExitCodes.Findings, (await Tool.RunAsync("scan", project)).ExitCode);
        Assert.Equal(ExitCodes.Clean, (await Tool.RunAsync("scan", project, "--no-restore", "--fail-on", "error")).ExitCode);
        Assert.Equal(ExitCodes.Clean, (await Tool.RunAsync("scan", project, "--no-restore", "--fail-on", "none")).ExitCode);

        var strict = await Tool.RunAsync("scan", project, "--no-restore", "--preset", "strict", "--fail-on", "error");
        Assert.Equal(ExitCodes.Findings, strict.ExitCode);
        Assert.Contains("error    Program.cs:8:5", strict.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_projects_editorconfig_severities_win_over_the_preset()
    {
        using var folder = new TempFolder("stateanalyzers-editorconfig");
        var project = WebProjects.WriteWebApp(folder, "Shop", WebProjects.ThemeProgram);
        folder.File(".editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.STATE004.severity = none\ndotnet_diagnostic.STATE005.severity = error\n");

        var run = await Tool.RunAsync("scan", project, "--preset", "strict");

        Assert.DoesNotContain("STATE004  ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("error    Program.cs:8:5", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("coverage: complete; 2 finding(s)", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rule_options_from_editorconfig_are_honoured()
    {
        using var folder = new TempFolder("stateanalyzers-options");
        var project = WebProjects.WriteWebApp(folder, "Shop", WebProjects.ThemeProgram);
        folder.File(".editorconfig", "root = true\n\n[*.cs]\nSTATE004.allowed_cookie_names = theme\n");

        var run = await Tool.RunAsync("scan", project);

        Assert.DoesNotContain("STATE004  ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("STATE005  ", run.Stdout, StringComparison.Ordinal);
    }
}
