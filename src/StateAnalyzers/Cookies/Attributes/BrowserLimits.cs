using System;
using StateAnalyzers.Catalogue;

namespace StateAnalyzers.Cookies.Attributes;

/// <summary>
/// What RFC 6265bis makes a browser do, silently, with a cookie as the code states it (STATE010): drop a prefixed cookie
/// that lacks what its prefix requires (section 5.7, storage model), and cut a lifetime beyond 400 days (section 5.6).
/// Unknown attributes are never judged.
/// </summary>
internal static class BrowserLimits
{
    private const string RootPath = "/";

    /// <summary>
    /// A <c>__Secure-</c> or <c>__Host-</c> cookie with Secure off. SameAsRequest is not: it sets Secure on every
    /// HTTPS response, and over plain HTTP the browser refuses a prefixed cookie with or without it.
    /// </summary>
    public static bool LacksSecure(CookiePrefix prefix, CookieAttribute<SecureLevel> secure) =>
        prefix != CookiePrefix.None && secure.Is(SecureLevel.Never);

    /// <summary>A <c>__Host-</c> cookie with a Domain: it must be host-only.</summary>
    public static bool HasDomain(CookiePrefix prefix, CookieAttribute<CookieText> domain) =>
        prefix == CookiePrefix.Host && domain.Value is { IsSet: true };

    /// <summary>A <c>__Host-</c> cookie whose Path attribute is missing or other than <c>/</c>.</summary>
    public static bool HasWrongPath(CookiePrefix prefix, CookieAttribute<CookieText> path) =>
        prefix == CookiePrefix.Host && path.Value is { } text && text.Text != RootPath;

    /// <summary>
    /// The attribute that decides how long the cookie lives (Max-Age when it is set, which the browser prefers, else
    /// Expires) and how long that is, when it is known and more than <see cref="RuleCatalog.MaxCookieLifetime"/>
    /// after <paramref name="now"/>; null otherwise (Max-Age unknown leaves the lifetime unknown).
    /// </summary>
    public static (CookieAttribute<CookieExpiry> Attribute, bool IsMaxAge, TimeSpan Ahead)? BeyondLifetimeCap(CookieAttributes attributes, DateTimeOffset now)
    {
        if (attributes.MaxAge.Value is not { } maxAge)
        {
            return null;
        }

        var (deciding, isMaxAge) = maxAge.IsSet ? (attributes.MaxAge, true) : (attributes.Expires, false);
        return deciding.Value?.Ahead(now) is { } ahead && ahead > RuleCatalog.MaxCookieLifetime
            ? (deciding, isMaxAge, ahead)
            : null;
    }
}
