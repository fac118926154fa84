using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace StateAnalyzers.CodeFixes.Shared;

/// <summary>
/// The shape every StateAnalyzers fix shares: each diagnostic carries one edit in its properties, a single fix
/// applies one edit, and Fix All (document, project, solution) applies every edit of the scope in one pass, so
/// that edits to the same node, block or document compose instead of conflicting.
/// </summary>
public abstract class BatchCodeFix<TEdit> : CodeFixProvider
    where TEdit : class
{
    public sealed override FixAllProvider GetFixAllProvider() => new AllInOnePass(this);

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var solution = context.Document.Project.Solution;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (Read(diagnostic) is { } edit && await CanApplyAsync(context.Document, edit, context.CancellationToken).ConfigureAwait(false))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(TitleOf(edit), ct => ApplyAsync(solution, new[] { edit }, ct), EquivalenceKey),
                    diagnostic);
            }
        }
    }

    private protected abstract string EquivalenceKey { get; }

    private protected abstract string FixAllTitle { get; }

    /// <summary>The edit a diagnostic asks for, or null when it offers no fix.</summary>
    private protected abstract TEdit? Read(Diagnostic diagnostic);

    private protected abstract string TitleOf(TEdit edit);

    private protected virtual Task<bool> CanApplyAsync(Document document, TEdit edit, CancellationToken cancellationToken) => Task.FromResult(true);

    private protected abstract Task<Solution> ApplyAsync(Solution solution, IReadOnlyList<TEdit> edits, CancellationToken cancellationToken);

    private sealed class AllInOnePass : FixAllProvider
    {
        private readonly BatchCodeFix<TEdit> _fix;

        public AllInOnePass(BatchCodeFix<TEdit> fix)
        {
            _fix = fix;
        }

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => FixAllDiagnostics.Scopes;

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            var diagnostics = await FixAllDiagnostics.CollectAsync(fixAllContext).ConfigureAwait(false);
            var edits = diagnostics.Select(_fix.Read).Where(e => e is not null).Select(e => e!).ToList();
            return edits.Count == 0
                ? null
                : CodeAction.Create(_fix.FixAllTitle, ct => _fix.ApplyAsync(fixAllContext.Solution, edits, ct), fixAllContext.CodeActionEquivalenceKey);
        }
    }
}
