using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StateAnalyzers.Analysis;
using StateAnalyzers.Cookies;
using StateAnalyzers.Rules.Reporting;
using StateAnalyzers.Rules.Settings;
using StateAnalyzers.Values;

namespace StateAnalyzers.Rules;

/// <summary>STATE001: Sensitive data (secrets, tokens, personal data) written into a cookie, where the browser can read and replay it.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SensitiveCookieAnalyzer : CookieWriteAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SensitiveCookie);

    private protected override bool FollowsHelpers => true;

    private protected override void Analyze(Action<Diagnostic> report, CompilationModel model, RuleSettings settings, CookieWrite write)
    {
        if (write.Source.IsBuilder())
        {
            return;
        }

        // At a helper's call site only what the caller passes counts: the helper's own cookie name is judged inside it.
        var reason = new SensitiveValueClassifier(settings.SensitiveNames).Classify(
            write.Name, write.Value, judgeName: !write.HelperOwnsName, rawHeader: write.Source == CookieSource.RawHeader);
        if (reason is null)
        {
            return;
        }

        report(Diagnostic.Create(
            Descriptors.SensitiveCookie,
            write.Operation.Syntax.GetLocation(),
            MoveToSessionFinding.For(model, write),
            write.DisplayName,
            reason));
    }
}
