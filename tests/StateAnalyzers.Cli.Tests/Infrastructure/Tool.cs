namespace StateAnalyzers.Cli.Tests.Infrastructure;

/// <summary>What one run of the tool printed and returned.</summary>
internal sealed record ToolRun(int ExitCode, string Stdout, string Stderr);

/// <summary>
/// Runs <c>stateanalyzers</c> in this process (the same entry point as the executable, plain progress), one run at a
/// time: MSBuildLocator registers one SDK per process.
/// </summary>
internal static class Tool
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public static async Task<ToolRun> RunAsync(params string[] args)
    {
        await OneAtATime.WaitAsync();
        try
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var exitCode = await CliApp.RunAsync(args, stdout, stderr, interactive: false);
            return new ToolRun(exitCode, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            OneAtATime.Release();
        }
    }
}
