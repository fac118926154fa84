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

/// <summary>
/// STATE010: A cookie the browser drops or cuts short (RFC 6265bis): a <c>__Secure-</c> or <c>__Host-</c> name without
/// Secure (unless the app-wide policy adds it), a <c>__Host-</c> name with a Domain or a Path other than <c>/</c>, and, as
/// an Info-level finding, a lifetime more than 400 days ahead, which the browser caps.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BrowserRejectedCookieAnalyzer : CookieWriteAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.BrowserRejectedCookie, Descriptors.HostCookieWithDomain, Descriptors.HostCookieWithPath, Descriptors.LifetimeCappedByBrowser);

    private protected override void Analyze(Action<Diagnostic> report, CompilationModel model, RuleSettings settings, CookieWrite write)
    {
        var attributes = write.Attributes;
        var prefix = CookiePrefixes.Of(write.Name);
        if (BrowserLimits.LacksSecure(prefix, attributes.Secure) && !model.Project.SuppliesSecure(write))
        {
            BrowserLimitFinding.ReportMissingSecure(report, write, settings, prefix);
        }

        if (BrowserLimits.HasDomain(prefix, attributes.Domain))
        {
            BrowserLimitFinding.ReportDomain(report, write);
        }

        if (BrowserLimits.HasWrongPath(prefix, attributes.Path))
        {
            BrowserLimitFinding.ReportPath(report, write);
        }

        if (BrowserLimits.BeyondLifetimeCap(attributes, DateTimeOffset.UtcNow) is { } lifetime)
        {
            BrowserLimitFinding.ReportLifetime(report, write, lifetime.Attribute, lifetime.IsMaxAge, lifetime.Ahead);
        }
    }
}
