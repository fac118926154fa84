namespace StateAnalyzers.Cli.Scanning;

/// <summary>The findings of one scan and what happened to each project, in a stable order.</summary>
internal sealed record ScanResult(string RootDirectory, IReadOnlyList<Finding> Findings, IReadOnlyList<ProjectOutcome> Projects)
{
    /// <summary>Every project loaded, compiled and was analysed.</summary>
    public bool CoverageComplete => Projects.All(p => p.Complete);

    public IEnumerable<ProjectOutcome> IncompleteProjects => Projects.Where(p => !p.Complete);

    /// <summary>At least one project that references ASP.NET Core was analysed.</summary>
    public bool AnythingAnalysed => Projects.Any(p => p.Status is ProjectStatus.Analysed or ProjectStatus.CompileErrors);
}
