using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using StateAnalyzers.Catalogue;
using StateAnalyzers.CodeFixes.Shared;

namespace StateAnalyzers.CodeFixes.MoveToSession;

/// <summary>
/// STATE001 and STATE002: the data belongs on the server. Rewrites the cookie write into a session write, and the
/// reads and deletes of the same constant cookie name in the project into session reads and removes.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MoveToSessionCodeFix)), Shared]
public sealed class MoveToSessionCodeFix : BatchCodeFix
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIds.STATE001, RuleIds.STATE002);

    private protected override IBatchFix Fix { get; } = new BatchFix<SessionMove>(
        EquivalenceKeys.MoveToSession,
        "Move every such cookie into the session",
        SessionMove.From,
        e => e.Title,
        SessionMover.ApplyAsync,
        SessionMover.CanApplyAsync);
}
