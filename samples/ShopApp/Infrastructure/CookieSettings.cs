namespace ShopApp.Infrastructure;

public static class CookieSettings
{
    /// <summary>A fully locked-down cookie: not readable by script, HTTPS only, never sent on cross-site requests.</summary>
    public static CookieOptions LockedDown() => new()
    {
        HttpOnly = true,
        Secure = true,
        SameSite = SameSiteMode.Strict,
        IsEssential = true,
        MaxAge = TimeSpan.FromDays(30),
    };
}
