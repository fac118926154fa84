using System.Diagnostics;

namespace StateAnalyzers.Tests.Meta;

/// <summary>
/// test.sh's closing line comes from scripts/test-summary.sh: every test assembly's summary plus the package checks
/// scripts/verify-package.sh ran (issue 11: the count used to leave them out). Run on logs shaped like the real ones.
/// </summary>
public sealed class TestSummaryScriptTests : IDisposable
{
    private const string DotnetTestLog = """
        Passed!  - Failed:     0, Passed:   542, Skipped:     0, Total:   542, Duration: 1 m 32 s - StateAnalyzers.Tests.dll (net10.0)
        Failed!  - Failed:     2, Passed:    61, Skipped:     0, Total:    63, Duration: 40 s - StateAnalyzers.AspNetCore.Tests.dll (net10.0)
        """;

    private const string PackageLog = """
        == pack
        PASS  pack StateAnalyzers 0.0.0-verify.20261207
        == package layout
        PASS  analyzers/dotnet/cs holds the analyzer and fix assemblies
        FAIL  buildTransitive props select the preset
        PASS  the consumer builds with warnings only

        verify-package: 1 check(s) failed, 95 s
        verify-package: FAIL
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("test-summary").FullName;

    [Fact]
    public void The_closing_line_counts_the_package_checks_with_the_tests() =>
        Assert.Equal(
            "tests: 606 passed, 3 failed (4 of them package checks by scripts/verify-package.sh)",
            Summary(Write("tests.log", DotnetTestLog), Write("package.log", PackageLog)));

    [Fact]
    public void Without_a_package_log_only_the_tests_count() =>
        Assert.Equal(
            "tests: 603 passed, 2 failed (0 of them package checks by scripts/verify-package.sh)",
            Summary(Write("tests.log", DotnetTestLog), Write("package.log", string.Empty)));

    [Fact]
    public void test_sh_prints_its_closing_line_with_the_summary_script()
    {
        var script = Repository.Read("test.sh");
        Assert.Contains("scripts/verify-package.sh 2>&1 | tee \"$package_log\"", script, StringComparison.Ordinal);
        Assert.Contains("scripts/test-summary.sh \"$log\" \"$package_log\"", script, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Summary(params string[] logs)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Repository.PathOf("scripts/test-summary.sh"));
        foreach (var log in logs)
        {
            start.ArgumentList.Add(log);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, errors);
        return output.Trim();
    }
}
