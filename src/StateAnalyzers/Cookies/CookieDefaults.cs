using Microsoft.CodeAnalysis;
using StateAnalyzers.Cookies.Attributes;

namespace StateAnalyzers.Cookies;

/// <summary>What each API does when nothing is set: the defaults differ per API and are the heart of the rules.</summary>
internal static class CookieDefaults
{
    /// <summary><c>new CookieOptions()</c>: HttpOnly false, Secure false, SameSite unspecified, Path "/", no Domain, no lifetime.</summary>
    public static CookieAttributes ForCookieOptions(AttributeOrigin origin, IOperation anchor) =>
        Make(false, SecureLevel.Never, SameSiteLevel.Unspecified, origin, anchor, lifetimeKnown: true, path: "/");

    /// <summary><c>new CookieBuilder()</c>: HttpOnly false, SameAsRequest, SameSite unspecified, Path "/" when built, no Domain, no lifetime.</summary>
    public static CookieAttributes ForBareBuilder(AttributeOrigin origin, IOperation anchor) =>
        Make(false, SecureLevel.SameAsRequest, SameSiteLevel.Unspecified, origin, anchor, lifetimeKnown: true, path: "/");

    /// <summary>
    /// The cookie a framework component configures through its options' <c>Cookie</c> property. Its path and lifetime
    /// are the component's business (the request's base path, the authentication ticket's expiry): unknown here.
    /// </summary>
    public static CookieAttributes ForBuilder(CookieSource source, IOperation anchor) => source switch
    {
        // SessionOptions: HttpOnly, Lax, and SecurePolicy None although the cookie carries the session id.
        CookieSource.Session => Make(true, SecureLevel.Never, SameSiteLevel.Lax, AttributeOrigin.ApiDefault, anchor),

        // CookieAuthenticationOptions: HttpOnly, SameAsRequest, Lax.
        CookieSource.Authentication => Make(true, SecureLevel.SameAsRequest, SameSiteLevel.Lax, AttributeOrigin.ApiDefault, anchor),

        // AntiforgeryOptions: HttpOnly, SecurePolicy None, Strict.
        CookieSource.Antiforgery => Make(true, SecureLevel.Never, SameSiteLevel.Strict, AttributeOrigin.ApiDefault, anchor),

        // CookieTempDataProviderOptions: HttpOnly, SameAsRequest, Lax.
        CookieSource.TempData => Make(true, SecureLevel.SameAsRequest, SameSiteLevel.Lax, AttributeOrigin.ApiDefault, anchor),
        _ => CookieAttributes.Unknown,
    };

    private static CookieAttributes Make(bool httpOnly, SecureLevel secure, SameSiteLevel sameSite, AttributeOrigin origin, IOperation anchor, bool lifetimeKnown = false, string? path = null)
    {
        var notSet = lifetimeKnown ? CookieAttribute<CookieExpiry>.Known(CookieExpiry.NotSet, origin, anchor) : CookieAttribute<CookieExpiry>.Unknown;
        return new CookieAttributes(
            CookieAttribute<bool>.Known(httpOnly, origin, anchor),
            CookieAttribute<SecureLevel>.Known(secure, origin, anchor),
            CookieAttribute<SameSiteLevel>.Known(sameSite, origin, anchor),
            notSet,
            notSet,
            path is null ? CookieAttribute<CookieText>.Unknown : CookieAttribute<CookieText>.Known(CookieText.Of(path), origin, anchor),
            lifetimeKnown ? CookieAttribute<CookieText>.Known(CookieText.NotSet, origin, anchor) : CookieAttribute<CookieText>.Unknown);
    }
}
