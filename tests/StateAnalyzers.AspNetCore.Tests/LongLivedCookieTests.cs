using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using StateAnalyzers.AspNetCore.Tests.Infrastructure;
using StateAnalyzers.Catalogue;

namespace StateAnalyzers.AspNetCore.Tests;

/// <summary>
/// STATE009 at run time: the Max-Age / Expires of the authentication and session cookies, known by the names their
/// options give them, is capped at StateGuard:MaxAuthLifetime (Enforce) or reported (Report), through real requests.
/// </summary>
public sealed class LongLivedCookieTests
{
    private const string AuthCookie = ".AspNetCore.Cookies";

    private static readonly TimeSpan Year = TimeSpan.FromDays(365);

    private static Dictionary<string, string?> Config(string mode, string? maxAuthLifetime = null)
    {
        var configuration = new Dictionary<string, string?> { ["StateGuard:Mode"] = mode };
        if (maxAuthLifetime is not null)
        {
            configuration["StateGuard:MaxAuthLifetime"] = maxAuthLifetime;
        }

        return configuration;
    }

    private static Task<GuardHost> StartAsync(
        Dictionary<string, string?> configuration,
        TimeSpan expireTimeSpan,
        TimeSpan? cookieMaxAge = null,
        Action<SessionOptions>? session = null,
        Action<StateGuardOptions>? options = null) =>
        GuardHost.StartAsync(
            app =>
            {
                app.MapGet("/login", async (HttpContext c, bool persistent, int? groups) =>
                {
                    // Many claims make a ticket larger than one cookie: the cookie manager splits it into chunks.
                    var claims = Enumerable.Range(0, groups ?? 0).Select(i => new Claim("group", $"group-{i:000}-{Guid.NewGuid():N}"));
                    var identity = new ClaimsIdentity(claims.Append(new Claim(ClaimTypes.Name, "ada")), CookieAuthenticationDefaults.AuthenticationScheme);
                    await c.SignInAsync(new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = persistent });
                    return "signed in";
                });
                app.MapGet("/logout", async (HttpContext c) =>
                {
                    await c.SignOutAsync();
                    return "signed out";
                });
                app.MapGet("/me", (HttpContext c) => c.User.Identity?.Name ?? "nobody");
                app.MapGet("/prefs", (HttpContext c) =>
                {
                    c.Response.Cookies.Append("prefs", "dark", new CookieOptions { MaxAge = Year, Expires = FixedClock.Now + Year });
                    return "ok";
                });
                app.MapGet("/raw", (HttpContext c, string header) =>
                {
                    c.Response.Headers.Append("Set-Cookie", header);
                    return "ok";
                });
                app.MapGet("/cart", (HttpContext c) =>
                {
                    c.Session.SetString("cart", "apples");
                    return "ok";
                });
            },
            configuration,
            services: b =>
            {
                b.Services.AddSingleton<TimeProvider>(new FixedClock());
                b.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
                    .AddCookie(o =>
                    {
                        o.ExpireTimeSpan = expireTimeSpan;
                        o.Cookie.MaxAge = cookieMaxAge;
                    });
                if (session is not null)
                {
                    b.Services.AddDistributedMemoryCache();
                    b.Services.AddSession(session);
                }
            },
            options: options,
            pipeline: app =>
            {
                app.UseStateGuard();
                if (session is not null)
                {
                    app.UseSession();
                }

                app.UseAuthentication();
            });

    private static DateTimeOffset Expires(ReceivedCookie cookie) =>
        DateTimeOffset.Parse(cookie.Attributes["expires"], CultureInfo.InvariantCulture);

    private static LogRecord[] Lifetimes(GuardHost host) => host.Logs.Guard.Where(r => r.EventId.Name == RuleIds.STATE009).ToArray();

    [Fact]
    public async Task Enforce_caps_the_Expires_of_a_year_long_persistent_login_at_30_days_and_the_user_stays_signed_in()
    {
        await using var host = await StartAsync(Config("Enforce"), Year);
        var jar = new CookieJar();

        var cookie = SetCookies.Single(await host.GetAsync("/login?persistent=true", jar), AuthCookie);
        var me = await (await host.GetAsync("/me", jar)).Content.ReadAsStringAsync();

        Assert.Equal(FixedClock.Now + RuleCatalog.MaxAuthLifetime.Default, Expires(cookie));
        Assert.False(cookie.Attributes.ContainsKey("max-age"), cookie.Header);
        Assert.Equal("ada", me);
        var record = Assert.Single(Lifetimes(host));
        Assert.Equal(1091, record.EventId.Id);
        Assert.Equal(LogLevel.Information, record.Level);
        Assert.Equal(
            "STATE009 fixed: '.AspNetCore.Cookies' keeps the authentication cookie for 365 days, longer than the maximum of " +
            $"30 days (StateGuard:MaxAuthLifetime); shorten it [capped Max-Age / Expires at 30 days; cookie length {cookie.Name.Length + cookie.Value.Length}]",
            record.Message);
        Assert.Equal(new[] { new Measurement(1, RuleIds.STATE009, "fixed") }, host.Metrics.Measurements.Where(m => m.Rule == RuleIds.STATE009));
    }

    [Fact]
    public async Task Enforce_caps_Max_Age_and_Expires_together_when_the_cookie_has_both()
    {
        await using var host = await StartAsync(Config("Enforce"), Year, cookieMaxAge: Year);

        var cookie = SetCookies.Single(await host.GetAsync("/login?persistent=true"), AuthCookie);

        Assert.Equal("2592000", cookie.Attributes["max-age"]);
        Assert.Equal(FixedClock.Now + TimeSpan.FromDays(30), Expires(cookie));
        Assert.Single(Lifetimes(host));
    }

    [Fact]
    public async Task Report_leaves_the_header_as_written_and_logs_STATE009_at_the_rule_severity()
    {
        await using var host = await StartAsync(Config("Report"), Year);

        var cookie = SetCookies.Single(await host.GetAsync("/login?persistent=true"), AuthCookie);

        Assert.Equal(FixedClock.Now + Year, Expires(cookie));
        var record = Assert.Single(Lifetimes(host));
        Assert.Equal(1090, record.EventId.Id);
        Assert.Equal(LogLevel.Warning, record.Level);
        Assert.StartsWith("STATE009 reported: '.AspNetCore.Cookies' keeps the authentication cookie for 365 days", record.Message, StringComparison.Ordinal);
        Assert.Contains("[reported only, the response is unchanged;", record.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { new Measurement(1, RuleIds.STATE009, "reported") }, host.Metrics.Measurements.Where(m => m.Rule == RuleIds.STATE009));
    }

    [Fact]
    public async Task Off_for_the_rule_leaves_the_lifetime_and_logs_nothing()
    {
        var configuration = Config("Enforce");
        configuration["StateGuard:Rules:STATE009:Mode"] = "Off";
        await using var host = await StartAsync(configuration, Year);

        var cookie = SetCookies.Single(await host.GetAsync("/login?persistent=true"), AuthCookie);

        Assert.Equal(FixedClock.Now + Year, Expires(cookie));
        Assert.Empty(Lifetimes(host));
    }

    [Fact]
    public async Task Exactly_the_maximum_is_untouched()
    {
        await using var host = await StartAsync(Config("Enforce"), TimeSpan.FromDays(30), cookieMaxAge: TimeSpan.FromDays(30));

        var header = ".AspNetCore.Cookies=x; Max-Age=2592000; Expires=" + (FixedClock.Now + TimeSpan.FromDays(30)).ToString("R", CultureInfo.InvariantCulture) +
                     "; Path=/; Secure; HttpOnly; SameSite=Lax";

        var cookie = SetCookies.Single(await host.GetAsync("/login?persistent=true"), AuthCookie);
        var raw = SetCookies.Single(await host.GetAsync("/raw?header=" + Uri.EscapeDataString(header)), AuthCookie);

        Assert.Equal(FixedClock.Now + TimeSpan.FromDays(30), Expires(cookie));
        Assert.Equal("2592000", cookie.Attributes["max-age"]);
        Assert.Equal(header, raw.Header);
        Assert.Empty(Lifetimes(host));
    }

    [Fact]
    public async Task A_login_that_is_not_persistent_has_no_lifetime_and_is_untouched()
    {
        await using var host = await StartAsync(Config("Enforce"), Year);

        var cookie = SetCookies.Single(await host.GetAsync("/login?persistent=false"), AuthCookie);

        Assert.False(cookie.Attributes.ContainsKey("expires") || cookie.Attributes.ContainsKey("max-age"), cookie.Header);
        Assert.Empty(Lifetimes(host));
    }

    [Fact]
    public async Task A_cookie_that_is_not_the_authentication_or_session_cookie_keeps_its_long_lifetime()
    {
        await using var host = await StartAsync(Config("Enforce"), Year);

        var typed = SetCookies.Single(await host.GetAsync("/prefs"), "prefs");
        // Identity's cookie name, but this app registers no Identity scheme: a name is not a guess.
        var raw = SetCookies.Single(await host.GetAsync("/raw?header=" + Uri.EscapeDataString(".AspNetCore.Identity.Application=x; max-age=31536000; httponly; secure; samesite=lax")), ".AspNetCore.Identity.Application");

        Assert.Equal("31536000", typed.Attributes["max-age"]);
        Assert.Equal(FixedClock.Now + Year, Expires(typed));
        Assert.Equal("31536000", raw.Attributes["max-age"]);
        Assert.Empty(Lifetimes(host));
    }

    [Fact]
    public async Task A_raw_header_under_the_authentication_cookie_name_is_capped_too()
    {
        await using var host = await StartAsync(Config("Enforce"), Year);
        var header = ".AspNetCore.Cookies=x; Max-Age=31536000; Path=/; Secure; HttpOnly; SameSite=Lax";

        var cookie = SetCookies.Single(await host.GetAsync("/raw?header=" + Uri.EscapeDataString(header)), AuthCookie);

        Assert.Equal(".AspNetCore.Cookies=x; Max-Age=2592000; Path=/; Secure; HttpOnly; SameSite=Lax", cookie.Header);
        Assert.Single(Lifetimes(host));
    }

    [Fact]
    public async Task Every_chunk_of_a_chunked_authentication_cookie_is_capped_and_the_user_stays_signed_in()
    {
        await using var host = await StartAsync(Config("Enforce"), Year);
        var jar = new CookieJar();

        var cookies = SetCookies.Of(await host.GetAsync("/login?persistent=true&groups=120", jar));
        var me = await (await host.GetAsync("/me", jar)).Content.ReadAsStringAsync();

        var series = cookies.Where(c => c.Name.StartsWith(AuthCookie, StringComparison.Ordinal)).ToArray();
        Assert.True(series.Length >= 3, string.Join(", ", cookies.Select(c => c.Name)));
        Assert.StartsWith("chunks-", Assert.Single(series, c => c.Name == AuthCookie).Value, StringComparison.Ordinal);
        Assert.All(series, c => Assert.Equal(FixedClock.Now + TimeSpan.FromDays(30), Expires(c)));
        Assert.Equal(series.Select(c => c.Name).Order(), Lifetimes(host).Select(r => (string)r.Property("CookieName")!).Order());
        Assert.Equal("ada", me);
    }

    [Fact]
    public async Task The_sign_out_delete_is_never_capped()
    {
        await using var host = await StartAsync(Config("Enforce"), Year);
        var jar = new CookieJar();
        await host.GetAsync("/login?persistent=true", jar);

        var delete = SetCookies.Single(await host.GetAsync("/logout", jar), AuthCookie);

        Assert.Equal(DateTimeOffset.UnixEpoch, Expires(delete));
        Assert.Single(Lifetimes(host)); // the login's, not the delete's
    }

    [Theory]
    [InlineData("7d")]
    [InlineData("7.00:00:00")]
    [InlineData("168h")]
    public async Task A_configured_MaxAuthLifetime_is_honoured_in_either_form(string maximum)
    {
        await using var host = await StartAsync(Config("Enforce", maximum), TimeSpan.FromDays(14), cookieMaxAge: TimeSpan.FromDays(14));

        var cookie = SetCookies.Single(await host.GetAsync("/login?persistent=true"), AuthCookie);

        Assert.Equal(TimeSpan.FromDays(7), host.Services.GetRequiredService<IOptions<StateGuardOptions>>().Value.MaxAuthLifetime);
        Assert.Equal("604800", cookie.Attributes["max-age"]);
        Assert.Equal(FixedClock.Now + TimeSpan.FromDays(7), Expires(cookie));
        Assert.Contains("keeps the authentication cookie for 14 days, longer than the maximum of 7 days", Assert.Single(Lifetimes(host)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_delegate_sets_the_maximum_in_code()
    {
        await using var host = await StartAsync(Config("Enforce"), TimeSpan.FromDays(3), options: o => o.MaxAuthLifetime = TimeSpan.FromHours(12));

        var cookie = SetCookies.Single(await host.GetAsync("/login?persistent=true"), AuthCookie);

        Assert.Equal(FixedClock.Now + TimeSpan.FromHours(12), Expires(cookie));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1d")]
    [InlineData("0")]
    [InlineData("-1.00:00:00")]
    public async Task A_MaxAuthLifetime_that_is_not_a_positive_lifetime_stops_the_start_up_with_the_key(string maximum)
    {
        var configuration = Config("Enforce", maximum);
        configuration["StateGuard:MaxCookieBytes"] = "0";

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(configuration, Year));

        Assert.Contains(error.Failures, f => f.StartsWith("StateGuard:MaxAuthLifetime is '" + maximum + "'; give a lifetime of at least one second", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("StateGuard:MaxCookieBytes", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_MaxAuthLifetime_under_a_second_stops_the_start_up(bool inCode)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => inCode
            ? StartAsync(Config("Enforce"), Year, options: o => o.MaxAuthLifetime = TimeSpan.FromMilliseconds(500))
            : StartAsync(Config("Enforce", "00:00:00.5"), Year));

        Assert.StartsWith("StateGuard:MaxAuthLifetime is 00:00:00.5000000; give a lifetime of at least one second", Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_session_cookie_has_no_lifetime_by_default_and_is_untouched()
    {
        await using var host = await StartAsync(Config("Enforce"), Year, session: _ => { });

        var cookie = SetCookies.Single(await host.GetAsync("/cart"), ".AspNetCore.Session");

        Assert.False(cookie.Attributes.ContainsKey("expires") || cookie.Attributes.ContainsKey("max-age"), cookie.Header);
        Assert.Empty(Lifetimes(host));
    }

    [Fact]
    public async Task A_session_cookie_given_a_long_Max_Age_is_capped_under_the_name_its_options_give_it()
    {
        await using var host = await StartAsync(Config("Enforce"), Year, session: o =>
        {
            o.Cookie.Name = "shop-session";
            o.Cookie.MaxAge = Year;
        });

        var cookie = SetCookies.Single(await host.GetAsync("/cart"), "shop-session");

        Assert.Equal("2592000", cookie.Attributes["max-age"]);
        Assert.StartsWith("STATE009 fixed: 'shop-session' keeps the session cookie for 365 days", Assert.Single(Lifetimes(host)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_renamed_authentication_cookie_is_capped_under_its_name_and_Identity_cookies_under_theirs()
    {
        await using var host = await GuardHost.StartAsync(
            app =>
            {
                app.MapGet("/login", async (SignInManager<ShopUser> signIn) =>
                {
                    await signIn.SignInAsync(new ShopUser("1", "ada"), isPersistent: true);
                    return "signed in";
                });
                app.MapGet("/partner", async (HttpContext c) =>
                {
                    var identity = new ClaimsIdentity(new[] { new Claim(ClaimTypes.Name, "ada") }, "Partner");
                    await c.SignInAsync("Partner", new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = true });
                    return "signed in";
                });
            },
            Config("Enforce"),
            services: b =>
            {
                b.Services.AddSingleton<TimeProvider>(new FixedClock());
                b.Services.AddSingleton<IUserStore<ShopUser>, ShopUserStore>();
                b.Services.AddIdentityCore<ShopUser>().AddSignInManager();
                b.Services.AddAuthentication(IdentityConstants.ApplicationScheme)
                    .AddIdentityCookies(cookies => cookies.ApplicationCookie!.Configure(o => o.ExpireTimeSpan = Year));
                b.Services.AddAuthentication().AddCookie("Partner", o =>
                {
                    o.Cookie.Name = "partner";
                    o.ExpireTimeSpan = Year;
                });
            },
            pipeline: app =>
            {
                app.UseStateGuard();
                app.UseAuthentication();
            });

        var identityCookie = SetCookies.Single(await host.GetAsync("/login"), ".AspNetCore.Identity.Application");
        var partner = SetCookies.Single(await host.GetAsync("/partner"), "partner");

        Assert.Equal(FixedClock.Now + TimeSpan.FromDays(30), Expires(identityCookie));
        Assert.Equal(FixedClock.Now + TimeSpan.FromDays(30), Expires(partner));
        Assert.Equal(new[] { ".AspNetCore.Identity.Application", "partner" }, Lifetimes(host).Select(r => (string)r.Property("CookieName")!));
    }

    [Theory]
    [InlineData("a=b; Max-Age=60; Expires=Fri, 01 Jan 2100 00:00:00 GMT", 60d)]
    [InlineData("a=b; Expires=Fri, 01 Jan 2100 00:00:00 GMT; max-age=60", 60d)]
    [InlineData("a=b; Max-Age=abc; Max-Age=120", 120d)]
    [InlineData("a=b; Expires=Sat, 02 Mar 2030 12:00:00 GMT", 86400d)]
    [InlineData("a=b; Max-Age=99999999999999999999999", -1d)]
    public void The_lifetime_is_what_the_browser_keeps_the_cookie_for(string header, double seconds)
    {
        Assert.True(Internal.SetCookieHeader.TryParse(header, FixedClock.Now, out var cookie));

        Assert.Equal(seconds < 0 ? TimeSpan.MaxValue : TimeSpan.FromSeconds(seconds), cookie.Lifetime);
    }

    [Theory]
    [InlineData("a=b")]
    [InlineData("a=b; Expires=1/1/2100")]
    [InlineData("a=b; Max-Age=0; Expires=Fri, 01 Jan 2100 00:00:00 GMT")]
    [InlineData("a=b; Expires=Thu, 01 Jan 1970 00:00:00 GMT")]
    public void A_browser_session_cookie_or_a_delete_has_no_lifetime(string header)
    {
        Assert.True(Internal.SetCookieHeader.TryParse(header, FixedClock.Now, out var cookie));

        Assert.Null(cookie.Lifetime);
    }
}
