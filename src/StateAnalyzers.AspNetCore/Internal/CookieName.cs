using StateAnalyzers.Catalogue;

namespace StateAnalyzers.AspNetCore.Internal;

/// <summary>
/// What the settings say about one cookie name, resolved once (see <see cref="CookieNames"/>): each cookie rule's mode
/// after the name's exemptions, STATE001's verdict on the name, and the name's log-throttle entry. A cookie's checks read
/// these instead of looking the name up again per rule, for the verdict and for the log.
/// </summary>
internal sealed class CookieName
{
    public CookieName(string name, StateGuardSettings settings, CookieInspector.NameVerdict verdict)
    {
        Name = name;
        Verdict = verdict;
        SensitiveCookies = settings.ModeFor(RuleIds.STATE001, settings.SensitiveCookies, name);
        OversizedCookies = settings.ModeFor(RuleIds.STATE002, settings.OversizedCookies, name);
        HttpOnly = settings.ModeFor(RuleIds.STATE004, settings.HttpOnly, name);
        Secure = settings.ModeFor(RuleIds.STATE005, settings.Secure, name);
        SameSite = settings.ModeFor(RuleIds.STATE006, settings.SameSite, name);
        LongLivedCookies = settings.ModeFor(RuleIds.STATE009, settings.LongLivedCookies, name);
        BrowserLimits = settings.ModeFor(RuleIds.STATE010, settings.BrowserLimits, name);
    }

    public string Name { get; }

    /// <summary>STATE001's verdict on the name alone (the value is judged per cookie).</summary>
    public CookieInspector.NameVerdict Verdict { get; }

    public StateGuardMode SensitiveCookies { get; }

    public StateGuardMode OversizedCookies { get; }

    public StateGuardMode HttpOnly { get; }

    public StateGuardMode Secure { get; }

    public StateGuardMode SameSite { get; }

    public StateGuardMode LongLivedCookies { get; }

    public StateGuardMode BrowserLimits { get; }

    /// <summary>The log throttle's entry for this name, while it is the current one; kept by <see cref="LogThrottle.For(CookieName)"/>.</summary>
    public LogThrottle.Entry? LogEntry { get; set; }
}
