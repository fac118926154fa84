namespace StateAnalyzers.Cli.Options;

/// <summary>Everything <c>stateanalyzers scan</c> was asked to do, as parsed from the command line.</summary>
internal sealed record ScanOptions
{
    public required string Path { get; init; }

    public bool Restore { get; init; } = true;

    public Preset Preset { get; init; } = Preset.Recommended;

    public FailOn FailOn { get; init; } = FailOn.Warning;

    public string? SarifPath { get; init; }

    public string? HtmlPath { get; init; }

    public string? BaselinePath { get; init; }

    public bool WriteBaseline { get; init; }

    public bool Fix { get; init; }

    public bool DryRun { get; init; }

    /// <summary>Plain one-line-per-step progress even on a terminal.</summary>
    public bool Plain { get; init; }
}

internal enum Preset
{
    Recommended,
    Strict,
}

/// <summary>The lowest severity that makes the scan exit with <see cref="ExitCodes.Findings"/>.</summary>
internal enum FailOn
{
    None,
    Info,
    Warning,
    Error,
}
