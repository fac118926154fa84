using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using StateAnalyzers.Catalogue;
using StateAnalyzers.CodeFixes.Shared;

namespace StateAnalyzers.CodeFixes.LimitLifetime;

/// <summary>
/// STATE009: sets a too-long lifetime to the configured maximum, written the way the code wrote it
/// (<c>TimeSpan.FromDays(365)</c> becomes <c>TimeSpan.FromDays(30)</c>, <c>UtcNow.AddYears(1)</c> becomes
/// <c>UtcNow.AddDays(30)</c>); the analyzer computes the replacement for the maximum of the file's options.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LimitLifetimeCodeFix)), Shared]
public sealed class LimitLifetimeCodeFix : BatchCodeFix
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.STATE009);

    private protected override IBatchFix Fix { get; } = new BatchFix<LifetimeLimit>(
        EquivalenceKeys.LimitLifetime,
        "Set every lifetime to the maximum",
        LifetimeLimit.From,
        l => l.Title,
        LifetimeLimiter.ApplyAsync);
}
