namespace StateAnalyzers.Cli;

/// <summary>The process exit codes docs/scan.md documents.</summary>
internal static class ExitCodes
{
    /// <summary>No finding at or above the <c>--fail-on</c> threshold.</summary>
    public const int Clean = 0;

    /// <summary>At least one finding at or above the threshold (new findings only, with a baseline).</summary>
    public const int Findings = 1;

    /// <summary>Nothing could be analysed: bad arguments, a bad path, no C# project, every project failed to load.</summary>
    public const int NothingAnalysed = 2;
}
