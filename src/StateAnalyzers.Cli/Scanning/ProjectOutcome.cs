namespace StateAnalyzers.Cli.Scanning;

/// <summary>What happened to one project of the scan.</summary>
internal sealed record ProjectOutcome(string Name, string FilePath, ProjectStatus Status, string? Detail, int FindingCount)
{
    /// <summary>Whether the project's findings are complete: it loaded, compiled and was analysed.</summary>
    public bool Complete => Status is ProjectStatus.Analysed or ProjectStatus.NotAspNetCore;
}

internal enum ProjectStatus
{
    /// <summary>Loaded, compiled without errors, analysed.</summary>
    Analysed,

    /// <summary>Analysed, but the compiler reported errors, so findings may be missing.</summary>
    CompileErrors,

    /// <summary>MSBuildWorkspace could not load it.</summary>
    LoadFailed,

    /// <summary>No reference to ASP.NET Core: the rules have nothing to look at.</summary>
    NotAspNetCore,
}
