using StateAnalyzers.AspNetCore.Tests.Infrastructure;
using StateAnalyzers.Catalogue;

namespace StateAnalyzers.AspNetCore.Tests;

/// <summary>
/// Deletes are never judged, on the typed path and in the audit; what is a delete follows the browser (RFC 6265 section
/// 5.1.1 for Expires, 5.2.2 for Max-Age); a delete the browser would ignore gets what it needs.
/// </summary>
public sealed class CookieDeleteTests
{
    private static Dictionary<string, string?> Mode(string mode) => new() { ["StateGuard:Mode"] = mode };

    private static void Endpoints(WebApplication app)
    {
        app.MapGet("/raw", (HttpContext c, string header) =>
        {
            c.Response.Headers.Append("Set-Cookie", header);
            return "ok";
        });
        app.MapGet("/typed-expired", (HttpContext c) =>
        {
            c.Response.Cookies.Append("prefs", "", new CookieOptions { Expires = DateTimeOffset.UnixEpoch });
            c.Response.Cookies.Append("cart", "", new CookieOptions { MaxAge = TimeSpan.Zero });
            c.Response.Cookies.Append("seen", "", new CookieOptions { MaxAge = TimeSpan.FromSeconds(-1) });
            return "ok";
        });
        app.MapGet("/delete-host", (HttpContext c) =>
        {
            c.Response.Cookies.Delete("__Host-prefs");
            c.Response.Cookies.Delete("__Secure-id", new CookieOptions { Path = "/" });
            c.Response.Cookies.Delete("embed", new CookieOptions { SameSite = SameSiteMode.None });
            return "ok";
        });
    }

    private static async Task<(GuardHost Host, IReadOnlyList<ReceivedCookie> Cookies)> RawAsync(string mode, string header)
    {
        var host = await GuardHost.StartAsync(Endpoints, Mode(mode));
        var response = await host.GetAsync("/raw?header=" + Uri.EscapeDataString(header));
        return (host, SetCookies.Of(response));
    }

    [Theory]
    [InlineData("old=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/")]
    [InlineData("old=gone; Expires=Sunday, 06-Nov-94 08:49:37 GMT")]
    [InlineData("old=gone; expires=Sun Nov  6 08:49:37 1994")]
    [InlineData("old=gone; max-age=0")]
    [InlineData("old=gone; Max-Age=-1; expires=Fri, 01 Jan 2100 00:00:00 GMT")]
    [InlineData("old=gone; expires=Fri, 01 Jan 2100 00:00:00 GMT; max-age=0")]
    public async Task A_raw_delete_passes_untouched_and_unlogged_in_every_mode(string header)
    {
        foreach (var mode in new[] { "Enforce", "Report" })
        {
            var (host, cookies) = await RawAsync(mode, header);
            await using (host)
            {
                Assert.Equal(header, Assert.Single(cookies).Header);
                Assert.Empty(host.Logs.Guard);
                Assert.Empty(host.Metrics.Measurements);
            }
        }
    }

    [Fact]
    public async Task A_typed_delete_with_Expires_in_the_past_or_Max_Age_zero_or_less_is_not_fixed_or_logged()
    {
        await using var host = await GuardHost.StartAsync(Endpoints, Mode("Enforce"));

        var cookies = SetCookies.Of(await host.GetAsync("/typed-expired"));

        Assert.Equal(3, cookies.Count);
        Assert.All(cookies, c => Assert.False(c.HttpOnly || c.Secure || c.SameSite is not null, c.Header));
        Assert.Empty(host.Logs.Guard);
        Assert.Empty(host.Metrics.Measurements);
    }

    [Theory]
    [InlineData("x={jwt}; Expires=1/1/2000")]
    [InlineData("x={jwt}; Expires=yesterday")]
    [InlineData("x={jwt}; Max-Age=0x10")]
    [InlineData("x={jwt}; Expires=Thu, 30 Feb 1970 00:00:00 GMT")]
    public async Task An_expiry_the_browser_cannot_read_is_not_a_delete_and_the_cookie_is_judged(string template)
    {
        var (host, cookies) = await RawAsync("Enforce", template.Replace("{jwt}", Secrets.Jwt(), StringComparison.Ordinal));
        await using (host)
        {
            Assert.Empty(cookies);
            Assert.Equal("dropped", Assert.Single(host.Logs.Guard).Property("Action"));
            Assert.Equal(1, host.Metrics.Count(RuleIds.STATE001, "dropped"));
        }
    }

    [Fact]
    public async Task The_authentication_handler_deleting_its_cookie_at_logout_is_not_a_finding()
    {
        await using var host = await GuardHost.StartAsync(
            ShopApp.Endpoints,
            Mode("Enforce"),
            services: b => ShopApp.Services(b, session: false),
            pipeline: app => ShopApp.Pipeline(app, session: false));
        var jar = new CookieJar();
        await host.GetAsync("/login", jar);
        var loginEvents = host.Logs.Guard.Count;

        var response = await host.GetAsync("/logout", jar);

        Assert.True(SetCookies.Single(response, ".AspNetCore.Cookies").IsDeletion);
        Assert.Equal(loginEvents, host.Logs.Guard.Count);
        Assert.DoesNotContain(host.Logs.Guard.Skip(loginEvents), r => r.EventId.Name is RuleIds.STATE004 or RuleIds.STATE005 or RuleIds.STATE006);
    }

