// Generated from the rule catalogue by tools/StateAnalyzers.Generator (scripts/generate.sh). Do not edit.
// IDs, categories and severities are constants here so that release tracking (RS2000-RS2008) can check them.
using Microsoft.CodeAnalysis;
using StateAnalyzers.Catalogue;

namespace StateAnalyzers.Rules;

/// <summary>Roslyn descriptors built from the catalogue; one per rule message.</summary>
internal static class Descriptors
{
    /// <summary>STATE001: Sensitive data is stored in a cookie.</summary>
    public static readonly DiagnosticDescriptor SensitiveCookie = new(
        RuleIds.STATE001,
        RuleCatalog.SensitiveCookie.Title,
        RuleCatalog.SensitiveCookie.Message(RuleCatalog.DefaultVariant).Format,
        RuleCatalog.SecurityCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: null,
        helpLinkUri: RuleCatalog.SensitiveCookie.HelpLink,
        customTags: RuleCatalog.SecurityCategory);

    /// <summary>STATE001: Sensitive data is stored in a cookie (SecretToRemove).</summary>
    public static readonly DiagnosticDescriptor SecretToRemove = new(
        RuleIds.STATE001,
        RuleCatalog.SensitiveCookie.Title,
        RuleCatalog.SensitiveCookie.Message(RuleCatalog.SecretToRemoveVariant).Format,
        RuleCatalog.SecurityCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: null,
        helpLinkUri: RuleCatalog.SensitiveCookie.HelpLink,
        customTags: RuleCatalog.SecurityCategory);

    /// <summary>STATE002: Cookie value may exceed the 4 KB browser limit.</summary>
    public static readonly DiagnosticDescriptor OversizedCookie = new(
        RuleIds.STATE002,
        RuleCatalog.OversizedCookie.Title,
        RuleCatalog.OversizedCookie.Message(RuleCatalog.DefaultVariant).Format,
        RuleCatalog.ReliabilityCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: null,
        helpLinkUri: RuleCatalog.OversizedCookie.HelpLink,
        customTags: RuleCatalog.ReliabilityCategory);

    /// <summary>STATE003: Sign-out does not clear the session.</summary>
    public static readonly DiagnosticDescriptor SignOutWithoutSessionClear = new(
        RuleIds.STATE003,
        RuleCatalog.SignOutWithoutSessionClear.Title,
        RuleCatalog.SignOutWithoutSessionClear.Message(RuleCatalog.DefaultVariant).Format,
        RuleCatalog.SecurityCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: null,
        helpLinkUri: RuleCatalog.SignOutWithoutSessionClear.HelpLink,
        customTags: RuleCatalog.SecurityCategory);

    /// <summary>STATE004: Cookie is readable by client-side script (HttpOnly not set).</summary>
    public static readonly DiagnosticDescriptor HttpOnly = new(
        RuleIds.STATE004,
        RuleCatalog.HttpOnly.Title,
        RuleCatalog.HttpOnly.Message(RuleCatalog.DefaultVariant).Format,
        RuleCatalog.SecurityCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: null,
        helpLinkUri: RuleCatalog.HttpOnly.HelpLink,
        customTags: RuleCatalog.SecurityCategory);

    /// <summary>STATE005: Cookie can be sent over plain HTTP (Secure not set).</summary>
    public static readonly DiagnosticDescriptor Secure = new(
        RuleIds.STATE005,
        RuleCatalog.Secure.Title,
        RuleCatalog.Secure.Message(RuleCatalog.DefaultVariant).Format,
        RuleCatalog.SecurityCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: null,
        helpLinkUri: RuleCatalog.Secure.HelpLink,
        customTags: RuleCatalog.SecurityCategory);

    /// <summary>STATE005: Cookie can be sent over plain HTTP (Secure not set) (SameSiteNoneWithoutSecure).</summary>
    public static readonly DiagnosticDescriptor SameSiteNoneWithoutSecure = new(
        RuleIds.STATE005,
        RuleCatalog.Secure.Title,
        RuleCatalog.Secure.Message(RuleCatalog.SameSiteNoneWithoutSecureVariant).Format,
        RuleCatalog.SecurityCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: null,
        helpLinkUri: RuleCatalog.Secure.HelpLink,
        customTags: RuleCatalog.SecurityCategory);

    /// <summary>STATE006: Cookie has no SameSite policy.</summary>
    public static readonly DiagnosticDescriptor SameSite = new(
        RuleIds.STATE006,
        RuleCatalog.SameSite.Title,
        RuleCatalog.SameSite.Message(RuleCatalog.DefaultVariant).Format,
        RuleCatalog.SecurityCategory,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: null,
        helpLinkUri: RuleCatalog.SameSite.HelpLink,
        customTags: RuleCatalog.SecurityCategory);

