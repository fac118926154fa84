using System;
using StateAnalyzers.Catalogue;

namespace StateAnalyzers.Cookies.Attributes;

/// <summary>The RFC 6265bis name prefixes (section 4.1.3) a browser enforces: <c>__Secure-</c> and <c>__Host-</c>.</summary>
internal enum CookiePrefix
{
    None,

    /// <summary><c>__Secure-</c>: the browser keeps the cookie only with Secure.</summary>
    Secure,

    /// <summary><c>__Host-</c>: only with Secure, no Domain, and Path <c>/</c>.</summary>
    Host,
}

internal static class CookiePrefixes
{
    /// <summary>The prefix of a constant cookie name, matched case-insensitively as RFC 6265bis requires; None for an unknown name.</summary>
    public static CookiePrefix Of(string? name) =>
        name is null ? CookiePrefix.None
        : CookieNamePrefixes.IsHost(name.AsSpan()) ? CookiePrefix.Host
        : CookieNamePrefixes.IsSecure(name.AsSpan()) ? CookiePrefix.Secure
        : CookiePrefix.None;

    /// <summary><c>__Host-</c> or <c>__Secure-</c>, as the catalogue writes it.</summary>
    public static string Text(this CookiePrefix prefix) => prefix == CookiePrefix.Host ? RuleCatalog.HostPrefix : RuleCatalog.SecurePrefix;
}
