using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using StateAnalyzers.Catalogue;
using StateAnalyzers.CodeFixes.Shared;

namespace StateAnalyzers.CodeFixes.TempDataProvider;

/// <summary>
/// STATE011: keeps TempData in the session instead of the cookie: <c>.AddSessionStateTempDataProvider()</c> on the MVC
/// or Razor Pages registration, and the session configured as STATE007's fix does it, with a hardened cookie.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SwitchTempDataProviderCodeFix)), Shared]
public sealed class SwitchTempDataProviderCodeFix : BatchCodeFix
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.STATE011);

    private protected override IBatchFix Fix { get; } = new BatchFix<TempDataProviderSwitch>(
        EquivalenceKeys.SwitchTempDataProvider,
        "Keep TempData in the session in every project",
        TempDataProviderSwitch.From,
        e => e.Title,
        TempDataProviderSwitcher.ApplyAsync,
        (document, edit, ct) => TempDataProviderSwitcher.CanApplyAsync(document.Project.Solution, edit, ct));
}
