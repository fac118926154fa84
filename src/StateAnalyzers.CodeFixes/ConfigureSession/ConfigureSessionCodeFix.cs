using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using StateAnalyzers.Catalogue;
using StateAnalyzers.CodeFixes.Shared;

namespace StateAnalyzers.CodeFixes.ConfigureSession;

/// <summary>
/// STATE007: writes what the host lacks: <c>AddSession()</c> among the service registrations, <c>UseSession()</c>
/// before the endpoints, or the misplaced <c>UseSession()</c> moved there.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ConfigureSessionCodeFix)), Shared]
public sealed class ConfigureSessionCodeFix : BatchCodeFix
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.STATE007);

    private protected override IBatchFix Fix { get; } = new BatchFix<SessionConfiguration>(
        EquivalenceKeys.ConfigureSession,
        "Configure the session in every host",
        SessionConfiguration.From,
        e => e.Title,
        SessionConfigurer.ApplyAsync,
        (document, edit, ct) => SessionConfigurer.CanApplyAsync(document.Project.Solution, edit, ct));
}
