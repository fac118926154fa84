using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using StateAnalyzers.Catalogue;
using StateAnalyzers.CodeFixes.Shared;

namespace StateAnalyzers.CodeFixes.TightenCookie;

/// <summary>
/// STATE004-006: sets HttpOnly / Secure / SameSite where the analyzer found them missing or weakened: a new
/// options argument, the object initializer, the assignment, the builder lambda, or the raw Set-Cookie string.
/// STATE010, in the same places: adds the Secure a cookie prefix requires, sets Path to <c>/</c>, removes the Domain,
/// and caps a lifetime at 400 days.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TightenCookieCodeFix)), Shared]
public sealed class TightenCookieCodeFix : BatchCodeFix
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIds.STATE004, RuleIds.STATE005, RuleIds.STATE006, RuleIds.STATE010);

    private protected override IBatchFix Fix { get; } = new BatchFix<CookieEdit>(
        EquivalenceKeys.TightenCookie,
        "Tighten every cookie",
        CookieEdit.From,
        e => e.Title,
        CookieTightener.ApplyAsync);
}
