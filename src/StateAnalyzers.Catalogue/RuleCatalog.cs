using System.Collections.Generic;

namespace StateAnalyzers.Catalogue;

/// <summary>
/// The single source of truth for rule IDs, titles, messages, severities, categories, help links and option keys.
/// The analyzers, the code fixes, the runtime companion and the docs tests all read it.
/// </summary>
internal static class RuleCatalog
{
    public const string HelpLinkBase = "https://github.com/stateanalyzers/StateAnalyzers/blob/main/docs/rules/";
    public const string DefaultVariant = "Default";
    public const string SameSiteNoneWithoutSecureVariant = "SameSiteNoneWithoutSecure";
    public const string SessionServicesMissingVariant = "SessionServicesMissing";

    public const string SecurityCategory = "Security";
    public const string ReliabilityCategory = "Reliability";

    public const string SensitiveCookieId = "STATE001";
    public const string OversizedCookieId = "STATE002";
    public const string SignOutWithoutSessionClearId = "STATE003";
    public const string HttpOnlyId = "STATE004";
    public const string SecureId = "STATE005";
    public const string SameSiteId = "STATE006";
    public const string SessionNotConfiguredId = "STATE007";

    /// <summary>RFC 6265 section 6.1: browsers keep at least 4096 bytes per cookie (name + value).</summary>
    public const int MaxCookieBytes = 4096;

    public static readonly RuleOption AdditionalSensitiveNames = new RuleOption(
        SensitiveCookieId, "additional_sensitive_names", "",
        "Comma-separated extra word parts that make a cookie name or value symbol sensitive.");

    public static readonly RuleOption SensitiveAllowedCookieNames = new RuleOption(
        SensitiveCookieId, "allowed_cookie_names", "",
        "Comma-separated cookie names that are never reported as sensitive.");

    public static readonly RuleOption MaxCookieBytesOption = new RuleOption(
        OversizedCookieId, "max_cookie_bytes", "4096",
        "The size, in bytes of name plus value, above which a cookie is reported.");

    public static readonly RuleOption HttpOnlyAllowedCookieNames = new RuleOption(
        HttpOnlyId, "allowed_cookie_names", "XSRF-TOKEN",
        "Comma-separated cookie names that script may read on purpose (SPA antiforgery cookies).");

    public static readonly RuleOption FlagSameAsRequest = new RuleOption(
        SecureId, "flag_same_as_request", "false",
        "When true, CookieSecurePolicy.SameAsRequest is reported too.");

    public static readonly Rule SensitiveCookie = new Rule(
        SensitiveCookieId,
        "Sensitive data is stored in a cookie",
        RuleSeverity.Warning,
        SecurityCategory,
        "Move the value into the session",
        "report / drop the cookie",
        new[] { new RuleMessage(DefaultVariant, "Cookie {0} stores sensitive data ({1}); keep it in the session, which sends the browser only its id") },
        new[] { AdditionalSensitiveNames, SensitiveAllowedCookieNames });

    public static readonly Rule OversizedCookie = new Rule(
        OversizedCookieId,
        "Cookie value may exceed the 4 KB browser limit",
        RuleSeverity.Warning,
        ReliabilityCategory,
        "Move the value into the session",
        "report / drop the cookie",
        new[] { new RuleMessage(DefaultVariant, "Cookie {0} may exceed the {1}-byte browser limit ({2}); keep large data in the session") },
        new[] { MaxCookieBytesOption });

    public static readonly Rule SignOutWithoutSessionClear = new Rule(
        SignOutWithoutSessionClearId,
        "Sign-out does not clear the session",
        RuleSeverity.Warning,
        SecurityCategory,
        "Insert `Session.Clear()` before the sign-out",
        "clear the session on every sign-out",
        new[] { new RuleMessage(DefaultVariant, "{0} signs the user out but leaves the session alive; call Session.Clear() before signing out") });

    public static readonly Rule HttpOnly = new Rule(
        HttpOnlyId,
        "Cookie is readable by client-side script (HttpOnly not set)",
        RuleSeverity.Warning,
        SecurityCategory,
        "Set `HttpOnly = true`",
        "add HttpOnly",
        new[] { new RuleMessage(DefaultVariant, "Cookie {0} is readable by client-side script ({1}); set HttpOnly") },
        new[] { HttpOnlyAllowedCookieNames });

    public static readonly Rule Secure = new Rule(
        SecureId,
        "Cookie can be sent over plain HTTP (Secure not set)",
        RuleSeverity.Warning,
        SecurityCategory,
        "Set `Secure = true` / `CookieSecurePolicy.Always`",
        "add Secure",
        new[]
        {
            new RuleMessage(DefaultVariant, "Cookie {0} can be sent over plain HTTP ({1}); set Secure"),
            new RuleMessage(SameSiteNoneWithoutSecureVariant, "Cookie {0} sets SameSite=None without Secure ({1}); browsers reject such cookies, set Secure"),
        },
        new[] { FlagSameAsRequest });

    public static readonly Rule SameSite = new Rule(
        SameSiteId,
        "Cookie has no SameSite policy",
        RuleSeverity.Info,
        SecurityCategory,
        "Set `SameSite = SameSiteMode.Lax`",
        "add SameSite=Lax",
        new[] { new RuleMessage(DefaultVariant, "Cookie {0} has no SameSite policy ({1}); set SameSite to Lax or Strict") });

    public static readonly Rule SessionNotConfigured = new Rule(
        SessionNotConfiguredId,
        "Session is used but not configured",
        RuleSeverity.Warning,
        ReliabilityCategory,
        "Add `AddSession()` / `UseSession()` in the right place",
        "-",
        new[]
        {
            new RuleMessage(DefaultVariant, "Session is used but not configured: {0}; the app throws \"Session has not been configured for this application or request\""),
            new RuleMessage(SessionServicesMissingVariant, "Session is used but not configured: {0}; the session middleware cannot start without the services AddSession() registers"),
        });

    public static readonly IReadOnlyList<Rule> All = new[]
    {
        SensitiveCookie, OversizedCookie, SignOutWithoutSessionClear, HttpOnly, Secure, SameSite, SessionNotConfigured,
    };
}
