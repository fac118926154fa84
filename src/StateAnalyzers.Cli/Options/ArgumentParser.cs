namespace StateAnalyzers.Cli.Options;

/// <summary>Parses <c>scan PATH [options]</c>; every mistake becomes a <see cref="UsageException"/> naming the flag.</summary>
internal static class ArgumentParser
{
    public const string Usage = """
        Usage: stateanalyzers scan <solution.sln|solution.slnx|project.csproj|folder> [options]

        Options:
          --no-restore                  do not run 'dotnet restore' first
          --preset recommended|strict   severities when the project sets none (default: recommended)
          --fail-on none|info|warning|error
                                        lowest severity that makes the exit code 1 (default: warning)
          --sarif FILE                  write a SARIF 2.1.0 log
          --html FILE                   write a self-contained HTML report
          --baseline FILE               report and fail only on findings not in FILE
          --write-baseline              record today's findings in the --baseline FILE
          --fix                         apply every code fix to the files on disk
          --dry-run                     with --fix: print a unified diff, write nothing
          --plain                       one line per step, even on a terminal
          -h, --help                    show this help

        Exit codes: 0 clean, 1 findings at or above --fail-on, 2 nothing could be analysed.
        """;

    /// <summary>Null when help was asked for.</summary>
    public static ScanOptions? Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            return null;
        }

        if (args[0] != "scan")
        {
            throw new UsageException($"unknown command '{args[0]}'; the command is 'scan' (stateanalyzers scan <path>)");
        }

        string? path = null;
        var options = new ScanOptions { Path = "" };
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
                ? args[++i]
                : throw new UsageException($"{arg} needs a value");
            options = arg switch
            {
                "-h" or "--help" => throw new HelpRequested(),
                "--no-restore" => options with { Restore = false },
                "--preset" => options with { Preset = ParseEnum<Preset>(arg, Value()) },
                "--fail-on" => options with { FailOn = ParseEnum<FailOn>(arg, Value()) },
                "--sarif" => options with { SarifPath = Value() },
                "--html" => options with { HtmlPath = Value() },
                "--baseline" => options with { BaselinePath = Value() },
                "--write-baseline" => options with { WriteBaseline = true },
                "--fix" => options with { Fix = true },
                "--dry-run" => options with { DryRun = true },
                "--plain" => options with { Plain = true },
                _ when arg.StartsWith('-') => throw new UsageException($"unknown option '{arg}' (see stateanalyzers --help)"),
                _ when path is null => options with { Path = path = arg },
                _ => throw new UsageException($"one path only: '{path}' was given, then '{arg}'"),
            };
        }

        if (path is null)
        {
            throw new UsageException("scan needs a path: a .sln, .slnx or .csproj file, or a folder");
        }

        if (options.WriteBaseline && options.BaselinePath is null)
        {
            throw new UsageException("--write-baseline needs --baseline FILE");
        }

        if (options.DryRun && !options.Fix)
        {
            throw new UsageException("--dry-run goes with --fix");
        }

        return options;
    }

    private static T ParseEnum<T>(string flag, string value)
        where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && !int.TryParse(value, out _)
            ? parsed
            : throw new UsageException($"{flag} takes {string.Join("|", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}, not '{value}'");

    internal sealed class HelpRequested : Exception;
}
