using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using StateAnalyzers.Catalogue;

namespace StateAnalyzers.AspNetCore.Internal;

/// <summary>
/// STATE009 at run time: the browser keeps the authentication and session cookies (<see cref="AuthAndSessionCookies"/>)
/// no longer than <c>StateGuard:MaxAuthLifetime</c>. A longer <c>Max-Age</c> or <c>Expires</c> is rewritten in the final
/// header (Enforce: <c>Max-Age</c> to the cap, <c>Expires</c> to now plus the cap, each only where the cookie has it) or
/// reported (Report). A cookie without a lifetime (one that ends with the browser session) and a delete are never touched.
/// </summary>
internal sealed class LifetimeCap
{
    private const string OptionKey = StateGuardOptions.SectionName + ":" + LifetimeConfiguration.Key;

    private readonly StateGuardSettings _settings;
    private readonly StateGuardEvents _events;
    private readonly AuthAndSessionCookies _cookies;
    private readonly string _maximum;
    private readonly string _outcome;
    private readonly string _maxAge;

    public LifetimeCap(StateGuardSettings settings, StateGuardEvents events, AuthAndSessionCookies cookies)
    {
        _settings = settings;
        _events = events;
        _cookies = cookies;
        _maximum = Durations.Describe(settings.MaxAuthLifetime);
        _outcome = "capped Max-Age / Expires at " + _maximum;
        _maxAge = ((long)settings.MaxAuthLifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Whether the typed options may give a cookie a lifetime over the cap: the audit then judges its header.</summary>
    public bool MayCap(CookieOptions written, TimeProvider clock) =>
        _settings.LongLivedCookies != StateGuardMode.Off &&
        (written.MaxAge is { } maxAge
            ? maxAge > _settings.MaxAuthLifetime
            : written.Expires is { } expires && expires - clock.GetUtcNow() > _settings.MaxAuthLifetime);

    /// <summary>Whether STATE009 judges this cookie at all: it is on for it and the cookie is the authentication or
    /// session cookie (or a chunk of one).</summary>
    public bool Covers(CookieName cookie) =>
        cookie.LongLivedCookies != StateGuardMode.Off && _cookies.KindOf(cookie.Name) != LifetimeCookieKind.None;

    /// <summary>The header to send for a cookie the browser would keep for <paramref name="lifetime"/> (see
    /// <see cref="SetCookieHeader.Lifetime"/>): the same instance unless Enforce capped it.</summary>
    public string Apply(string header, TimeSpan? lifetime, string name, int length, DateTimeOffset now)
    {
        var maximum = _settings.MaxAuthLifetime;
        if (lifetime is not { } kept || kept <= maximum)
        {
            return header;
        }

        var mode = _settings.ModeFor(RuleIds.STATE009, _settings.LongLivedCookies, name);
        var kind = mode == StateGuardMode.Off ? LifetimeCookieKind.None : _cookies.KindOf(name);
        if (kind == LifetimeCookieKind.None)
        {
            return header;
        }

        var cookie = kind == LifetimeCookieKind.Session ? "session cookie" : "authentication cookie";
        if (mode == StateGuardMode.Enforce)
        {
            var capped = Rewrite(header, _maxAge, now + maximum);
            _events.Lifetime(GuardAction.Fixed, name, length, cookie, Durations.Describe(kept), _maximum, OptionKey, _outcome);
            return capped;
        }

        _events.Lifetime(GuardAction.Reported, name, length, cookie, Durations.Describe(kept), _maximum, OptionKey,
            "reported only, the response is unchanged");
        return header;
    }

    /// <summary>Every <c>Max-Age</c> set to <paramref name="maxAge"/> (seconds) and every <c>Expires</c> to
    /// <paramref name="expires"/>, as HTTP dates are written (RFC 1123); the other attributes, their order and their
    /// spelling are kept. STATE010's 400-day cap (<see cref="BrowserLimits"/>) rewrites with it too.</summary>
    public static string Rewrite(string header, string maxAge, DateTimeOffset expires)
    {
        var parts = header.Split(';');
        var result = new StringBuilder(header.Length + 8).Append(parts[0]);
        foreach (var part in parts.AsSpan(1))
        {
            result.Append(';');
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var key = (equals < 0 ? part : part[..equals]).Trim();
            if (equals >= 0 && key.Equals("max-age", StringComparison.OrdinalIgnoreCase))
            {
                result.Append(part.AsSpan(0, equals + 1)).Append(maxAge);
            }
            else if (equals >= 0 && key.Equals("expires", StringComparison.OrdinalIgnoreCase))
            {
                result.Append(part.AsSpan(0, equals + 1)).Append(expires.UtcDateTime.ToString("R", CultureInfo.InvariantCulture));
            }
            else
            {
                result.Append(part);
            }
        }

        return result.ToString();
    }
}
