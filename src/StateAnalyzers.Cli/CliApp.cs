using Microsoft.CodeAnalysis;
using Spectre.Console;
using StateAnalyzers.Cli.Baselines;
using StateAnalyzers.Cli.Fixing;
using StateAnalyzers.Cli.Options;
using StateAnalyzers.Cli.Progress;
using StateAnalyzers.Cli.Reports;
using StateAnalyzers.Cli.Scanning;

namespace StateAnalyzers.Cli;

/// <summary>
/// <c>stateanalyzers scan</c> from arguments to exit code. Results go to stdout, progress and
/// errors to stderr; anything that goes wrong becomes one line there and exit code 2.
/// </summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, bool interactive, CancellationToken cancellationToken = default)
    {
        ScanOptions? options;
        try
        {
            options = ArgumentParser.Parse(args);
        }
        catch (ArgumentParser.HelpRequested)
        {
            options = null;
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"stateanalyzers: {e.Message}");
            return ExitCodes.NothingAnalysed;
        }

        if (options is null)
        {
            stdout.WriteLine(ArgumentParser.Usage);
            return ExitCodes.Clean;
        }

        try
        {
            return await ScanAsync(options, stdout, stderr, interactive && !options.Plain, cancellationToken).ConfigureAwait(false);
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"stateanalyzers: {e.Message}");
            return ExitCodes.NothingAnalysed;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            stderr.WriteLine($"stateanalyzers: {FirstLine(Innermost(e).Message)} ({Innermost(e).GetType().Name})");
            if (Environment.GetEnvironmentVariable("STATEANALYZERS_DEBUG") == "1")
            {
                stderr.WriteLine(e);
            }
            return ExitCodes.NothingAnalysed;
        }
    }

    private static async Task<int> ScanAsync(ScanOptions options, TextWriter stdout, TextWriter stderr, bool live, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var known = options.BaselinePath is not null && !options.WriteBaseline ? Baseline.Read(options.BaselinePath) : null;
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout), Ansi = live ? AnsiSupport.Detect : AnsiSupport.No });
        if (!live)
        {
            // Redirected output is read by tools and people in logs: long lines rather than wrapped ones.
            console.Profile.Width = 200;
        }

        var progressConsole = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stderr) });

        async Task<(ScanResult, IReadOnlyList<string>)> Work(IScanProgress progress)
        {
            var (result, workspace) = await Scanner.ScanAsync(options, progress, cancellationToken).ConfigureAwait(false);
            using (workspace)
            {
                IReadOnlyList<string> fixReport = [];
                if (options.Fix && result.AnythingAnalysed)
                {
                    (result, fixReport) = await FixRunner.RunAsync(workspace, result, options, progress, cancellationToken).ConfigureAwait(false);
                }

                return (result, fixReport);
            }
        }

        var (result, fixLines) = live
            ? await LiveProgress.RunAsync(progressConsole, Work).ConfigureAwait(false)
            : await Work(new PlainProgress(stderr)).ConfigureAwait(false);

        if (!result.AnythingAnalysed)
        {
            stderr.WriteLine($"stateanalyzers: nothing could be analysed: {NothingAnalysedReason(result)}");
            return ExitCodes.NothingAnalysed;
        }

        foreach (var line in fixLines)
        {
            stdout.WriteLine(line);
        }

        if (options.WriteBaseline)
        {
            Baseline.Write(options.BaselinePath!, result);
            stderr.WriteLine($"stateanalyzers: baseline of {result.Findings.Count} finding(s) written to {options.BaselinePath}");
        }

        var hidden = 0;
        if (known is not null)
        {
            (result, hidden) = Baseline.Filter(result, known);
        }

        ConsoleReport.Write(console, result, hidden);
        if (options.SarifPath is not null)
        {
            SarifReport.Write(options.SarifPath, result, started);
            stderr.WriteLine($"stateanalyzers: SARIF log written to {options.SarifPath}");
        }

        if (options.HtmlPath is not null)
        {
            HtmlReport.Write(options.HtmlPath, result);
            stderr.WriteLine($"stateanalyzers: HTML report written to {options.HtmlPath}");
        }

        return options.WriteBaseline || !result.Findings.Any(f => AtOrAbove(f.Severity, options.FailOn))
            ? ExitCodes.Clean
            : ExitCodes.Findings;
    }

    private static bool AtOrAbove(DiagnosticSeverity severity, FailOn threshold) => threshold switch
    {
        FailOn.None => false,
        FailOn.Info => severity >= DiagnosticSeverity.Info,
        FailOn.Warning => severity >= DiagnosticSeverity.Warning,
        _ => severity >= DiagnosticSeverity.Error,
    };

    private static string NothingAnalysedReason(ScanResult result)
    {
        if (result.Projects.Count == 0)
        {
            return "no C# project was found";
        }

        if (result.Projects.All(p => p.Status == ProjectStatus.NotAspNetCore))
        {
            return $"no project references ASP.NET Core (Microsoft.NET.Sdk.Web or FrameworkReference Microsoft.AspNetCore.App), so no rule applies: {string.Join(", ", result.Projects.Select(p => p.Name))}";
        }

        var failed = result.Projects.First(p => p.Status == ProjectStatus.LoadFailed);
        return $"{failed.Name} could not be loaded: {FirstLine(failed.Detail ?? "")}";
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    private static Exception Innermost(Exception e) => e.InnerException is null || e is not (TypeInitializationException or AggregateException or System.Reflection.TargetInvocationException)
        ? e
        : Innermost(e.InnerException);
}
