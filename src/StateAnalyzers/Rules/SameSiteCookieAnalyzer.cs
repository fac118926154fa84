using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StateAnalyzers.Analysis;
using StateAnalyzers.Cookies;
using StateAnalyzers.Cookies.Attributes;
using StateAnalyzers.Rules.Reporting;
using StateAnalyzers.Rules.Settings;

namespace StateAnalyzers.Rules;

/// <summary>STATE006: A cookie with no SameSite policy. An explicit SameSite=None is a deliberate choice (STATE005 checks its Secure).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SameSiteCookieAnalyzer : CookieWriteAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SameSite);

    private protected override void Analyze(Action<Diagnostic> report, CompilationModel model, RuleSettings settings, CookieWrite write)
    {
        var sameSite = write.Attributes.SameSite;
        if (!sameSite.Is(SameSiteLevel.Unspecified)
            || (write.Source.IsBuilder() && !AttributeFinding.IsStatedInCode(sameSite.Origin))
            || model.Project.CookiePolicy.CoversSameSite(write))
        {
            return;
        }

        AttributeFinding.Report(report, Descriptors.SameSite, write, settings, AttributeKind.SameSite, sameSite.Origin, sameSite.Anchor, null, AttributeFinding.SameSiteReason(write, sameSite));
    }
}
