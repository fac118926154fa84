using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace StateAnalyzers.CodeFixes.Shared;

/// <summary>The diagnostics a Fix All request covers, for the document, project or solution scope.</summary>
internal static class FixAllDiagnostics
{
    public static readonly ImmutableArray<FixAllScope> Scopes = ImmutableArray.Create(FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution);

    public static async Task<ImmutableArray<Diagnostic>> CollectAsync(FixAllContext context)
    {
        switch (context.Scope)
        {
            case FixAllScope.Document when context.Document is not null:
                return await context.GetDocumentDiagnosticsAsync(context.Document).ConfigureAwait(false);
            case FixAllScope.Project:
                return await context.GetAllDiagnosticsAsync(context.Project).ConfigureAwait(false);
            case FixAllScope.Solution:
                var perProject = await Task.WhenAll(context.Solution.Projects.Select(p => context.GetAllDiagnosticsAsync(p))).ConfigureAwait(false);
                return perProject.SelectMany(d => d).ToImmutableArray();
            default:
                return ImmutableArray<Diagnostic>.Empty;
        }
    }
}
