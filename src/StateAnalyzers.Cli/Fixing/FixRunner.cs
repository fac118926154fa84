using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using StateAnalyzers.Cli.Loading;
using StateAnalyzers.Cli.Options;
using StateAnalyzers.Cli.Progress;
using StateAnalyzers.Cli.Scanning;

namespace StateAnalyzers.Cli.Fixing;

/// <summary>
/// <c>--fix</c>: for each rule in ID order, each project, the rule's Fix All over the project's findings; then one
/// more round, because a fix may leave a finding of another rule behind (STATE007's <c>AddSession()</c> followed by
/// STATE005's fix of the session cookie). Writes the changed files, or with <c>--dry-run</c> prints a unified diff.
/// </summary>
internal static class FixRunner
{
    private const int Rounds = 2;

    public static async Task<(ScanResult Result, IReadOnlyList<string> Report)> RunAsync(
        LoadedWorkspace workspace, ScanResult before, ScanOptions options, IScanProgress progress, CancellationToken cancellationToken)
    {
        var original = workspace.Workspace.CurrentSolution;
        var current = original;
        var fixedCounts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (var round = 1; round <= Rounds; round++)
        {
            var changedThisRound = false;
            foreach (var ruleId in ToolRules.RuleIds)
            {
                var provider = ToolRules.CodeFixes.FirstOrDefault(p => p.FixableDiagnosticIds.Contains(ruleId));
                if (provider is null)
                {
                    continue;
                }

                foreach (var projectId in workspace.ProjectIds)
                {
                    var (next, count) = await FixAsync(current, workspace.ProjectIds, projectId, ruleId, provider, options.Preset, cancellationToken).ConfigureAwait(false);
                    if (count > 0)
                    {
                        progress.ProjectStep(current.GetProject(projectId)!.Name, $"fix {ruleId} ({count}), round {round}");
                        current = next;
                        fixedCounts[ruleId] = fixedCounts.GetValueOrDefault(ruleId) + count;
                        changedThisRound = true;
                    }
                }
            }

            if (!changedThisRound)
            {
                break;
            }
        }

        var changedDocuments = ChangedDocuments(original, current).ToList();
        var report = new List<string>();
        if (options.DryRun)
        {
            foreach (var (before0, after) in changedDocuments)
            {
                var path = Path.GetRelativePath(before.RootDirectory, before0.FilePath!).Replace('\\', '/');
                report.Add(UnifiedDiff.Create(path, (await before0.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString(),
                    (await after.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString()).TrimEnd('\n'));
            }

            report.Add($"--fix --dry-run: would fix {Describe(fixedCounts)} in {changedDocuments.Count} file(s); nothing was written");
            return (before, report);
        }

        if (changedDocuments.Count > 0 && !workspace.Workspace.TryApplyChanges(current))
        {
            throw new UsageException("the fixed files could not be written");
        }

        report.AddRange(changedDocuments.Select(d => $"fixed: {Path.GetRelativePath(before.RootDirectory, d.Before.FilePath!).Replace('\\', '/')}"));
        report.Add($"--fix: fixed {Describe(fixedCounts)} in {changedDocuments.Count} file(s)");
        progress.Stage("analyze again after the fixes");
        var after0 = await Scanner.AnalyzeAsync(workspace, before.RootDirectory, options.Preset, progress, cancellationToken).ConfigureAwait(false);
        return (after0, report);
    }

    /// <summary>Applies the rule's Fix All to one project of <paramref name="solution"/>; returns how many findings it covered.</summary>
    private static async Task<(Solution Solution, int Count)> FixAsync(
        Solution solution, IReadOnlyList<ProjectId> projects, ProjectId projectId, string ruleId, CodeFixProvider provider, Preset preset, CancellationToken cancellationToken)
    {
        var analysed = Scanner.AnalysisSolution(solution, projects, preset);
        var project = analysed.GetProject(projectId)!;
        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        if (compilation is null)
        {
            return (solution, 0);
        }

        var diagnostics = (await ProjectScanner.AnalyzeAsync(compilation, project.AnalyzerOptions, cancellationToken).ConfigureAwait(false))
            .Where(d => d.Id == ruleId && !d.IsSuppressed && d.Location.IsInSource && d.Severity != DiagnosticSeverity.Hidden)
            .ToImmutableArray();
        if (diagnostics.IsEmpty)
        {
            return (solution, 0);
        }

        var first = diagnostics[0];
        var document = project.GetDocument(first.Location.SourceTree);
        if (document is null)
        {
            return (solution, 0);
        }

        var actions = new List<CodeAction>();
        await provider.RegisterCodeFixesAsync(new CodeFixContext(document, first, (action, _) => actions.Add(action), cancellationToken)).ConfigureAwait(false);
        var fixAll = provider.GetFixAllProvider();
        if (actions.Count == 0 || fixAll is null)
        {
            return (solution, 0);
        }

        var context = new FixAllContext(project, provider, FixAllScope.Project, actions[0].EquivalenceKey, [ruleId],
            new KnownDiagnostics(diagnostics), cancellationToken);
        var fix = await fixAll.GetFixAsync(context).ConfigureAwait(false);
        if (fix is null)
        {
            return (solution, 0);
        }

        var operations = await fix.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
        var changed = operations.OfType<ApplyChangesOperation>().LastOrDefault()?.ChangedSolution;
        if (changed is null)
        {
            return (solution, 0);
        }

        // The fix ran on the analysis solution (which may hold the in-memory preset); only document texts go back.
        var result = solution;
        foreach (var (before, after) in ChangedDocuments(analysed, changed))
        {
            if (result.GetDocument(before.Id) is not null)
            {
                result = result.WithDocumentText(before.Id, await after.GetTextAsync(cancellationToken).ConfigureAwait(false));
            }
        }

        return ReferenceEquals(result, solution) ? (solution, 0) : (result, diagnostics.Length);
    }

    private static IEnumerable<(Document Before, Document After)> ChangedDocuments(Solution before, Solution after) =>
        after.GetChanges(before).GetProjectChanges()
            .SelectMany(p => p.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true))
            .Select(id => (before.GetDocument(id)!, after.GetDocument(id)!))
            .Where(d => d.Item1.FilePath is not null)
            .OrderBy(d => d.Item1.FilePath, StringComparer.Ordinal);

    private static string Describe(SortedDictionary<string, int> counts) =>
        counts.Count == 0 ? "nothing" : string.Join(", ", counts.Select(c => $"{c.Key} x{c.Value}"));

    /// <summary>The diagnostics already computed for the Fix All request.</summary>
    private sealed class KnownDiagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult(diagnostics.Where(d => d.Location.SourceTree?.FilePath == document.FilePath));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);
    }
}
