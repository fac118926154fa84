using Microsoft.AspNetCore.Identity;
using StateAnalyzers.AspNetCore.Internal;
using StateAnalyzers.Catalogue;

namespace StateAnalyzers.AspNetCore;

/// <summary>
/// Options of the runtime companion, bound from the <c>StateGuard</c> configuration section and then from the delegate
/// passed to <see cref="Microsoft.Extensions.DependencyInjection.StateGuardServiceCollectionExtensions.AddStateGuard"/>.
/// Validated when the host starts.
/// </summary>
public sealed class StateGuardOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "StateGuard";

    /// <summary>Creates the options with the catalogue's defaults.</summary>
    public StateGuardOptions()
    {
        foreach (var rule in RuntimeRules.All)
        {
            var ruleOptions = new StateGuardRuleOptions();
            foreach (var name in RuntimeRules.DefaultExemptions(rule))
            {
                ruleOptions.ExemptCookies.Add(name);
            }

            Rules.Add(rule.Id, ruleOptions);
        }
    }

    /// <summary>The mode of every rule that has no override in <see cref="Rules"/>. Default: <see cref="StateGuardMode.Enforce"/>.</summary>
    public StateGuardMode Mode { get; set; } = StateGuardMode.Enforce;

    /// <summary>Per-rule overrides, keyed by the ID of a rule with a runtime check (<c>STATE004</c>, case-insensitive).</summary>
    public Dictionary<string, StateGuardRuleOptions> Rules { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Cookie names that no cookie rule acts on (exact, case-sensitive).</summary>
    public List<string> ExemptCookies { get; } = new();

    /// <summary>STATE002: the largest cookie, in bytes of name plus value as sent, that passes. Default 4096 (RFC 6265).</summary>
    public int MaxCookieBytes { get; set; } = RuleCatalog.MaxCookieBytes;

    /// <summary>
    /// STATE009: the longest the browser may keep the authentication and session cookies. A longer <c>Max-Age</c> or
    /// <c>Expires</c> is capped at it (Enforce) or reported (Report). Default 30 days, the catalogue's
    /// <c>STATE009.max_auth_lifetime</c>; in configuration written as the analyzers' option is (<c>30d</c>, <c>12h</c>,
    /// <c>90m</c>, <c>45s</c>) or as a TimeSpan (<c>30.00:00:00</c>). At least one second.
    /// </summary>
    public TimeSpan MaxAuthLifetime { get; set; } = RuleCatalog.MaxAuthLifetime.Default;

    /// <summary>STATE001: extra word parts that make a cookie name sensitive (a multi-part entry such as
    /// <c>"session key"</c> matches adjacent parts: <c>SessionKey</c>, <c>session_key</c>).</summary>
    public List<string> AdditionalSensitiveNames { get; } = new();

    /// <summary>STATE001: extra prefixes of secret values (an in-house key format, say). A value that starts with one and is
    /// at least 16 characters long is treated as a secret.</summary>
    public List<string> AdditionalSecretPrefixes { get; } = new();

    /// <summary>STATE005: when a missing <c>Secure</c> attribute is added. Default <see cref="StateGuardSecurePolicy.Always"/>.</summary>
    public StateGuardSecurePolicy SecurePolicy { get; set; } = StateGuardSecurePolicy.Always;

    /// <summary>
    /// STATE003: authentication schemes whose sign-out is not a logout, so the session is kept. Defaults: the Identity
    /// external and two-factor schemes, which a login page signs out of before it signs the user in. STATE008: a sign-in to
    /// one of them is not a login either, so it does not renew the session.
    /// </summary>
    public List<string> SignOutSchemesKeepingSession { get; } = new()
    {
        IdentityConstants.ExternalScheme,
        IdentityConstants.TwoFactorUserIdScheme,
        IdentityConstants.TwoFactorRememberMeScheme,
    };

    /// <summary>STATE003: how the session store is treated at sign-out and when it fails (<c>StateGuard:Session</c>).</summary>
    public StateGuardSessionOptions Session { get; } = new();

    /// <summary>What could not be bound from the configuration section, key by key; reported at start-up with the
    /// validators' findings.</summary>
    internal List<string> ConfigurationProblems { get; } = new();
}
