using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using StateAnalyzers.Catalogue;
using StateAnalyzers.CodeFixes.Shared;

namespace StateAnalyzers.CodeFixes.TightenCookie;

/// <summary>
/// STATE004-006: sets HttpOnly / Secure / SameSite where the analyzer found them missing or weakened: a new
/// options argument, the object initializer, the assignment, the builder lambda, or the raw Set-Cookie string.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TightenCookieCodeFix)), Shared]
public sealed class TightenCookieCodeFix : BatchCodeFix<CookieEdit>
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIds.STATE004, RuleIds.STATE005, RuleIds.STATE006);

    private protected override string EquivalenceKey => EquivalenceKeys.TightenCookie;

    private protected override string FixAllTitle => "Tighten every cookie";

    private protected override CookieEdit? Read(Diagnostic diagnostic) => CookieEdit.From(diagnostic);

    private protected override string TitleOf(CookieEdit edit) => edit.Title;

    private protected override Task<Solution> ApplyAsync(Solution solution, IReadOnlyList<CookieEdit> edits, CancellationToken cancellationToken) =>
        CookieTightener.ApplyAsync(solution, edits, cancellationToken);
}
