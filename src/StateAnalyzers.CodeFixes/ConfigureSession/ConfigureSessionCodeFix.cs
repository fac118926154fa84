using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
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
public sealed class ConfigureSessionCodeFix : BatchCodeFix<SessionConfiguration>
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.STATE007);

    private protected override string EquivalenceKey => EquivalenceKeys.ConfigureSession;

    /// <summary>Fix All: the hosts' edits are planned against the original documents and applied once per document.</summary>
    private protected override string FixAllTitle => "Configure the session in every host";

    private protected override SessionConfiguration? Read(Diagnostic diagnostic) => SessionConfiguration.From(diagnostic);

    private protected override string TitleOf(SessionConfiguration edit) => edit.Title;

    private protected override Task<bool> CanApplyAsync(Document document, SessionConfiguration edit, CancellationToken cancellationToken) =>
        SessionConfigurer.CanApplyAsync(document.Project.Solution, edit, cancellationToken);

    private protected override Task<Solution> ApplyAsync(Solution solution, IReadOnlyList<SessionConfiguration> edits, CancellationToken cancellationToken) =>
        SessionConfigurer.ApplyAsync(solution, edits, cancellationToken);
}
