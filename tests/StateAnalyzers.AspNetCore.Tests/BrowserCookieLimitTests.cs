using StateAnalyzers.AspNetCore.Tests.Infrastructure;

namespace StateAnalyzers.AspNetCore.Tests;

/// <summary>
/// The claim behind STATE010, shown on real headers: what an app on the test server writes, received by a cookie store
/// written from RFC 6265bis sections 5.6 and 5.7 (<see cref="BrowserCookieStore"/>). A <c>__Host-</c> cookie without
/// Secure, with a Domain, or with a Path other than <c>/</c>, and a <c>__Secure-</c> cookie without Secure, are ignored
/// (prefixes matched case-insensitively); a lifetime of 500 days is cut to 400. The same writes after the companion's
/// STATE010 repair (Enforce) are stored, and hold exactly as long as their header says.
/// </summary>
public sealed class BrowserCookieLimitTests
{
    private static readonly TimeSpan FiveHundredDays = TimeSpan.FromDays(500);

    /// <summary>The companion installs nothing: the headers are the app's own.</summary>
    private static readonly Dictionary<string, string?> Off = new() { ["StateGuard:Mode"] = "Off" };

    /// <summary>STATE010 alone in Enforce, so that what the browser accepts is owed to its repair.</summary>
    private static readonly Dictionary<string, string?> RepairedBy010 = new()
    {
        ["StateGuard:Mode"] = "Enforce",
        ["StateGuard:Rules:STATE001:Mode"] = "Off",
        ["StateGuard:Rules:STATE002:Mode"] = "Off",
        ["StateGuard:Rules:STATE004:Mode"] = "Off",
        ["StateGuard:Rules:STATE005:Mode"] = "Off",
        ["StateGuard:Rules:STATE006:Mode"] = "Off",
    };

    internal static void Endpoints(WebApplication app)
    {
        app.MapGet("/host-without-secure", (HttpContext c) =>
        {
            c.Response.Cookies.Append("__Host-x", "1", new CookieOptions { Path = "/" });
            return "ok";
        });
        app.MapGet("/host-with-domain", (HttpContext c) =>
        {
            // The request's own host, so that the Domain itself is valid (5.7 step 10) and only the prefix rule is broken.
            c.Response.Cookies.Append("__Host-x", "1", new CookieOptions { Secure = true, Path = "/", Domain = "localhost" });
            return "ok";
        });
        app.MapGet("/host-with-path", (HttpContext c) =>
        {
            c.Response.Cookies.Append("__Host-x", "1", new CookieOptions { Secure = true, Path = "/app" });
            return "ok";
        });
        app.MapGet("/secure-without-secure", (HttpContext c) =>
        {
            c.Response.Cookies.Append("__Secure-x", "1", new CookieOptions());
            return "ok";
        });
        app.MapGet("/lower-case-host-without-secure", (HttpContext c) =>
        {
            c.Response.Cookies.Append("__host-x", "1", new CookieOptions { Path = "/" });
            return "ok";
        });
        app.MapGet("/host-clean", (HttpContext c) =>
        {
            c.Response.Cookies.Append("__Host-x", "1", new CookieOptions { Secure = true, Path = "/", HttpOnly = true, SameSite = SameSiteMode.Lax });
            return "ok";
        });
        app.MapGet("/max-age-500-days", (HttpContext c) =>
        {
            c.Response.Cookies.Append("remember", "1", new CookieOptions { MaxAge = FiveHundredDays });
            return "ok";
        });
        app.MapGet("/expires-500-days", (HttpContext c) =>
        {
            c.Response.Cookies.Append("remember", "1", new CookieOptions { Expires = DateTimeOffset.UtcNow + FiveHundredDays });
            return "ok";
        });
        app.MapGet("/raw", (HttpContext c, string header) =>
        {
            c.Response.Headers.Append("Set-Cookie", header);
            return "ok";
        });
    }

