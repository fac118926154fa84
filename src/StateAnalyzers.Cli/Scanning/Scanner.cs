using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;
using StateAnalyzers.Cli.Loading;
using StateAnalyzers.Cli.Options;
using StateAnalyzers.Cli.Progress;

namespace StateAnalyzers.Cli.Scanning;

/// <summary>Resolve, restore, load, then compile and analyze each project, reporting each step.</summary>
internal static class Scanner
{
    public static async Task<(ScanResult Result, LoadedWorkspace Workspace)> ScanAsync(
        ScanOptions options, IScanProgress progress, CancellationToken cancellationToken)
    {
        var input = ScanInput.Resolve(options.Path);
        var sdk = SdkLocator.Register(input.RootDirectory);
        if (sdk is not null)
        {
            progress.Stage($"SDK {sdk}");
        }

        if (options.Restore)
        {
            foreach (var target in input.RestoreTargets)
            {
                progress.Stage($"restore {Path.GetRelativePath(input.RootDirectory, target)}");
                var failure = await Restorer.RestoreAsync(target, cancellationToken).ConfigureAwait(false);
                if (failure is not null)
                {
                    progress.Stage($"restore failed, loading anyway: {failure}");
                }
            }
        }

        progress.Stage("load");
        var announced = new HashSet<string>(StringComparer.Ordinal);
        var loadProgress = new Progress<ProjectLoadProgress>(p =>
        {
            if (announced.Add(p.FilePath))
            {
                progress.ProjectStep(Path.GetFileNameWithoutExtension(p.FilePath), "load");
            }
        });
        var workspace = await LoadedWorkspace.OpenAsync(input, loadProgress, cancellationToken).ConfigureAwait(false);
        var result = await AnalyzeAsync(workspace, input.RootDirectory, options.Preset, progress, cancellationToken).ConfigureAwait(false);
        progress.Stage($"{result.Findings.Count} finding(s) in {result.Projects.Count} project(s)");
        return (result, workspace);
    }

    /// <summary>Analyses the workspace's current solution (again, after a fix).</summary>
    public static async Task<ScanResult> AnalyzeAsync(
        LoadedWorkspace workspace, string rootDirectory, Preset preset, IScanProgress progress, CancellationToken cancellationToken)
    {
        var solution = AnalysisSolution(workspace, preset);
        var outcomes = workspace.LoadFailures
            .Select(f => new ProjectOutcome(Path.GetFileNameWithoutExtension(f.Key), f.Key, ProjectStatus.LoadFailed, f.Value, 0))
            .ToList();
        var findings = new List<Finding>();
        foreach (var id in workspace.ProjectIds)
        {
            var project = solution.GetProject(id)!;
            var (outcome, projectFindings) = await ProjectScanner.ScanAsync(
                project, rootDirectory, step => progress.ProjectStep(project.Name, step), cancellationToken).ConfigureAwait(false);
            progress.ProjectDone(project.Name, Summary(outcome), outcome.Complete);
            outcomes.Add(outcome);
            findings.AddRange(projectFindings);
        }

        foreach (var failed in outcomes.Where(o => o.Status == ProjectStatus.LoadFailed))
        {
            progress.ProjectDone(failed.Name, Summary(failed), ok: false);
        }

        var ordered = findings
            .OrderBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.RelativePath, StringComparer.Ordinal)
            .ThenBy(f => f.Line)
            .ThenBy(f => f.Column);
        return new ScanResult(rootDirectory, Fingerprints.Assign(ordered),
            outcomes.OrderBy(o => o.FilePath, StringComparer.Ordinal).ToList());
    }

    /// <summary>The solution the analyzers see: the preset is added in memory, never written to the user's tree.</summary>
    public static Solution AnalysisSolution(LoadedWorkspace workspace, Preset preset) =>
        AnalysisSolution(workspace.Workspace.CurrentSolution, workspace.ProjectIds, preset);

    public static Solution AnalysisSolution(Solution solution, IEnumerable<ProjectId> projects, Preset preset) =>
        preset == Preset.Strict ? StrictPreset.Apply(solution, projects) : solution;

    private static string Summary(ProjectOutcome outcome) => outcome.Status switch
    {
        ProjectStatus.Analysed => $"{outcome.FindingCount} finding(s)",
        ProjectStatus.CompileErrors => $"{outcome.FindingCount} finding(s); {outcome.Detail}",
        ProjectStatus.NotAspNetCore => "skipped: does not reference ASP.NET Core",
        _ => $"not loaded: {outcome.Detail}",
    };
}
