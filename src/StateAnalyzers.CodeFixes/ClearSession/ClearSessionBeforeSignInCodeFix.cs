using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using StateAnalyzers.Catalogue;
using StateAnalyzers.CodeFixes.Shared;

namespace StateAnalyzers.CodeFixes.ClearSession;

/// <summary>
/// STATE008: clears the session just before the sign-in, so nothing written before the login (a planted value, the
/// anonymous visitor's data) carries over into the authenticated session; the same insertion STATE003's fix makes
/// before a sign-out, through the same session in reach.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ClearSessionBeforeSignInCodeFix)), Shared]
public sealed class ClearSessionBeforeSignInCodeFix : BatchCodeFix
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.STATE008);

    private protected override IBatchFix Fix { get; } = new BatchFix<SessionClear>(
        EquivalenceKeys.ClearSessionBeforeSignIn,
        "Clear the session before every sign-in",
        SessionClear.From,
        e => e.Title,
        SessionClearer.ApplyAsync,
        SessionClearer.CanApplyAsync);
}
