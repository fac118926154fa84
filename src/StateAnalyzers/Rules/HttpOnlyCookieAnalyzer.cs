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

/// <summary>STATE004: A cookie that script can read: HttpOnly off where the code can see it.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HttpOnlyCookieAnalyzer : CookieWriteAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.HttpOnly);

    private protected override void Analyze(Action<Diagnostic> report, CompilationModel model, RuleSettings settings, CookieWrite write)
    {
        var httpOnly = write.Attributes.HttpOnly;
        if (!httpOnly.Is(false)
            || settings.IsScriptReadableByDesign(write.Name)
            || (write.Source.IsBuilder() && !AttributeFinding.IsStatedInCode(httpOnly.Origin))
            || model.Project.CookiePolicy.CoversHttpOnly(write))
        {
            return;
        }

        AttributeFinding.Report(report, Descriptors.HttpOnly, write, settings, AttributeKind.HttpOnly, httpOnly.Origin, httpOnly.Anchor, null, AttributeFinding.HttpOnlyReason(write, httpOnly));
    }
}
