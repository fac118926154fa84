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
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SensitiveCookie, Descriptors.SecretToRemove);

    private protected override bool FollowsHelpers => true;

    private protected override void Analyze(Action<Diagnostic> report, CompilationModel model, RuleSettings settings, CookieWrite write)
    {
        if (write.Source.IsBuilder())
        {
            return;
        }

        // At a helper's call site only what the caller passes counts: the helper's own cookie name is judged inside it,
        // and a helper whose own name is sensitive is reported there once, not again at every call.
        var classifier = new SensitiveValueClassifier(settings.SensitiveNames);
        if (write.HelperOwnsName && write.Name is not null && classifier.Classify(write.Name, null) is not null)
        {
            return;
        }

        var verdict = classifier.Classify(write.Name, write.Value, judgeName: !write.HelperOwnsName, rawHeader: write.Source == CookieSource.RawHeader);
        if (verdict is null)
        {
            return;
        }

        // A password or private key belongs in the session no more than in the cookie: no move is offered.
        report(Diagnostic.Create(
            verdict.IsSecretToRemove ? Descriptors.SecretToRemove : Descriptors.SensitiveCookie,
            write.Operation.Syntax.GetLocation(),
            verdict.IsSecretToRemove ? ImmutableDictionary<string, string?>.Empty : MoveToSessionFinding.For(model, write),
            write.DisplayName,
            verdict.Reason));
    }
}
