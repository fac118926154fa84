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
    public const string SecretToRemoveVariant = "SecretToRemove";
    public const string HostCookieWithDomainVariant = "HostCookieWithDomain";
    public const string HostCookieWithPathVariant = "HostCookieWithPath";
    public const string LifetimeCappedByBrowserVariant = "LifetimeCappedByBrowser";

    public const string SecurityCategory = "Security";
    public const string ReliabilityCategory = "Reliability";


    /// <summary>RFC 6265 section 6.1: browsers keep at least 4096 bytes per cookie (name + value).</summary>
    public const int MaxCookieBytes = 4096;

    /// <summary>
    /// RFC 6265bis sections 5.6.1 and 5.6.2: a user agent caps <c>Expires</c> and <c>Max-Age</c> at 400 days from the
    /// time the cookie is received (STATE010).
    /// </summary>
    public const int MaxCookieLifetimeDays = 400;

    /// <summary><see cref="MaxCookieLifetimeDays"/> as a TimeSpan.</summary>
    public static readonly System.TimeSpan MaxCookieLifetime = System.TimeSpan.FromDays(MaxCookieLifetimeDays);

    /// <summary>RFC 6265bis section 4.1.3: the <c>__Secure-</c> cookie name prefix (matched case-insensitively).</summary>
    public const string SecurePrefix = "__Secure-";

    /// <summary>RFC 6265bis section 4.1.3: the <c>__Host-</c> cookie name prefix (matched case-insensitively).</summary>
    public const string HostPrefix = "__Host-";

    public static readonly RuleOption<IReadOnlyList<string>> AdditionalSensitiveNames = new(
        RuleIds.STATE001, "additional_sensitive_names", "", OptionParsers.List,
        "Comma-separated extra word parts that make a cookie name or value symbol sensitive.");

    public static readonly RuleOption<IReadOnlyList<string>> SensitiveAllowedCookieNames = new(
        RuleIds.STATE001, "allowed_cookie_names", "", OptionParsers.List,
        "Comma-separated cookie names that are never reported as sensitive.");

    public static readonly RuleOption<int> MaxCookieBytesOption = new(
        RuleIds.STATE002, "max_cookie_bytes", MaxCookieBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), OptionParsers.PositiveInt,
        "The size, in bytes of name plus value, above which a cookie is reported. A value that is not a positive whole number falls back to the default.");

    public static readonly RuleOption<IReadOnlyList<string>> HttpOnlyAllowedCookieNames = new(
        RuleIds.STATE004, "allowed_cookie_names", "XSRF-TOKEN", OptionParsers.List,
        "Comma-separated cookie names that script may read on purpose (SPA antiforgery cookies). Compared case-insensitively. Setting the key replaces the default, so keep `XSRF-TOKEN` in the list if you use it.");

    public static readonly RuleOption<bool> FlagSameAsRequest = new(
        RuleIds.STATE005, "flag_same_as_request", "false", OptionParsers.Bool,
        "When true, CookieSecurePolicy.SameAsRequest is reported too (an explicit `SecurePolicy = SameAsRequest`, or a replacement `new CookieBuilder`).");

    public static readonly RuleOption<System.TimeSpan> MaxAuthLifetime = new(
        RuleIds.STATE009, "max_auth_lifetime", "30.00:00:00", OptionParsers.TimeSpan,
        "The longest lifetime of the authentication and session cookies (`ExpireTimeSpan`, `Cookie.MaxAge`) and of an `ExpiresUtc` at a sign-in. A whole number with a unit (`30d`, `12h`, `90m`, `45s`) or a TimeSpan (`30.00:00:00`); a value that does not parse, or is not above zero, falls back to the default.");

    public static readonly RuleOption<System.TimeSpan> MaxSessionIdle = new(
        RuleIds.STATE009, "max_session_idle", "1.00:00:00", OptionParsers.TimeSpan,
        "The longest `SessionOptions.IdleTimeout`, written like `max_auth_lifetime` (`1d`, `8h`, `00:30:00`).");

    public static readonly Rule SensitiveCookie = new Rule(
        RuleIds.STATE001,
        nameof(SensitiveCookie),
        "Sensitive data is stored in a cookie",
        RuleSeverity.Warning,
        SecurityCategory,
        "Move the value into the session",
        "report / drop the cookie",
        new[]
        {
            new RuleMessage(DefaultVariant, "Cookie {0} stores sensitive data ({1}); keep it in the session, which sends the browser only its id"),
            new RuleMessage(SecretToRemoveVariant, "Cookie {0} stores a password or private key ({1}); remove the value: neither the browser nor the session should keep it, check it or use it and then drop it"),
        },
        new[] { AdditionalSensitiveNames, SensitiveAllowedCookieNames });

    public static readonly Rule OversizedCookie = new Rule(
        RuleIds.STATE002,
        nameof(OversizedCookie),
        "Cookie value may exceed the 4 KB browser limit",
        RuleSeverity.Warning,
        ReliabilityCategory,
        "Move the value into the session",
        "report / drop the cookie",
        new[] { new RuleMessage(DefaultVariant, "Cookie {0} may exceed the {1}-byte browser limit ({2}); keep large data in the session") },
        new[] { MaxCookieBytesOption });

    public static readonly Rule SignOutWithoutSessionClear = new Rule(
        RuleIds.STATE003,
        nameof(SignOutWithoutSessionClear),
        "Sign-out does not clear the session",
        RuleSeverity.Warning,
        SecurityCategory,
        "Insert `Session.Clear()` before the sign-out",
        "clear the session on every sign-out",
        new[] { new RuleMessage(DefaultVariant, "{0} signs the user out but leaves the session alive; call Session.Clear() before signing out") });

    public static readonly Rule HttpOnly = new Rule(
        RuleIds.STATE004,
        nameof(HttpOnly),
        "Cookie is readable by client-side script (HttpOnly not set)",
        RuleSeverity.Warning,
        SecurityCategory,
        "Set `HttpOnly = true`",
        "add HttpOnly",
        new[] { new RuleMessage(DefaultVariant, "Cookie {0} is readable by client-side script ({1}); set HttpOnly") },
        new[] { HttpOnlyAllowedCookieNames });

    public static readonly Rule Secure = new Rule(
        RuleIds.STATE005,
        nameof(Secure),
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
        RuleIds.STATE006,
        nameof(SameSite),
        "Cookie has no SameSite policy",
        RuleSeverity.Info,
        SecurityCategory,
        "Set `SameSite = SameSiteMode.Lax`",
        "add SameSite=Lax",
        new[] { new RuleMessage(DefaultVariant, "Cookie {0} has no SameSite policy ({1}); set SameSite to Lax or Strict") });

    public static readonly Rule SessionNotConfigured = new Rule(
        RuleIds.STATE007,
        nameof(SessionNotConfigured),
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

    public static readonly Rule SignInKeepsSession = new Rule(
        RuleIds.STATE008,
        nameof(SignInKeepsSession),
        "Sign-in keeps the session from before it (fixation)",
        RuleSeverity.Info,
        SecurityCategory,
        "Insert `Session.Clear()` before the sign-in",
        "renew the session (new id) at every sign-in",
        new[] { new RuleMessage(DefaultVariant, "{0} signs the user in but keeps the session from before the login; call Session.Clear() before signing in") },
        strictSeverity: RuleSeverity.Warning);

    public static readonly Rule LongLivedCookie = new Rule(
        RuleIds.STATE009,
        nameof(LongLivedCookie),
        "Authentication or session cookie lives too long",
        RuleSeverity.Warning,
        SecurityCategory,
        "Set the lifetime to the configured maximum",
        "cap Max-Age / Expires",
        new[] { new RuleMessage(DefaultVariant, "{0} keeps the {1} for {2}, longer than the maximum of {3} ({4}); shorten it") },
        new RuleOption[] { MaxAuthLifetime, MaxSessionIdle });

    public static readonly Rule BrowserRejectedCookie = new Rule(
        RuleIds.STATE010,
        nameof(BrowserRejectedCookie),
        "Cookie will be rejected or cut short by the browser",
        RuleSeverity.Warning,
        ReliabilityCategory,
        "Add what the prefix requires / cap the lifetime",
        "add Secure, Path=/, drop Domain; cap at 400 days",
        new[]
        {
            new RuleMessage(DefaultVariant, "Cookie {0} has the {1} prefix but no Secure ({2}); the browser rejects it, set Secure"),
            new RuleMessage(HostCookieWithDomainVariant, "Cookie {0} has the __Host- prefix but sets Domain ({1}); the browser rejects it, remove Domain"),
            new RuleMessage(HostCookieWithPathVariant, "Cookie {0} has the __Host- prefix but its Path is not / ({1}); the browser rejects it, set Path to /"),
            new RuleMessage(LifetimeCappedByBrowserVariant, "Cookie {0} is set to live {1} ({2}); browsers cap a cookie's lifetime at 400 days, so it expires earlier than the code says", RuleSeverity.Info),
        });

    public static readonly Rule TempDataInCookie = new Rule(
        RuleIds.STATE011,
        nameof(TempDataInCookie),
        "TempData stores sensitive or unbounded data in a cookie",
        RuleSeverity.Warning,
        SecurityCategory,
        "Switch TempData to the session provider",
        "- (STATE001/STATE002 judge the TempData cookie)",
        new[] { new RuleMessage(DefaultVariant, "TempData {0} is kept in a cookie the browser holds and sends back, and {1}; keep TempData in the session with AddSessionStateTempDataProvider()") });

    public static readonly IReadOnlyList<Rule> All = new[]
    {
        SensitiveCookie, OversizedCookie, SignOutWithoutSessionClear, HttpOnly, Secure, SameSite, SessionNotConfigured,
        SignInKeepsSession, LongLivedCookie, BrowserRejectedCookie, TempDataInCookie,
    };
}
