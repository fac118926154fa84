using System;

namespace StateAnalyzers.Cookies.Attributes;

/// <summary>
/// The attributes of one cookie as far as the code shows them: the three the attribute rules check (HttpOnly, Secure,
/// SameSite), the lifetime (Expires, MaxAge: a time already past makes the write a delete), and where the cookie
/// is sent (Path, Domain).
/// </summary>
internal sealed class CookieAttributes
{
    public CookieAttributes(
        CookieAttribute<bool> httpOnly,
        CookieAttribute<SecureLevel> secure,
        CookieAttribute<SameSiteLevel> sameSite,
        CookieAttribute<CookieExpiry> expires = default,
        CookieAttribute<CookieExpiry> maxAge = default,
        CookieAttribute<CookieText> path = default,
        CookieAttribute<CookieText> domain = default)
    {
        HttpOnly = httpOnly;
        Secure = secure;
        SameSite = sameSite;
        Expires = expires;
        MaxAge = maxAge;
        Path = path;
        Domain = domain;
    }

    public static CookieAttributes Unknown { get; } = new CookieAttributes(default, default, default);

    public CookieAttribute<bool> HttpOnly { get; }

    public CookieAttribute<SecureLevel> Secure { get; }

    public CookieAttribute<SameSiteLevel> SameSite { get; }

    /// <summary><c>Expires</c> (<c>Expiration</c> on a builder, relative to the write).</summary>
    public CookieAttribute<CookieExpiry> Expires { get; }

    /// <summary><c>MaxAge</c>, relative to the write.</summary>
    public CookieAttribute<CookieExpiry> MaxAge { get; }

    public CookieAttribute<CookieText> Path { get; }

    public CookieAttribute<CookieText> Domain { get; }

    /// <summary>
    /// The write deletes the cookie: a known Expires already past or a known MaxAge of zero or less (the browser
    /// drops the cookie at once, so no attribute of it matters).
    /// </summary>
    public bool IsDelete
    {
        get
        {
            var now = DateTimeOffset.UtcNow;
            return (Expires.Value is { } expires && expires.IsPast(now)) || (MaxAge.Value is { } maxAge && maxAge.IsPast(now));
        }
    }

    public CookieAttributes With(
        CookieAttribute<bool>? httpOnly = null,
        CookieAttribute<SecureLevel>? secure = null,
        CookieAttribute<SameSiteLevel>? sameSite = null,
        CookieAttribute<CookieExpiry>? expires = null,
        CookieAttribute<CookieExpiry>? maxAge = null,
        CookieAttribute<CookieText>? path = null,
        CookieAttribute<CookieText>? domain = null) =>
        new CookieAttributes(httpOnly ?? HttpOnly, secure ?? Secure, sameSite ?? SameSite, expires ?? Expires, maxAge ?? MaxAge, path ?? Path, domain ?? Domain);
}
