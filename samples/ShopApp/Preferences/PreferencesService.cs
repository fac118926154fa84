using Microsoft.AspNetCore.Localization;
using ShopApp.Infrastructure;

namespace ShopApp.Preferences;

/// <summary>Small, non-sensitive user preferences: exactly what cookies are for, as long as they are locked down.</summary>
public sealed class PreferencesService(IHttpContextAccessor accessor)
{
    private static readonly TimeSpan OneYear = TimeSpan.FromDays(365);

    private HttpContext Context => accessor.HttpContext ?? throw new InvalidOperationException("No current request.");

    public string Theme => Context.Request.Cookies["theme"] ?? "light";

    public string Currency => Context.Request.Cookies["currency"] ?? "EUR";

    public void SetTheme(string theme)
    {
        // Expected: STATE004 - HttpOnly switched off so the page script can read the theme; so can any injected script.
        Context.Response.Cookies.Append("theme", theme, new CookieOptions
        {
            HttpOnly = false,
            Secure = true,
            SameSite = SameSiteMode.Lax,
            MaxAge = OneYear,
            IsEssential = true,
        });
    }

    public void SetCulture(string culture)
    {
        var options = new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = OneYear };

        // Expected: STATE005 - turned off because the dev box runs on http://localhost; production sends it over HTTP too.
        options.Secure = false;
        Context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            options);
    }

    public void SetCurrency(string currency)
    {
        // Clean: a small preference in a fully locked-down cookie.
        Context.Response.Cookies.Append("currency", currency, CookieSettings.LockedDown());
    }

    public void SetLayout(string layout)
    {
        // Expected: STATE010 - a __Host- cookie must have Path=/; scoped to the preferences pages, the browser drops it
        // and the layout never sticks.
        Context.Response.Cookies.Append("__Host-layout", layout, new CookieOptions
        {
            HttpOnly = true,
            Secure = true,
            SameSite = SameSiteMode.Lax,
            Path = "/preferences",
            MaxAge = OneYear,
        });
    }

    public void SetRegion(string region)
    {
        // Clean: STATE010 - a __Host- cookie with what its prefix requires (Secure, no Domain, Path / by default) and
        // a lifetime of exactly the browser's 400-day cap.
        Context.Response.Cookies.Append("__Host-region", region, new CookieOptions
        {
            HttpOnly = true,
            Secure = true,
            SameSite = SameSiteMode.Lax,
            MaxAge = TimeSpan.FromDays(400),
        });
    }

    public void RecordConsent(bool analytics)
    {
        // Expected: STATE005 (SameSite=None without Secure) - meant for the embedded checkout widget; browsers reject it.
        Context.Response.Cookies.Append("consent", analytics ? "analytics" : "essential", new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.None,
            MaxAge = TimeSpan.FromDays(180),
        });
    }
}
