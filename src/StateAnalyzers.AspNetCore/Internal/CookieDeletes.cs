using Microsoft.AspNetCore.Http;
using StateAnalyzers.Catalogue;

namespace StateAnalyzers.AspNetCore.Internal;

/// <summary>
/// Deletes are never judged, but a delete the browser ignores leaves the cookie in place: a <c>__Host-</c> or
/// <c>__Secure-</c> cookie, or a <c>SameSite=None</c> one, is only replaced by a <c>Set-Cookie</c> that carries
/// <c>Secure</c> (and, for <c>__Host-</c>, <c>Path=/</c> and no <c>Domain</c>). In Enforce mode of STATE005 the companion
/// adds what is missing to such a delete, on both paths, without logging or counting it.
/// </summary>
internal static class CookieDeletes
{
    private const string HostPrefix = "__Host-";
    private const string SecurePrefix = "__Secure-";

    /// <summary>An expiry the browser applies at once: <c>Max-Age</c> zero or less, else <c>Expires</c> not after now.</summary>
    public static bool IsDelete(CookieOptions options, DateTimeOffset now) =>
        options.MaxAge is { } maxAge ? maxAge <= TimeSpan.Zero : options.Expires is { } expires && expires <= now;

    public static bool IsHostPrefixed(ReadOnlySpan<char> name) => name.StartsWith(HostPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the companion repairs this delete, and whether it needs any repair at all.</summary>
    public static bool NeedsRepair(StateGuardSettings settings, ReadOnlySpan<char> name, bool secure, bool sameSiteNone, bool hasDomain, bool pathIsRoot)
    {
        var host = IsHostPrefixed(name);
        var needsSecure = host || sameSiteNone || name.StartsWith(SecurePrefix, StringComparison.OrdinalIgnoreCase);
        var broken = (needsSecure && !secure) || (host && (hasDomain || !pathIsRoot));
        return broken && settings.ModeFor(RuleIds.STATE005, settings.Secure, name.ToString()) == StateGuardMode.Enforce;
    }

    /// <summary>The options of a typed delete, repaired on a copy when the browser would ignore them.</summary>
    public static CookieOptions Repair(StateGuardSettings settings, string name, CookieOptions options)
    {
        if (!NeedsRepair(settings, name, options.Secure, options.SameSite == SameSiteMode.None, options.Domain is not null,
                options.Path == "/"))
        {
            return options;
        }

        var repaired = new CookieOptions(options) { Secure = true };
        if (IsHostPrefixed(name))
        {
            repaired.Path = "/";
            repaired.Domain = null;
        }

        return repaired;
    }

    /// <summary>A raw delete header, repaired: Secure appended; for <c>__Host-</c>, Domain and Path replaced by <c>path=/</c>.</summary>
    public static string Repair(string header, ReadOnlySpan<char> name, bool secure)
    {
        if (!IsHostPrefixed(name))
        {
            return secure ? header : header + "; secure";
        }

        var parts = header.Split(';');
        var kept = new List<string>(parts.Length + 2) { parts[0] };
        foreach (var part in parts.AsSpan(1))
        {
            var key = part.AsSpan().Trim();
            var equals = key.IndexOf('=');
            key = (equals < 0 ? key : key[..equals]).Trim();
            if (!key.Equals("domain", StringComparison.OrdinalIgnoreCase) && !key.Equals("path", StringComparison.OrdinalIgnoreCase))
            {
                kept.Add(part);
            }
        }

        kept.Add(" path=/");
        if (!secure)
        {
            kept.Add(" secure");
        }

        return string.Join(';', kept);
    }
}
