using System;
using Microsoft.CodeAnalysis;
using StateAnalyzers.Catalogue;
using StateAnalyzers.Cookies;
using StateAnalyzers.Cookies.Attributes;
using StateAnalyzers.Rules.Settings;

namespace StateAnalyzers.Rules.Reporting;

/// <summary>Turns a STATE010 judgement of <see cref="BrowserLimits"/> into a diagnostic: where, why, and what the fix edits.</summary>
internal static class BrowserLimitFinding
{
    public static void ReportMissingSecure(Action<Diagnostic> report, CookieWrite write, RuleSettings settings, CookiePrefix prefix)
    {
        var secure = write.Attributes.Secure;
        var reason = AttributeFinding.SecureReason(write, secure);
        AttributeFinding.Report(
            report, Descriptors.BrowserRejectedCookie, write, settings, AttributeKind.Secure, secure.Origin, secure.Anchor, null, reason,
            new object[] { write.DisplayName, prefix.Text(), reason });
    }

    public static void ReportDomain(Action<Diagnostic> report, CookieWrite write)
    {
        var domain = write.Attributes.Domain;
        var reason = domain.Origin == AttributeOrigin.RawHeader
            ? "Domain=" + domain.Value!.Value.Text + " in the Set-Cookie header"
            : "Domain = \"" + domain.Value!.Value.Text + "\"";
        report(Diagnostic.Create(Descriptors.HostCookieWithDomain, LocationOf(write, domain.Anchor), write.DisplayName, reason));
    }

    public static void ReportPath(Action<Diagnostic> report, CookieWrite write)
    {
        var path = write.Attributes.Path;
        var text = path.Value!.Value.Text;
        var reason = path.Origin == AttributeOrigin.RawHeader
            ? (text is null ? "no Path attribute in the Set-Cookie header" : "Path=" + text + " in the Set-Cookie header")
            : (text is null ? "Path = null" : "Path = \"" + text + "\"");
        report(Diagnostic.Create(Descriptors.HostCookieWithPath, LocationOf(write, path.Anchor), write.DisplayName, reason));
    }

    public static void ReportLifetime(Action<Diagnostic> report, CookieWrite write, CookieAttribute<CookieExpiry> lifetime, bool isMaxAge, TimeSpan ahead)
    {
        var attribute = lifetime.Origin == AttributeOrigin.RawHeader
            ? (isMaxAge ? "Max-Age" : "Expires") + " in the Set-Cookie header"
            : isMaxAge ? "MaxAge" : write.Source.IsBuilder() ? "Expiration" : "Expires";
        report(Diagnostic.Create(
            Descriptors.LifetimeCappedByBrowser,
            LocationOf(write, lifetime.Anchor),
            Severity(RuleCatalog.BrowserRejectedCookie.Message(RuleCatalog.LifetimeCappedByBrowserVariant)),
            additionalLocations: null,
            properties: null,
            write.DisplayName,
            Durations.Describe(ahead),
            attribute));
    }

    /// <summary>Builders are reported at what sets the attribute, other writes at the write.</summary>
    private static Location LocationOf(CookieWrite write, IOperation? anchor) =>
        (write.Source.IsBuilder() && anchor is not null ? anchor : write.Operation).Syntax.GetLocation();

    private static DiagnosticSeverity Severity(RuleMessage message) => message.SeverityIn(RuleCatalog.BrowserRejectedCookie) switch
    {
        RuleSeverity.Hidden => DiagnosticSeverity.Hidden,
        RuleSeverity.Info => DiagnosticSeverity.Info,
        RuleSeverity.Error => DiagnosticSeverity.Error,
        _ => DiagnosticSeverity.Warning,
    };
}