    public static TheoryData<string, string> Rejected => new()
    {
        { "/host-without-secure", "5.7 step 21" },
        { "/host-with-domain", "5.7 step 21" },
        { "/host-with-path", "5.7 step 21" },
        { "/secure-without-secure", "5.7 step 20" },
        { "/lower-case-host-without-secure", "5.7 step 21" },
        { "/raw?header=" + Uri.EscapeDataString("__Host-x=1; Secure"), "5.7 step 21" },
        { "/raw?header=" + Uri.EscapeDataString("__HOST-x=1; Secure; Domain=localhost; Path=/"), "5.7 step 21" },
        { "/raw?header=" + Uri.EscapeDataString("__SECURE-x=1; Path=/"), "5.7 step 20" },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public async Task A_prefixed_cookie_without_what_its_prefix_requires_is_ignored_by_the_browser(string path, string step)
    {
        await using var host = await GuardHost.StartAsync(Endpoints, Off, https: true);
        var browser = new BrowserCookieStore(DateTimeOffset.UtcNow);

        var outcome = Assert.Single(browser.Receive(new Uri(host.BaseAddress, path), await host.GetAsync(path)));

        Assert.Equal(step, outcome.IgnoredAt);
        Assert.Empty(browser.Cookies);
    }

    [Theory]
    [MemberData(nameof(Rejected))]
    public async Task After_the_Enforce_repair_the_browser_stores_the_same_cookie(string path, string step)
    {
        await using var host = await GuardHost.StartAsync(Endpoints, RepairedBy010, https: true);
        var browser = new BrowserCookieStore(DateTimeOffset.UtcNow);

        var outcome = Assert.Single(browser.Receive(new Uri(host.BaseAddress, path), await host.GetAsync(path)));

        Assert.True(outcome.Stored is not null, "was " + step + ", now " + outcome);
        var cookie = Assert.Single(browser.Cookies);
        Assert.True(cookie.SecureOnlyFlag);
        Assert.Equal("1", cookie.Value);
        if (cookie.Name.StartsWith("__Host-", StringComparison.OrdinalIgnoreCase))
        {
            Assert.True(cookie.HostOnlyFlag);
            Assert.Equal("/", cookie.Path);
        }
    }

    [Theory]
    [InlineData("/max-age-500-days")]
    [InlineData("/expires-500-days")]
    [InlineData("/raw?header=remember%3D1%3B%20Max-Age%3D43200000")]
    public async Task After_the_Enforce_repair_a_500_day_cookie_holds_what_its_header_says_at_most_400_days(string path)
    {
        await using var host = await GuardHost.StartAsync(Endpoints, RepairedBy010, https: true);
        var response = await host.GetAsync(path);

        // The browser receives the header after the server wrote it: its "now" is the later one.
        var browser = new BrowserCookieStore(DateTimeOffset.UtcNow);
        Assert.Single(browser.Receive(new Uri(host.BaseAddress, path), response));

        var header = SetCookies.Single(response, "remember");
        var written = header.Attributes.TryGetValue("max-age", out var maxAge)
            ? browser.Now.AddSeconds(long.Parse(maxAge, System.Globalization.CultureInfo.InvariantCulture))
            : BrowserCookieStore.ParseCookieDate(header.Attributes["expires"])!.Value;
        var cookie = Assert.Single(browser.Cookies);
        Assert.Equal(written, cookie.ExpiryTime);
        Assert.True(cookie.ExpiryTime <= browser.Now + BrowserCookieStore.CookieAgeLimit, header.Header);
        Assert.True(cookie.ExpiryTime > browser.Now + TimeSpan.FromDays(399), header.Header);
    }

    [Fact]
    public async Task A_Host_cookie_with_Secure_Path_root_and_no_Domain_is_stored()
    {
        await using var host = await GuardHost.StartAsync(Endpoints, Off, https: true);
        var browser = new BrowserCookieStore(DateTimeOffset.UtcNow);

        var outcome = Assert.Single(browser.Receive(new Uri(host.BaseAddress, "/host-clean"), await host.GetAsync("/host-clean")));

        var cookie = Assert.Single(browser.Cookies);
        Assert.Same(cookie, outcome.Stored);
        Assert.Equal(("__Host-x", "1", "/", "localhost"), (cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        Assert.True(cookie.SecureOnlyFlag && cookie.HostOnlyFlag && cookie.HttpOnlyFlag);
    }

    [Fact]
    public async Task Over_plain_http_a_Secure_cookie_is_ignored_so_a_prefixed_cookie_cannot_be_set_there_at_all()
    {
        await using var host = await GuardHost.StartAsync(Endpoints, Off);
        var browser = new BrowserCookieStore(DateTimeOffset.UtcNow);

        var outcome = Assert.Single(browser.Receive(new Uri(host.BaseAddress, "/host-clean"), await host.GetAsync("/host-clean")));

        Assert.Equal("5.7 step 13", outcome.IgnoredAt);
    }

    [Theory]
    [InlineData("/max-age-500-days")]
    [InlineData("/expires-500-days")]
    public async Task A_lifetime_of_500_days_is_cut_to_400_days(string path)
    {
        await using var host = await GuardHost.StartAsync(Endpoints, Off, https: true);
        var response = await host.GetAsync(path);

        // The browser receives the header after the server wrote it: its "now" is the later one.
        var browser = new BrowserCookieStore(DateTimeOffset.UtcNow);
        Assert.Single(browser.Receive(new Uri(host.BaseAddress, path), response));

        var header = SetCookies.Single(response, "remember");
        var written = header.Attributes.TryGetValue("max-age", out var maxAge)
            ? browser.Now.AddSeconds(long.Parse(maxAge, System.Globalization.CultureInfo.InvariantCulture))
            : BrowserCookieStore.ParseCookieDate(header.Attributes["expires"])!.Value;
        var cookie = Assert.Single(browser.Cookies);
        Assert.True(written > browser.Now + TimeSpan.FromDays(499), header.Header);
        Assert.True(cookie.PersistentFlag);
        Assert.Equal(browser.Now + BrowserCookieStore.CookieAgeLimit, cookie.ExpiryTime);
    }

    [Theory]
    [InlineData("Thu, 01 Jan 1970 00:00:00 GMT", "1970-01-01T00:00:00Z")]
    [InlineData("Sunday, 06-Nov-94 08:49:37 GMT", "1994-11-06T08:49:37Z")]
    [InlineData("Sun Nov  6 08:49:37 1994", "1994-11-06T08:49:37Z")]
    [InlineData("1 Mar 2030 1:2:3", "2030-03-01T01:02:03Z")]
    [InlineData("Thu, 30 Feb 1970 00:00:00 GMT", null)]
    [InlineData("1/1/2000", null)]
    [InlineData("yesterday", null)]
    [InlineData("Thu, 01 Jan 1600 00:00:00 GMT", null)]
    public void The_store_reads_dates_as_section_5_1_1_says(string text, string? expected)
    {
        Assert.Equal(expected is null ? null : DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), BrowserCookieStore.ParseCookieDate(text));
    }

    [Fact]
    public void The_store_evicts_a_cookie_its_delete_expires_and_keeps_a_secure_cookie_from_a_plain_overlay()
    {
        var browser = new BrowserCookieStore(DateTimeOffset.UtcNow);
        var https = new Uri("https://localhost/");
        Assert.NotNull(browser.Receive(https, "a=1; Secure; Path=/").Stored);
        Assert.Equal("5.7 step 16", browser.Receive(new Uri("http://localhost/"), "a=2; Path=/").IgnoredAt);

        Assert.NotNull(browser.Receive(https, "a=; Secure; Path=/; Max-Age=0").Stored);

        Assert.Empty(browser.Cookies);
    }
}