    /// <summary>STATE007: Session is used but not configured.</summary>
    public static readonly DiagnosticDescriptor SessionNotConfigured = new(
        RuleIds.STATE007,
        RuleCatalog.SessionNotConfigured.Title,
        RuleCatalog.SessionNotConfigured.Message(RuleCatalog.DefaultVariant).Format,
        RuleCatalog.ReliabilityCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: null,
        helpLinkUri: RuleCatalog.SessionNotConfigured.HelpLink,
        customTags: RuleCatalog.ReliabilityCategory);

    /// <summary>STATE007: Session is used but not configured (SessionServicesMissing).</summary>
    public static readonly DiagnosticDescriptor SessionServicesMissing = new(
        RuleIds.STATE007,
        RuleCatalog.SessionNotConfigured.Title,
        RuleCatalog.SessionNotConfigured.Message(RuleCatalog.SessionServicesMissingVariant).Format,
        RuleCatalog.ReliabilityCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: null,
        helpLinkUri: RuleCatalog.SessionNotConfigured.HelpLink,
        customTags: RuleCatalog.ReliabilityCategory);

    /// <summary>STATE008: Sign-in keeps the session from before it (fixation).</summary>
    public static readonly DiagnosticDescriptor SignInKeepsSession = new(
        RuleIds.STATE008,
        RuleCatalog.SignInKeepsSession.Title,
        RuleCatalog.SignInKeepsSession.Message(RuleCatalog.DefaultVariant).Format,
        RuleCatalog.SecurityCategory,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: null,
        helpLinkUri: RuleCatalog.SignInKeepsSession.HelpLink,
        customTags: RuleCatalog.SecurityCategory);

    /// <summary>STATE009: Authentication or session cookie lives too long.</summary>
    public static readonly DiagnosticDescriptor LongLivedCookie = new(
        RuleIds.STATE009,
        RuleCatalog.LongLivedCookie.Title,
        RuleCatalog.LongLivedCookie.Message(RuleCatalog.DefaultVariant).Format,
        RuleCatalog.SecurityCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: null,
        helpLinkUri: RuleCatalog.LongLivedCookie.HelpLink,
        customTags: RuleCatalog.SecurityCategory);

    /// <summary>STATE010: Cookie will be rejected or cut short by the browser.</summary>
    public static readonly DiagnosticDescriptor BrowserRejectedCookie = new(
        RuleIds.STATE010,
        RuleCatalog.BrowserRejectedCookie.Title,
        RuleCatalog.BrowserRejectedCookie.Message(RuleCatalog.DefaultVariant).Format,
        RuleCatalog.ReliabilityCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: null,
        helpLinkUri: RuleCatalog.BrowserRejectedCookie.HelpLink,
        customTags: RuleCatalog.ReliabilityCategory);

    /// <summary>STATE010: Cookie will be rejected or cut short by the browser (HostCookieWithDomain).</summary>
    public static readonly DiagnosticDescriptor HostCookieWithDomain = new(
        RuleIds.STATE010,
        RuleCatalog.BrowserRejectedCookie.Title,
        RuleCatalog.BrowserRejectedCookie.Message(RuleCatalog.HostCookieWithDomainVariant).Format,
        RuleCatalog.ReliabilityCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: null,
        helpLinkUri: RuleCatalog.BrowserRejectedCookie.HelpLink,
        customTags: RuleCatalog.ReliabilityCategory);

    /// <summary>STATE010: Cookie will be rejected or cut short by the browser (HostCookieWithPath).</summary>
    public static readonly DiagnosticDescriptor HostCookieWithPath = new(
        RuleIds.STATE010,
        RuleCatalog.BrowserRejectedCookie.Title,
        RuleCatalog.BrowserRejectedCookie.Message(RuleCatalog.HostCookieWithPathVariant).Format,
        RuleCatalog.ReliabilityCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: null,
        helpLinkUri: RuleCatalog.BrowserRejectedCookie.HelpLink,
        customTags: RuleCatalog.ReliabilityCategory);

    /// <summary>STATE010: Cookie will be rejected or cut short by the browser (LifetimeCappedByBrowser).</summary>
    public static readonly DiagnosticDescriptor LifetimeCappedByBrowser = new(
        RuleIds.STATE010,
        RuleCatalog.BrowserRejectedCookie.Title,
        RuleCatalog.BrowserRejectedCookie.Message(RuleCatalog.LifetimeCappedByBrowserVariant).Format,
        RuleCatalog.ReliabilityCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: null,
        helpLinkUri: RuleCatalog.BrowserRejectedCookie.HelpLink,
        customTags: RuleCatalog.ReliabilityCategory);

    /// <summary>STATE011: TempData stores sensitive or unbounded data in a cookie.</summary>
    public static readonly DiagnosticDescriptor TempDataInCookie = new(
        RuleIds.STATE011,
        RuleCatalog.TempDataInCookie.Title,
        RuleCatalog.TempDataInCookie.Message(RuleCatalog.DefaultVariant).Format,
        RuleCatalog.SecurityCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: null,
        helpLinkUri: RuleCatalog.TempDataInCookie.HelpLink,
        customTags: RuleCatalog.SecurityCategory);
}
