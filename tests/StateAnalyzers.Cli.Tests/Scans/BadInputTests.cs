using StateAnalyzers.Cli.Tests.Infrastructure;

namespace StateAnalyzers.Cli.Tests.Scans;

[Collection(ScanCollection.Name)]
public sealed class BadInputTests
{
    [Theory]
    [InlineData("missing.sln", "missing.sln: no such file or folder")]
    [InlineData("notes.txt", "notes.txt: not a solution (.sln, .slnx), a C# project (.csproj) or a folder (.txt file)")]
    [InlineData("empty", "empty: the folder holds no C# project (.csproj) and no solution")]
    public async Task A_bad_path_is_one_line_on_stderr_and_exit_code_2(string path, string message)
    {
        using var folder = new TempFolder("stateanalyzers-bad");
        folder.File("notes.txt", "not a project");
        Directory.CreateDirectory(folder.Of("empty"));

        var run = await Tool.RunAsync("scan", folder.Of(path));

        Assert.Equal(ExitCodes.NothingAnalysed, run.ExitCode);
        Assert.Equal($"stateanalyzers: {folder.Of(message)}", run.Stderr.Trim());
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public async Task A_project_without_aspnet_core_is_reported_and_exits_2()
    {
        using var folder = new TempFolder("stateanalyzers-lib");
        var project = folder.File("Lib/Lib.csproj", WebProjects.LibraryProjectFile);
        folder.File("Lib/Money.cs", "namespace Lib;\n\npublic readonly record struct Money(decimal Amount);\n");

        var run = await Tool.RunAsync("scan", project);

        Assert.Equal(ExitCodes.NothingAnalysed, run.ExitCode);
        Assert.Contains("stateanalyzers: nothing could be analysed: no project references ASP.NET Core", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "lint", "x" }, "unknown command 'lint'")]
    [InlineData(new[] { "scan" }, "scan needs a path")]
    [InlineData(new[] { "scan", "x", "--fail-on", "sometimes" }, "--fail-on takes none|info|warning|error, not 'sometimes'")]
    [InlineData(new[] { "scan", "x", "--sarif" }, "--sarif needs a value")]
    [InlineData(new[] { "scan", "x", "--dry-run" }, "--dry-run goes with --fix")]
    [InlineData(new[] { "scan", "x", "--write-baseline" }, "--write-baseline needs --baseline FILE")]
    [InlineData(new[] { "scan", "x", "--colour" }, "unknown option '--colour'")]
    public async Task Bad_arguments_name_the_mistake(string[] args, string message)
    {
        var run = await Tool.RunAsync(args);
        Assert.Equal(ExitCodes.NothingAnalysed, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_executable_prints_no_stack_trace_for_bad_input()
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "StateAnalyzers.Cli.dll");
        var run = await Processes.RunAsync("dotnet", [tool, "scan", "missing-solution.slnx"], Path.GetTempPath(), TimeSpan.FromMinutes(1));

        Assert.Equal(ExitCodes.NothingAnalysed, run.ExitCode);
        Assert.Equal("stateanalyzers: missing-solution.slnx: no such file or folder", run.Stderr.Trim());
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_every_flag()
    {
        var run = await Tool.RunAsync("--help");
        Assert.Equal(ExitCodes.Clean, run.ExitCode);
        foreach (var flag in new[] { "--no-restore", "--preset", "--fail-on", "--sarif", "--html", "--baseline", "--write-baseline", "--fix", "--dry-run", "--plain" })
        {
            Assert.Contains(flag, run.Stdout, StringComparison.Ordinal);
        }
    }
}
