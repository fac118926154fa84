using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace StateAnalyzers.Cli.Scanning;

/// <summary>
/// Compiles one project and runs the tool's analyzers on it, with the project's own analyzer options (its
/// .editorconfig and .globalconfig: severities and STATE00N.* options). Only StateAnalyzers diagnostics are kept;
/// compiler errors only mark the project as incomplete.
/// </summary>
internal static class ProjectScanner
{
    private const string AspNetCoreMarkerType = "Microsoft.AspNetCore.Http.IResponseCookies";

    public static async Task<(ProjectOutcome Outcome, IReadOnlyList<Finding> Findings)> ScanAsync(
        Project project, string rootDirectory, Action<string> step, CancellationToken cancellationToken)
    {
        step("compile");
        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        if (compilation is null)
        {
            return (new ProjectOutcome(project.Name, project.FilePath!, ProjectStatus.LoadFailed, "no compilation", 0), []);
        }

        if (compilation.GetTypeByMetadataName(AspNetCoreMarkerType) is null)
        {
            return (new ProjectOutcome(project.Name, project.FilePath!, ProjectStatus.NotAspNetCore, "does not reference ASP.NET Core", 0), []);
        }

        step("analyze");
        var diagnostics = await AnalyzeAsync(compilation, project.AnalyzerOptions, cancellationToken).ConfigureAwait(false);
        var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error && !ToolRules.RuleIds.Contains(d.Id));
        var findings = diagnostics
            .Where(d => ToolRules.RuleIds.Contains(d.Id) && !d.IsSuppressed && d.Severity != DiagnosticSeverity.Hidden && d.Location.IsInSource)
            .Select(d => ToFinding(d, project.Name, rootDirectory))
            .OrderBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.RelativePath, StringComparer.Ordinal)
            .ThenBy(f => f.Line)
            .ThenBy(f => f.Column)
            .ToList();
        var outcome = errors == 0
            ? new ProjectOutcome(project.Name, project.FilePath!, ProjectStatus.Analysed, null, findings.Count)
            : new ProjectOutcome(project.Name, project.FilePath!, ProjectStatus.CompileErrors,
                $"{errors} compile error(s), first: {FirstError(diagnostics, rootDirectory)}", findings.Count);
        return (outcome, findings);
    }

    /// <summary>The tool's diagnostics of a compilation (compiler ones included), at their effective severity.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var withAnalyzers = compilation.WithAnalyzers(ToolRules.Analyzers, new CompilationWithAnalyzersOptions(
            options, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        return await withAnalyzers.GetAllDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string FirstError(ImmutableArray<Diagnostic> diagnostics, string rootDirectory)
    {
        var error = diagnostics.First(d => d.Severity == DiagnosticSeverity.Error && !ToolRules.RuleIds.Contains(d.Id));
        var span = error.Location.GetLineSpan();
        var where = error.Location.IsInSource ? $"{Path.GetRelativePath(rootDirectory, span.Path)}:{span.StartLinePosition.Line + 1}: " : "";
        return $"{where}{error.Id} {error.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    private static Finding ToFinding(Diagnostic diagnostic, string projectName, string rootDirectory)
    {
        var span = diagnostic.Location.GetLineSpan();
        var text = diagnostic.Location.SourceTree!.GetText();
        var line = text.Lines[span.StartLinePosition.Line].ToString();
        return new Finding(
            diagnostic.Id,
            diagnostic.Severity,
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
            projectName,
            span.Path,
            Path.GetRelativePath(rootDirectory, span.Path).Replace('\\', '/'),
            span.StartLinePosition.Line + 1,
            span.StartLinePosition.Character + 1,
            span.EndLinePosition.Line + 1,
            span.EndLinePosition.Character + 1,
            line.Trim());
    }
}
