using Microsoft.Extensions.Options;
using StateAnalyzers.Catalogue;

namespace StateAnalyzers.AspNetCore.Internal;

/// <summary>The validated options, resolved once into look-up tables the per-request code reads without allocating.</summary>
internal sealed class StateGuardSettings
{
    private readonly Dictionary<string, StateGuardMode> _modes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _globalExemptions;

    /// <summary>Each rule's exempt cookie names, in <see cref="RuntimeRules.All"/> order (see <see cref="RuntimeRules.IndexOf"/>).</summary>
    private readonly HashSet<string>[] _exemptionsByRule = new HashSet<string>[RuntimeRules.All.Count];

    public StateGuardSettings(IOptions<StateGuardOptions> options)
    {
        var value = options.Value;
        for (var index = 0; index < RuntimeRules.All.Count; index++)
        {
            var rule = RuntimeRules.All[index];
            value.Rules.TryGetValue(rule.Id, out var ruleOptions);
            _modes[rule.Id] = value.Mode == StateGuardMode.Off ? StateGuardMode.Off : ruleOptions?.Mode ?? value.Mode;
            _exemptionsByRule[index] = new HashSet<string>(ruleOptions?.ExemptCookies ?? new List<string>(), StringComparer.Ordinal);
        }

        _globalExemptions = new HashSet<string>(value.ExemptCookies, StringComparer.Ordinal);
        MaxCookieBytes = value.MaxCookieBytes;
        MaxAuthLifetime = value.MaxAuthLifetime;
        SecurePolicy = value.SecurePolicy;
        LogRepeatInterval = value.LogRepeatInterval;
        SensitiveWords = Catalogue.SensitiveWords.Secrets
            .Concat(Catalogue.SensitiveWords.PersonalData)
            .Concat(value.AdditionalSensitiveNames)
            .ToArray();
        AdditionalSecretPrefixes = value.AdditionalSecretPrefixes.ToArray();
        SignOutSchemesKeepingSession = new HashSet<string>(value.SignOutSchemesKeepingSession, StringComparer.Ordinal);

        SensitiveCookies = Mode(RuleIds.STATE001);
        OversizedCookies = Mode(RuleIds.STATE002);
        SessionAtSignOut = Mode(RuleIds.STATE003);
        HttpOnly = Mode(RuleIds.STATE004);
        Secure = Mode(RuleIds.STATE005);
        SameSite = Mode(RuleIds.STATE006);
        LongLivedCookies = Mode(RuleIds.STATE009);
        BrowserLimits = Mode(RuleIds.STATE010);
        AnyCookieRule = SensitiveCookies != StateGuardMode.Off || OversizedCookies != StateGuardMode.Off ||
                        HttpOnly != StateGuardMode.Off || Secure != StateGuardMode.Off || SameSite != StateGuardMode.Off ||
                        LongLivedCookies != StateGuardMode.Off || BrowserLimits != StateGuardMode.Off;
        AnyAttributeEnforced = HttpOnly == StateGuardMode.Enforce || Secure == StateGuardMode.Enforce ||
                               SameSite == StateGuardMode.Enforce || BrowserLimits == StateGuardMode.Enforce;
    }

    public StateGuardMode SensitiveCookies { get; }

    public StateGuardMode OversizedCookies { get; }

    public StateGuardMode SessionAtSignOut { get; }

    public StateGuardMode HttpOnly { get; }

    public StateGuardMode Secure { get; }

    public StateGuardMode SameSite { get; }

    /// <summary>STATE009: the authentication and session cookies' lifetime, capped at <see cref="MaxAuthLifetime"/>.</summary>
    public StateGuardMode LongLivedCookies { get; }

    /// <summary>STATE010: what the cookie's prefix requires, and the browsers' 400-day cap.</summary>
    public StateGuardMode BrowserLimits { get; }

    /// <summary>False when every cookie rule is off: the middleware then installs nothing.</summary>
    public bool AnyCookieRule { get; }

    /// <summary>True when the typed fixes of the response-cookies wrapper have something to do.</summary>
    public bool AnyAttributeEnforced { get; }

    public int MaxCookieBytes { get; }

    public TimeSpan MaxAuthLifetime { get; }

    public StateGuardSecurePolicy SecurePolicy { get; }

    /// <summary>How long repeats of a cookie action are summed instead of logged; zero logs every action.</summary>
    public TimeSpan LogRepeatInterval { get; }

    public IReadOnlyList<string> SensitiveWords { get; }

    public IReadOnlyList<string> AdditionalSecretPrefixes { get; }

    public HashSet<string> SignOutSchemesKeepingSession { get; }

    public StateGuardMode Mode(string ruleId) => _modes[ruleId];

    /// <summary>The effective mode of a cookie rule for one cookie: Off when the cookie is exempt.</summary>
    public StateGuardMode ModeFor(string ruleId, StateGuardMode mode, string cookieName) =>
        mode != StateGuardMode.Off && IsExempt(ruleId, cookieName) ? StateGuardMode.Off : mode;

    private bool IsExempt(string ruleId, string cookieName)
    {
        if (_globalExemptions.Count > 0 && _globalExemptions.Contains(cookieName))
        {
            return true;
        }

        var exempt = _exemptionsByRule[RuntimeRules.IndexOf(ruleId)];
        return exempt.Count > 0 && exempt.Contains(cookieName);
    }
}
