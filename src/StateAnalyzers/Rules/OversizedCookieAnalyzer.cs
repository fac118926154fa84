using System;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StateAnalyzers.Analysis;
using StateAnalyzers.Cookies;
using StateAnalyzers.Rules.Reporting;
using StateAnalyzers.Rules.Settings;
using StateAnalyzers.Values;

namespace StateAnalyzers.Rules;

/// <summary>STATE002: A cookie value that can outgrow what browsers keep (4096 bytes of name and value by default).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OversizedCookieAnalyzer : CookieWriteAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.OversizedCookie);

    private protected override bool FollowsHelpers => true;

    private protected override void Analyze(Action<Diagnostic> report, CompilationModel model, RuleSettings settings, CookieWrite write)
    {
        if (write.Value is null || write.Source.IsBuilder())
        {
            return;
        }

        var reason = CookieSizeClassifier.Classify(write.Name, write.Value, settings.MaxCookieBytes);
        if (reason is null)
        {
            return;
        }

        report(Diagnostic.Create(
            Descriptors.OversizedCookie,
            write.Operation.Syntax.GetLocation(),
            MoveToSessionFinding.For(model, write),
            write.DisplayName,
            settings.MaxCookieBytes.ToString(CultureInfo.InvariantCulture),
            reason));
    }
}