    [Fact]
    public async Task A_typed_delete_of_a_prefixed_or_SameSite_None_cookie_carries_what_the_browser_needs()
    {
        await using var host = await GuardHost.StartAsync(Endpoints, Mode("Enforce"));

        var response = await host.GetAsync("/delete-host");

        var hostCookie = SetCookies.Single(response, "__Host-prefs");
        Assert.True(hostCookie.IsDeletion && hostCookie.Secure, hostCookie.Header);
        Assert.Equal("/", hostCookie.Attributes["path"]);
        Assert.False(hostCookie.Attributes.ContainsKey("domain"));
        Assert.True(SetCookies.Single(response, "__Secure-id").Secure);
        Assert.True(SetCookies.Single(response, "embed").Secure);
        Assert.Empty(host.Logs.Guard);
        Assert.Empty(host.Metrics.Measurements);
    }

    [Fact]
    public async Task A_raw_delete_of_a_Host_cookie_gets_Secure_and_Path_and_loses_its_Domain()
    {
        var (host, cookies) = await RawAsync("Enforce", "__Host-prefs=; expires=Thu, 01 Jan 1970 00:00:00 GMT; domain=example.org; path=/app");
        await using (host)
        {
            var cookie = Assert.Single(cookies);
            Assert.True(cookie.IsDeletion && cookie.Secure, cookie.Header);
            Assert.Equal("/", cookie.Attributes["path"]);
            Assert.False(cookie.Attributes.ContainsKey("domain"), cookie.Header);
            Assert.Empty(host.Logs.Guard);
        }
    }

    [Fact]
    public async Task Report_leaves_a_delete_as_the_app_wrote_it()
    {
        var header = "__Host-prefs=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/";
        var (host, cookies) = await RawAsync("Report", header);
        await using (host)
        {
            Assert.Equal(header, Assert.Single(cookies).Header);
        }
    }

    [Fact]
    public async Task The_session_cookie_deleted_at_sign_out_carries_Secure_when_its_name_is_Host_prefixed()
    {
        await using var host = await GuardHost.StartAsync(
            ShopApp.Endpoints,
            Mode("Enforce"),
            services: b =>
            {
                ShopApp.Services(b);
                b.Services.Configure<SessionOptions>(o => o.Cookie.Name = "__Host-session");
            },
            pipeline: app => ShopApp.Pipeline(app));
        var jar = new CookieJar();
        await host.GetAsync("/login", jar);
        Assert.True(jar.Cookies.ContainsKey("__Host-session"));

        var response = await host.GetAsync("/logout", jar);

        var delete = SetCookies.Single(response, "__Host-session");
        Assert.True(delete.IsDeletion && delete.Secure, delete.Header);
        Assert.Equal("/", delete.Attributes["path"]);
    }

    [Fact]
    public async Task A_cookie_dropped_in_Enforce_yields_one_log_line_and_one_counted_action()
    {
        await using var host = await GuardHost.StartAsync(
            app =>
            {
                app.MapGet("/secret", (HttpContext c) =>
                {
                    c.Response.Cookies.Append("session_data", Secrets.Jwt());
                    return "ok";
                });
                app.MapGet("/large", (HttpContext c) =>
                {
                    c.Response.Cookies.Append("blob", new string('x', 5000));
                    return "ok";
                });
            },
            Mode("Enforce"));

        Assert.Empty(SetCookies.Of(await host.GetAsync("/secret")));
        Assert.Empty(SetCookies.Of(await host.GetAsync("/large")));

        Assert.Equal(new[] { "STATE001 dropped", "STATE002 dropped" },
            host.Logs.Guard.Select(r => r.EventId.Name + " " + r.Property("Action")));
        Assert.Equal(2, host.Metrics.Measurements.Sum(m => m.Value));
        Assert.Equal(1, host.Metrics.Count(RuleIds.STATE001, "dropped"));
        Assert.Equal(1, host.Metrics.Count(RuleIds.STATE002, "dropped"));
    }

    [Fact]
    public async Task A_cookie_length_is_the_same_in_the_typed_fix_and_in_the_audit()
    {
        var configuration = new Dictionary<string, string?>
        {
            ["StateGuard:Mode"] = "Enforce",
            ["StateGuard:Rules:STATE006:Mode"] = "Report",
        };
        await using var host = await GuardHost.StartAsync(
            app => app.MapGet("/", (HttpContext c) =>
            {
                c.Response.Cookies.Append("note", "a b@c ü");
                return "ok";
            }),
            configuration);

        var cookie = SetCookies.Single(await host.GetAsync("/"), "note");

        var lengths = host.Logs.Guard.Select(r => r.Property("CookieLength")).Distinct().ToArray();
        Assert.Equal(3, host.Logs.Guard.Count);
        Assert.Equal("fixed", host.Logs.Guard.Single(r => r.EventId.Name == RuleIds.STATE004).Property("Action"));
        Assert.Equal("reported", host.Logs.Guard.Single(r => r.EventId.Name == RuleIds.STATE006).Property("Action"));
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(cookie.Name + cookie.Value), Assert.Single(lengths));
    }
}
