using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
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
public sealed class MoveToSessionCodeFix : BatchCodeFix<SessionMove>
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIds.STATE001, RuleIds.STATE002);

    private protected override string EquivalenceKey => EquivalenceKeys.MoveToSession;

    private protected override string FixAllTitle => "Move every such cookie into the session";

    private protected override SessionMove? Read(Diagnostic diagnostic) => SessionMove.From(diagnostic);

    private protected override string TitleOf(SessionMove edit) => edit.Title;

    private protected override Task<Solution> ApplyAsync(Solution solution, IReadOnlyList<SessionMove> edits, CancellationToken cancellationToken) =>
        SessionMover.ApplyAsync(solution, edits, cancellationToken);
}
