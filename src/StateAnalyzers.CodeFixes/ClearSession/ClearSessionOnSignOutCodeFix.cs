using System.Collections.Immutable;
using System.Composition;
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
public sealed class ClearSessionOnSignOutCodeFix : BatchCodeFix
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.STATE003);

    private protected override IBatchFix Fix { get; } = new BatchFix<SessionClear>(
        EquivalenceKeys.ClearSessionOnSignOut,
        "Clear the session before every sign-out",
        SessionClear.From,
        e => e.Title,
        SessionClearer.ApplyAsync,
        SessionClearer.CanApplyAsync);
}
