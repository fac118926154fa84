using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace StateAnalyzers.CodeFixes.Shared;

internal interface IBatchFix
{
    FixAllProvider FixAllProvider { get; }

    Task RegisterAsync(CodeFixContext context);
}

/// <summary>
/// The shape every StateAnalyzers fix shares: each diagnostic carries one edit in its properties, a single fix
/// applies one edit, and Fix All (document, project, solution) applies every edit of the scope in one pass, so
/// that edits to the same node, block or document compose instead of conflicting.
/// </summary>
internal sealed class BatchFix<TEdit> : IBatchFix
    where TEdit : class
{
    private readonly string _equivalenceKey;
    private readonly string _fixAllTitle;
    private readonly Func<Diagnostic, TEdit?> _read;
    private readonly Func<TEdit, string> _titleOf;
    private readonly Func<Solution, IReadOnlyList<TEdit>, CancellationToken, Task<Solution>> _apply;
    private readonly Func<Document, TEdit, CancellationToken, Task<bool>>? _canApply;

    /// <param name="equivalenceKey">One of <see cref="EquivalenceKeys"/>.</param>
    /// <param name="fixAllTitle">The title of the Fix All action.</param>
    /// <param name="read">The edit a diagnostic asks for, or null when it offers no fix.</param>
    /// <param name="titleOf">The title of a single fix.</param>
    /// <param name="apply">Applies edits to a solution, all in one pass.</param>
    /// <param name="canApply">Whether a single fix is offered at all (all are, when null).</param>
    public BatchFix(
        string equivalenceKey,
        string fixAllTitle,
        Func<Diagnostic, TEdit?> read,
        Func<TEdit, string> titleOf,
        Func<Solution, IReadOnlyList<TEdit>, CancellationToken, Task<Solution>> apply,
        Func<Document, TEdit, CancellationToken, Task<bool>>? canApply = null)
    {
        _equivalenceKey = equivalenceKey;
        _fixAllTitle = fixAllTitle;
        _read = read;
        _titleOf = titleOf;
        _apply = apply;
        _canApply = canApply;
        FixAllProvider = new AllInOnePass(this);
    }

    public FixAllProvider FixAllProvider { get; }

    public async Task RegisterAsync(CodeFixContext context)
    {
        var solution = context.Document.Project.Solution;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (_read(diagnostic) is { } edit
                && (_canApply is null || await _canApply(context.Document, edit, context.CancellationToken).ConfigureAwait(false)))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(_titleOf(edit), ct => _apply(solution, new[] { edit }, ct), _equivalenceKey),
                    diagnostic);
            }
        }
    }

    private sealed class AllInOnePass : FixAllProvider
    {
        private readonly BatchFix<TEdit> _fix;

        public AllInOnePass(BatchFix<TEdit> fix)
        {
            _fix = fix;
        }

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => FixAllDiagnostics.Scopes;

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            var diagnostics = await FixAllDiagnostics.CollectAsync(fixAllContext).ConfigureAwait(false);
            var edits = diagnostics.Select(_fix._read).Where(e => e is not null).Select(e => e!).ToList();
            return edits.Count == 0
                ? null
                : CodeAction.Create(_fix._fixAllTitle, ct => _fix._apply(fixAllContext.Solution, edits, ct), fixAllContext.CodeActionEquivalenceKey);
        }
    }
}
