using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;

namespace StateAnalyzers.Cli.Loading;

/// <summary>
/// The scanned projects, opened with MSBuildWorkspace. A multi-targeted project is analysed once, for its first
/// target framework. Projects that failed to load are kept with the reason, so coverage can say which.
/// </summary>
internal sealed class LoadedWorkspace : IDisposable
{
    private LoadedWorkspace(MSBuildWorkspace workspace, IReadOnlyList<ProjectId> projects, IReadOnlyDictionary<string, string> failures)
    {
        Workspace = workspace;
        ProjectIds = projects;
        LoadFailures = failures;
    }

    public MSBuildWorkspace Workspace { get; }

    /// <summary>The C# projects to analyse, in a stable order (by file path).</summary>
    public IReadOnlyList<ProjectId> ProjectIds { get; }

    /// <summary>Project file path to the reason it could not be loaded.</summary>
    public IReadOnlyDictionary<string, string> LoadFailures { get; }

    public static async Task<LoadedWorkspace> OpenAsync(ScanInput input, IProgress<ProjectLoadProgress> progress, CancellationToken cancellationToken)
    {
        var workspace = MSBuildWorkspace.Create();
        var failures = new Dictionary<string, string>(StringComparer.Ordinal);
        var diagnostics = new List<WorkspaceDiagnostic>();
        workspace.RegisterWorkspaceFailedHandler(e => diagnostics.Add(e.Diagnostic));

        if (input.SolutionPath is not null)
        {
            await workspace.OpenSolutionAsync(input.SolutionPath, progress, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            foreach (var path in input.ProjectPaths)
            {
                if (workspace.CurrentSolution.Projects.Any(p => SamePath(p.FilePath, path)))
                {
                    continue;
                }

                try
                {
                    await workspace.OpenProjectAsync(path, progress, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is InvalidOperationException or IOException)
                {
                    failures[path] = e.Message;
                }
            }
        }

        // A solution is scanned whole; a project or a folder only for the projects named, not what they reference.
        var projects = workspace.CurrentSolution.Projects
            .Where(p => p.Language == LanguageNames.CSharp && p.FilePath is not null)
            .Where(p => input.SolutionPath is not null || input.ProjectPaths.Contains(p.FilePath!, StringComparer.Ordinal))
            .GroupBy(p => p.FilePath!, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(p => p.FilePath, StringComparer.Ordinal)
            .ToList();

        foreach (var failure in diagnostics.Where(d => d.Kind == WorkspaceDiagnosticKind.Failure))
        {
            var path = ProjectPathIn(failure.Message);
            if (path is not null && !projects.Any(p => SamePath(p.FilePath, path)))
            {
                failures.TryAdd(path, failure.Message);
            }
        }

        // A project that loaded without a single source document did not really load (its evaluation failed).
        foreach (var empty in projects.Where(p => !p.Documents.Any()).ToList())
        {
            projects.Remove(empty);
            failures.TryAdd(empty.FilePath!, diagnostics.FirstOrDefault(d => d.Message.Contains(empty.FilePath!, StringComparison.Ordinal))?.Message
                ?? "the project has no C# source files after evaluation");
        }

        return new LoadedWorkspace(workspace, projects.Select(p => p.Id).ToList(), failures);
    }

    public void Dispose() => Workspace.Dispose();

    private static bool SamePath(string? a, string b) => string.Equals(a, b, StringComparison.Ordinal);

    /// <summary>MSBuildWorkspace names the project file in its failure messages ("... processing file 'x.csproj' ...").</summary>
    private static string? ProjectPathIn(string message)
    {
        var start = message.IndexOf('\'', StringComparison.Ordinal);
        var end = start < 0 ? -1 : message.IndexOf('\'', start + 1);
        return end > start + 1 ? message[(start + 1)..end] : null;
    }
}
