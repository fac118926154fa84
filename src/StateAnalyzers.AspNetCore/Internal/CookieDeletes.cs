using Microsoft.AspNetCore.Http;
using StateAnalyzers.Catalogue;

namespace StateAnalyzers.AspNetCore.Internal;

/// <summary>
/// Deletes are never judged, but a delete the browser ignores leaves the cookie in place: a <c>__Host-</c> or
/// <c>__Secure-</c> cookie is only replaced by a <c>Set-Cookie</c> that carries what its prefix requires (RFC 6265bis
/// section 5.7 steps 20 and 21: <c>Secure</c> and, for <c>__Host-</c>, <c>Path=/</c> and no <c>Domain</c>), and a
/// <c>SameSite=None</c> one by a <c>Set-Cookie</c> with <c>Secure</c> (step 19). The companion adds what is missing to such
/// a delete, on both paths, without logging or counting it: the prefix in Enforce mode of STATE010 (with the rewrite of
/// <see cref="BrowserLimits"/>), <c>SameSite=None</c> in Enforce mode of STATE005.
/// </summary>
internal static class CookieDeletes
{
    /// <summary>An expiry the browser applies at once: <c>Max-Age</c> zero or less, else <c>Expires</c> not after now.</summary>
    public static bool IsDelete(CookieOptions options, DateTimeOffset now) =>
        options.MaxAge is { } maxAge ? maxAge <= TimeSpan.Zero : options.Expires is { } expires && expires <= now;

    /// <summary>Whether the companion repairs this delete, and whether it needs any repair at all.</summary>
    public static bool NeedsRepair(StateGuardSettings settings, ReadOnlySpan<char> name, bool secure, bool sameSiteNone, bool hasDomain, bool pathIsRoot) =>
        RepairsPrefix(settings, name, secure, hasDomain, pathIsRoot) || RepairsSameSiteNone(settings, name, secure, sameSiteNone);

    /// <summary>The options of a typed delete, repaired on a copy when the browser would ignore them.</summary>
    public static CookieOptions Repair(StateGuardSettings settings, string name, CookieOptions options)
    {
        var prefix = RepairsPrefix(settings, name, options.Secure, options.Domain is not null, options.Path == "/");
        if (!prefix && !RepairsSameSiteNone(settings, name, options.Secure, options.SameSite == SameSiteMode.None))
        {
            return options;
        }

        var repaired = new CookieOptions(options) { Secure = true };
        if (prefix && CookieNamePrefixes.IsHost(name))
        {
            repaired.Path = "/";
            repaired.Domain = null;
        }

        return repaired;
    }

    /// <summary>A raw delete header, repaired: Secure appended; for <c>__Host-</c> (when STATE010 repairs it), Domain and
    /// Path replaced by <c>path=/</c>.</summary>
    public static string Repair(StateGuardSettings settings, string header, ReadOnlySpan<char> name, bool secure, bool hasDomain, bool pathIsRoot) =>
        RepairsPrefix(settings, name, secure, hasDomain, pathIsRoot)
            ? BrowserLimits.RepairPrefix(header, name, secure)
            : secure ? header : header + "; secure";

    private static bool RepairsPrefix(StateGuardSettings settings, ReadOnlySpan<char> name, bool secure, bool hasDomain, bool pathIsRoot)
    {
        var host = CookieNamePrefixes.IsHost(name);
        var broken = (host || CookieNamePrefixes.IsSecure(name)) && (!secure || (host && (hasDomain || !pathIsRoot)));
        return broken && settings.ModeFor(RuleIds.STATE010, settings.BrowserLimits, name.ToString()) == StateGuardMode.Enforce;
    }

    private static bool RepairsSameSiteNone(StateGuardSettings settings, ReadOnlySpan<char> name, bool secure, bool sameSiteNone) =>
        sameSiteNone && !secure && settings.ModeFor(RuleIds.STATE005, settings.Secure, name.ToString()) == StateGuardMode.Enforce;
}
