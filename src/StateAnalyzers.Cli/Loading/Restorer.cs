using System.Diagnostics;

namespace StateAnalyzers.Cli.Loading;

/// <summary>Runs <c>dotnet restore</c> on what the scan opens, so project references and packages resolve.</summary>
internal static class Restorer
{
    /// <summary>Null when it worked; otherwise the last lines of what dotnet printed.</summary>
    public static async Task<string?> RestoreAsync(string target, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(target)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "restore", target, "-nologo", "-v:q" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new UsageException("could not start 'dotnet restore'");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode == 0)
        {
            return null;
        }

        var lines = ((await output.ConfigureAwait(false)) + (await error.ConfigureAwait(false)))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(Environment.NewLine, lines.Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).DefaultIfEmpty(lines.LastOrDefault() ?? "").Take(5));
    }
}
