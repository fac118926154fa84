namespace StateAnalyzers.Cookies;

/// <summary>Where a cookie comes from; each source has its own defaults and its own place in the pipeline.</summary>
internal enum CookieSource
{
    None,

    /// <summary><c>IResponseCookies.Append</c>.</summary>
    ResponseCookies,

    /// <summary>A raw <c>Set-Cookie</c> header written by hand.</summary>
    RawHeader,

    /// <summary>The session cookie, configured through <c>SessionOptions.Cookie</c>.</summary>
    Session,

    /// <summary>A cookie authentication scheme's cookie, <c>CookieAuthenticationOptions.Cookie</c>.</summary>
    Authentication,

    /// <summary>The antiforgery cookie, <c>AntiforgeryOptions.Cookie</c>.</summary>
    Antiforgery,

    /// <summary>The TempData cookie, <c>CookieTempDataProviderOptions.Cookie</c>.</summary>
    TempData,
}

internal static class CookieSourceExtensions
{
    public static bool IsBuilder(this CookieSource source) =>
        source is CookieSource.Session or CookieSource.Authentication or CookieSource.Antiforgery or CookieSource.TempData;

    public static string Describe(this CookieSource source) => source switch
    {
        CookieSource.Session => "(session cookie)",
        CookieSource.Authentication => "(authentication cookie)",
        CookieSource.Antiforgery => "(antiforgery cookie)",
        CookieSource.TempData => "(TempData cookie)",
        _ => "(computed name)",
    };
}
