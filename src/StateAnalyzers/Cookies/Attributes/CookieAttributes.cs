namespace StateAnalyzers.Cookies.Attributes;

/// <summary>The three attributes the cookie rules check.</summary>
internal sealed class CookieAttributes
{
    public CookieAttributes(CookieAttribute<bool> httpOnly, CookieAttribute<SecureLevel> secure, CookieAttribute<SameSiteLevel> sameSite)
    {
        HttpOnly = httpOnly;
        Secure = secure;
        SameSite = sameSite;
    }

    public static CookieAttributes Unknown { get; } = new CookieAttributes(default, default, default);

    public CookieAttribute<bool> HttpOnly { get; }

    public CookieAttribute<SecureLevel> Secure { get; }

    public CookieAttribute<SameSiteLevel> SameSite { get; }

    public CookieAttributes With(CookieAttribute<bool>? httpOnly = null, CookieAttribute<SecureLevel>? secure = null, CookieAttribute<SameSiteLevel>? sameSite = null) =>
        new CookieAttributes(httpOnly ?? HttpOnly, secure ?? Secure, sameSite ?? SameSite);
}
