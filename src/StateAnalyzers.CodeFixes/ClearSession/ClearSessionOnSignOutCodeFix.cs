using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using StateAnalyzers.Catalogue;
using StateAnalyzers.CodeFixes.Shared;

namespace StateAnalyzers.CodeFixes.ClearSession;

/// <summary>
/// STATE003: clears the session just before the sign-out, through the session the analyzer found in reach
/// (<c>HttpContext.Session</c> in a controller, <c>context.Session</c> from the sign-out's HttpContext,
/// <c>accessor.HttpContext!.Session</c> in a service).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ClearSessionOnSignOutCodeFix)), Shared]
public sealed class ClearSessionOnSignOutCodeFix : BatchCodeFix<SessionClear>
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.STATE003);

    private protected override string EquivalenceKey => EquivalenceKeys.ClearSessionOnSignOut;

    private protected override string FixAllTitle => "Clear the session before every sign-out";

    private protected override SessionClear? Read(Diagnostic diagnostic) => SessionClear.From(diagnostic);

    private protected override string TitleOf(SessionClear edit) => edit.Title;

    private protected override Task<bool> CanApplyAsync(Document document, SessionClear edit, CancellationToken cancellationToken) =>
        SessionClearer.CanApplyAsync(document, edit, cancellationToken);

    private protected override Task<Solution> ApplyAsync(Solution solution, IReadOnlyList<SessionClear> edits, CancellationToken cancellationToken) =>
        SessionClearer.ApplyAsync(solution, edits, cancellationToken);
}
