namespace StateAnalyzers.Cli.Tests.Infrastructure;

/// <summary>
/// The independent consumers the report tests use. test.sh installs chromium and node/npm; the SARIF multitool comes
/// from npm into a cache folder on first use (again only when missing).
/// </summary>
internal static class ExternalTools
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    public static string SarifMultitoolFolder =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "stateanalyzers-tests", "sarif-multitool");

    /// <summary>The path of sarif-multitool, installed from npm into the cache folder when it is not there yet.</summary>
    public static async Task<string> SarifMultitoolAsync()
    {
        var bin = Path.Combine(SarifMultitoolFolder, "node_modules", ".bin", "sarif-multitool");
        await InstallLock.WaitAsync();
        try
        {
            if (!File.Exists(bin))
            {
                var npm = Processes.Find("npm") ?? throw new InvalidOperationException("npm is not installed (test.sh installs nodejs and npm)");
                Directory.CreateDirectory(SarifMultitoolFolder);
                var install = await Processes.RunAsync(npm, ["install", "--no-audit", "--no-fund", "--prefix", SarifMultitoolFolder, "@microsoft/sarif-multitool"],
                    SarifMultitoolFolder, TimeSpan.FromMinutes(5));
                Assert.True(install.ExitCode == 0, "npm install @microsoft/sarif-multitool failed:\n" + install.Stdout + install.Stderr);
            }
        }
        finally
        {
            InstallLock.Release();
        }

        return bin;
    }

    public static string Chromium() =>
        Processes.Find("chromium") ?? Processes.Find("chromium-browser")
        ?? throw new InvalidOperationException("chromium is not installed (test.sh installs it: apt-get install chromium)");
}
