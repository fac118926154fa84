using StateAnalyzers.AspNetCore.Tests.Infrastructure;
using StateAnalyzers.Catalogue;

namespace StateAnalyzers.AspNetCore.Tests;

/// <summary>
/// STATE010 at run time, on real requests, through both write paths: what a <c>__Host-</c> or <c>__Secure-</c> cookie
/// needs (Secure; for <c>__Host-</c> also Path=/ and no Domain) is added in Enforce, a lifetime beyond 400 days is capped,
/// Report only logs, Off does nothing, deletes are only repaired. The other attribute rules are off unless a test says so,
/// so each line of the log is STATE010's.
/// </summary>
public sealed class BrowserLimitTests
{
    private static readonly TimeSpan FourHundredDays = TimeSpan.FromDays(400);

    private static Dictionary<string, string?> Only010(string mode) => new()
    {
        ["StateGuard:Mode"] = "Enforce",
        ["StateGuard:Rules:STATE001:Mode"] = "Off",
        ["StateGuard:Rules:STATE002:Mode"] = "Off",
        ["StateGuard:Rules:STATE004:Mode"] = "Off",
        ["StateGuard:Rules:STATE005:Mode"] = "Off",
        ["StateGuard:Rules:STATE006:Mode"] = "Off",
        ["StateGuard:Rules:STATE010:Mode"] = mode,
    };

    private static void Endpoints(WebApplication app)
    {
        BrowserCookieLimitTests.Endpoints(app);
        app.MapGet("/batch", (HttpContext c) =>
        {
            c.Response.Cookies.Append(new[] { KeyValuePair.Create("__Host-a", "1"), KeyValuePair.Create("b", "2") }, new CookieOptions { Path = "/" });
            return "ok";
        });
        app.MapGet("/host-everything-wrong", (HttpContext c) =>
        {
            c.Response.Cookies.Append("__Host-x", "1", new CookieOptions { Domain = "localhost", Path = "/app", MaxAge = TimeSpan.FromDays(500) });
            return "ok";
        });
        app.MapGet("/host-clean-with-lifetime", (HttpContext c) =>
        {
            c.Response.Cookies.Append("__Host-x", "1", new CookieOptions { Secure = true, Path = "/", MaxAge = FourHundredDays });
            return "ok";
        });
        app.MapGet("/delete-host", (HttpContext c) =>
        {
            c.Response.Cookies.Delete("__Host-x", new CookieOptions { Domain = "localhost", Path = "/app" });
            return "ok";
        });
    }

    private static string Raw(string header) => "/raw?header=" + Uri.EscapeDataString(header);

    private static LogRecord Single010(GuardHost host) => Assert.Single(host.Logs.Guard, r => r.EventId.Name == RuleIds.STATE010);

    public static TheoryData<string, string, string> TypedViolations => new()
    {
        // path, the message variant, what the log shows of the finding
        { "/host-without-secure", RuleCatalog.DefaultVariant, "__Host-" },
        { "/lower-case-host-without-secure", RuleCatalog.DefaultVariant, "__Host-" },
        { "/secure-without-secure", RuleCatalog.DefaultVariant, "__Secure-" },
        { "/host-with-domain", RuleCatalog.HostCookieWithDomainVariant, "(Domain = \"localhost\")" },
        { "/host-with-path", RuleCatalog.HostCookieWithPathVariant, "(Path = \"/app\")" },
        { "/max-age-500-days", RuleCatalog.LifetimeCappedByBrowserVariant, "live 500 days (MaxAge)" },
        { "/expires-500-days", RuleCatalog.LifetimeCappedByBrowserVariant, "(Expires)" },
    };

    [Theory]
    [MemberData(nameof(TypedViolations))]
    public async Task Enforce_repairs_a_typed_write_and_logs_it_as_fixed(string path, string variant, string shown)
    {
        await using var host = await GuardHost.StartAsync(Endpoints, Only010("Enforce"), https: true);
        var before = DateTimeOffset.UtcNow;

        var cookie = Assert.Single(SetCookies.Of(await host.GetAsync(path)));

        AssertRepaired(cookie, before);
        var record = Single010(host);
        Assert.Equal("fixed", record.Property("Action"));
        Assert.Equal(StateGuardTelemetry.EventId(RuleIds.STATE010, GuardAction.Fixed), record.EventId.Id);
        Assert.Equal(LogLevel.Information, record.Level);
        Assert.Contains(shown, record.Message, StringComparison.Ordinal);
        Assert.StartsWith("STATE010 fixed: " + MessageStart(variant, cookie.Name), record.Message, StringComparison.Ordinal);
        Assert.Equal(1, host.Metrics.Count(RuleIds.STATE010, "fixed"));
    }

    public static TheoryData<string, int> RawViolations => new()
    {
        { "__Host-x=1; Path=/", 1 },
        { "__host-x=1; path=/", 1 },
        { "__Secure-x=1", 1 },
        { "__Host-x=1; Secure", 1 },
        { "__Host-x=1; Secure; Path=/app", 1 },
        { "__Host-x=1; Secure; Domain=localhost; Path=/", 1 },
        { "__Host-x=1; domain=localhost; path=/app; HttpOnly", 3 },
        { "remember=1; Max-Age=43200000", 1 },
        { "remember=1; Max-Age=100; Max-Age=99999999999999999999999", 1 },
        { "remember=1; Expires=" + DateTimeOffset.UtcNow.AddDays(500).ToString("R", System.Globalization.CultureInfo.InvariantCulture), 1 },
        { "__Host-x=1; Path=/; Max-Age=43200000", 2 },
    };

    [Theory]
    [MemberData(nameof(RawViolations))]
    public async Task Enforce_repairs_a_raw_Set_Cookie_header_and_logs_each_finding(string header, int findings)
    {
        await using var host = await GuardHost.StartAsync(Endpoints, Only010("Enforce"), https: true);
        var before = DateTimeOffset.UtcNow;

        var cookie = Assert.Single(SetCookies.Of(await host.GetAsync(Raw(header))));

        AssertRepaired(cookie, before);
        Assert.Equal(findings, host.Logs.Guard.Count(r => r.EventId.Name == RuleIds.STATE010 && (string?)r.Property("Action") == "fixed"));
        Assert.Equal(findings, host.Logs.Guard.Count);
        Assert.Equal(findings, host.Metrics.Count(RuleIds.STATE010, "fixed"));
        if (header.Contains("HttpOnly", StringComparison.Ordinal))
        {
            Assert.True(cookie.HttpOnly, "the other attributes are kept: " + cookie.Header);
        }
    }

    [Theory]
    [InlineData("remember=1; Max-Age=43200000; Expires=Fri, 01 Jan 2100 00:00:00 GMT", "Max-Age in the Set-Cookie header")]
    [InlineData("remember=1; Max-Age=abc; Expires=Fri, 01 Jan 2100 00:00:00 GMT", "Expires in the Set-Cookie header")]
    public async Task The_log_names_the_attribute_the_browser_reads_the_lifetime_from(string header, string reason)
    {
        await using var host = await GuardHost.StartAsync(Endpoints, Only010("Enforce"), https: true);
        var before = DateTimeOffset.UtcNow;

        var cookie = Assert.Single(SetCookies.Of(await host.GetAsync(Raw(header))));

        AssertRepaired(cookie, before);
        Assert.Equal(reason, Single010(host).Property("Reason"));
    }

    [Fact]
    public async Task Every_fix_on_one_typed_cookie_is_logged_once()
    {
        await using var host = await GuardHost.StartAsync(Endpoints, Only010("Enforce"), https: true);
        var before = DateTimeOffset.UtcNow;

        var cookie = Assert.Single(SetCookies.Of(await host.GetAsync("/host-everything-wrong")));

        AssertRepaired(cookie, before);
        var variants = host.Logs.Guard.Select(r => r.Message).ToArray();
        Assert.Equal(4, variants.Length);
        Assert.Equal(4, host.Metrics.Count(RuleIds.STATE010, "fixed"));
    }

    [Theory]
    [InlineData("/host-without-secure")]
    [InlineData("/host-with-domain")]
    [InlineData("/host-with-path")]
    [InlineData("/secure-without-secure")]
    [InlineData("/max-age-500-days")]
    [InlineData("/expires-500-days")]
    [InlineData("/raw?header=__Host-x%3D1%3B%20Domain%3Dlocalhost")]
    [InlineData("/raw?header=remember%3D1%3B%20Max-Age%3D43200000")]
    public async Task Report_logs_the_finding_and_leaves_the_header_as_the_app_wrote_it(string path)
    {
        await using var reference = await GuardHost.StartAsync(Endpoints, Only010("Off"), https: true);
        await using var host = await GuardHost.StartAsync(Endpoints, Only010("Report"), https: true);

        var written = Assert.Single(SetCookies.Of(await reference.GetAsync(path))).Header;
        var sent = Assert.Single(SetCookies.Of(await host.GetAsync(path))).Header;

        Assert.Equal(Normalized(written), Normalized(sent));
        Assert.NotEmpty(host.Logs.Guard);
        Assert.All(host.Logs.Guard, r => Assert.Equal("reported", r.Property("Action")));
        Assert.All(host.Logs.Guard, r => Assert.Equal(RuleIds.STATE010, r.EventId.Name));
        Assert.Equal(host.Logs.Guard.Count, host.Metrics.Count(RuleIds.STATE010, "reported"));
    }

    [Fact]
    public async Task Report_logs_a_rejected_cookie_as_a_warning_and_a_capped_lifetime_as_information()
    {
        await using var host = await GuardHost.StartAsync(Endpoints, Only010("Report"), https: true);

        await host.GetAsync("/host-without-secure");
        await host.GetAsync("/max-age-500-days");

        var records = host.Logs.Guard;
        Assert.Equal(2, records.Count);
        Assert.Equal(LogLevel.Warning, records[0].Level);
        Assert.Equal("__Host-", records[0].Property("Prefix"));
        Assert.Equal(LogLevel.Information, records[1].Level);
        Assert.Equal("500 days", records[1].Property("Lifetime"));
        Assert.Equal(StateGuardTelemetry.EventId(RuleIds.STATE010, GuardAction.Reported), records[0].EventId.Id);
    }

    [Theory]
    [InlineData("/host-without-secure")]
    [InlineData("/max-age-500-days")]
    [InlineData("/raw?header=__Secure-x%3D1")]
    public async Task Off_leaves_the_cookie_to_the_other_rules_and_logs_nothing_for_STATE010(string path)
    {
        var configuration = Only010("Off");
        configuration["StateGuard:Rules:STATE006:Mode"] = "Enforce";
        await using var host = await GuardHost.StartAsync(Endpoints, configuration, https: true);

        var cookie = Assert.Single(SetCookies.Of(await host.GetAsync(path)));

        Assert.Equal("lax", cookie.SameSite);
        Assert.False(cookie.Secure, cookie.Header);
        Assert.False(cookie.Attributes.TryGetValue("max-age", out var maxAge) && maxAge != "43200000", cookie.Header);
        Assert.All(host.Logs.Guard, r => Assert.Equal(RuleIds.STATE006, r.EventId.Name));
        Assert.Equal(0, host.Metrics.Count(RuleIds.STATE010, "fixed") + host.Metrics.Count(RuleIds.STATE010, "reported"));
    }

    [Theory]
    [InlineData("/host-clean")]
    [InlineData("/host-clean-with-lifetime")]
    [InlineData("/raw?header=__Host-x%3D1%3B%20Secure%3B%20Path%3D%2F%3B%20Max-Age%3D34560000")]
    [InlineData("/raw?header=__Secure-x%3D1%3B%20secure%3B%20Domain%3Dlocalhost%3B%20Path%3D%2Fapp")]
    [InlineData("/raw?header=__Hosted%3D1")]
    [InlineData("/raw?header=remember%3D1%3B%20Max-Age%3D3600%3B%20Expires%3DFri%2C%2001%20Jan%202100%2000%3A00%3A00%20GMT")]
    [InlineData("/raw?header=remember%3D1%3B%20Max-Age%3Dforever%3B%20Expires%3D1%2F1%2F2100")]
    public async Task A_prefixed_cookie_with_everything_right_and_a_lifetime_of_400_days_are_untouched(string path)
    {
        await using var reference = await GuardHost.StartAsync(Endpoints, Only010("Off"), https: true);
        await using var host = await GuardHost.StartAsync(Endpoints, Only010("Enforce"), https: true);

        var written = Assert.Single(SetCookies.Of(await reference.GetAsync(path))).Header;
        var sent = Assert.Single(SetCookies.Of(await host.GetAsync(path))).Header;

        Assert.Equal(written, sent);
        Assert.Empty(host.Logs.Guard);
        Assert.Empty(host.Metrics.Measurements);
    }

    [Fact]
    public async Task A_cookie_policy_that_makes_every_cookie_Secure_leaves_nothing_to_fix()
    {
        await using var host = await GuardHost.StartAsync(
            Endpoints,
            Only010("Enforce"),
            pipeline: app =>
            {
                app.UseStateGuard();
                app.UseCookiePolicy(new CookiePolicyOptions { Secure = CookieSecurePolicy.Always });
            },
            https: true);

        var cookie = Assert.Single(SetCookies.Of(await host.GetAsync("/secure-without-secure")));

        Assert.True(cookie.Secure, cookie.Header);
        Assert.Empty(host.Logs.Guard);
    }

    [Fact]
    public async Task With_STATE005_enforced_the_Secure_it_adds_is_the_one_the_prefix_needs_and_STATE010_logs_nothing_more()
    {
        var configuration = Only010("Enforce");
        configuration["StateGuard:Rules:STATE005:Mode"] = "Enforce";
        await using var host = await GuardHost.StartAsync(Endpoints, configuration, https: true);

        var typed = Assert.Single(SetCookies.Of(await host.GetAsync("/secure-without-secure")));
        var raw = Assert.Single(SetCookies.Of(await host.GetAsync(Raw("__Secure-y=1"))));

        Assert.Equal(1, typed.Header.Split(';').Count(p => p.Trim().Equals("secure", StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(1, raw.Header.Split(';').Count(p => p.Trim().Equals("secure", StringComparison.OrdinalIgnoreCase)));
        Assert.All(host.Logs.Guard, r => Assert.Equal(RuleIds.STATE005, r.EventId.Name));
        Assert.Equal(2, host.Logs.Guard.Count);
    }

    [Fact]
    public async Task Secure_is_added_to_a_prefixed_cookie_on_plain_HTTP_too_whatever_SecurePolicy_says()
    {
        var configuration = Only010("Enforce");
        configuration["StateGuard:SecurePolicy"] = "SameAsRequest";
        await using var host = await GuardHost.StartAsync(Endpoints, configuration);

        var typed = Assert.Single(SetCookies.Of(await host.GetAsync("/secure-without-secure")));
        var raw = Assert.Single(SetCookies.Of(await host.GetAsync(Raw("__Host-x=1; Path=/"))));

        Assert.True(typed.Secure && raw.Secure, typed.Header + " / " + raw.Header);
        Assert.Equal(2, host.Metrics.Count(RuleIds.STATE010, "fixed"));
    }

    [Fact]
    public async Task The_batch_overload_repairs_the_prefixed_cookie_of_the_batch_only()
    {
        await using var host = await GuardHost.StartAsync(Endpoints, Only010("Enforce"), https: true);

        var response = await host.GetAsync("/batch");

        Assert.True(SetCookies.Single(response, "__Host-a").Secure);
        Assert.False(SetCookies.Single(response, "b").Secure);
        Assert.Equal("__Host-a", Single010(host).Property("CookieName"));
    }

    [Fact]
    public async Task A_cookie_exempt_from_STATE010_is_left_alone()
    {
        var configuration = Only010("Enforce");
        configuration["StateGuard:Rules:STATE010:ExemptCookies:0"] = "__Host-x";
        await using var host = await GuardHost.StartAsync(Endpoints, configuration, https: true);

        var typed = Assert.Single(SetCookies.Of(await host.GetAsync("/host-without-secure")));
        var raw = Assert.Single(SetCookies.Of(await host.GetAsync(Raw("__Host-x=1; Path=/"))));

        Assert.False(typed.Secure || raw.Secure);
        Assert.Empty(host.Logs.Guard);
    }

    [Fact]
    public async Task A_delete_of_a_Host_cookie_gets_what_the_prefix_requires_without_a_log_line_and_no_lifetime_is_touched()
    {
        await using var host = await GuardHost.StartAsync(Endpoints, Only010("Enforce"), https: true);

        var typed = Assert.Single(SetCookies.Of(await host.GetAsync("/delete-host")));
        var raw = Assert.Single(SetCookies.Of(await host.GetAsync(Raw("__Secure-x=; Max-Age=0"))));
        var plain = Assert.Single(SetCookies.Of(await host.GetAsync(Raw("remember=; max-age=0"))));

        Assert.True(typed.IsDeletion && typed.Secure, typed.Header);
        Assert.Equal("/", typed.Attributes["path"]);
        Assert.False(typed.Attributes.ContainsKey("domain"), typed.Header);
        Assert.Equal("__Secure-x=; Max-Age=0; secure", raw.Header);
        Assert.Equal("remember=; max-age=0", plain.Header);
        Assert.Empty(host.Logs.Guard);
        Assert.Empty(host.Metrics.Measurements);
    }

    [Fact]
    public async Task A_prefixed_delete_is_repaired_by_STATE010_not_by_STATE005()
    {
        var configuration = Only010("Off");
        configuration["StateGuard:Rules:STATE005:Mode"] = "Enforce";
        await using var host = await GuardHost.StartAsync(Endpoints, configuration, https: true);

        var typed = Assert.Single(SetCookies.Of(await host.GetAsync("/delete-host")));
        var none = Assert.Single(SetCookies.Of(await host.GetAsync(Raw("embed=; Max-Age=0; SameSite=None"))));

        Assert.False(typed.Secure, typed.Header);
        Assert.True(none.Secure, none.Header);
    }

    [Theory]
    [InlineData("Enforce", "2592000", RuleIds.STATE009)]
    [InlineData("Off", "34560000", RuleIds.STATE010)]
    public async Task A_session_cookie_living_500_days_is_capped_once_by_STATE009_when_it_caps_lower(string state009, string maxAge, string rule)
    {
        var configuration = new Dictionary<string, string?> { ["StateGuard:Mode"] = "Enforce", ["StateGuard:Rules:STATE009:Mode"] = state009 };
        await using var host = await GuardHost.StartAsync(
            app => app.MapGet("/cart", (HttpContext c) =>
            {
                c.Session.SetString("cart", "apples");
                return "ok";
            }),
            configuration,
            services: b => b.Services.AddDistributedMemoryCache().AddSession(o =>
            {
                o.Cookie.Name = "shop-session";
                o.Cookie.MaxAge = TimeSpan.FromDays(500);
            }),
            pipeline: app =>
            {
                app.UseStateGuard();
                app.UseSession();
            },
            https: true);

        var cookie = SetCookies.Single(await host.GetAsync("/cart"), "shop-session");

        Assert.Equal(maxAge, cookie.Attributes["max-age"]);
        var lifetime = Assert.Single(host.Logs.Guard, r => r.EventId.Name is RuleIds.STATE009 or RuleIds.STATE010);
        Assert.Equal(rule, lifetime.EventId.Name);
        Assert.Equal("fixed", lifetime.Property("Action"));
    }

    /// <summary>What every repair leaves: a prefix with what it requires, a lifetime of at most 400 days from the request.</summary>
    private static void AssertRepaired(ReceivedCookie cookie, DateTimeOffset before)
    {
        if (cookie.Name.StartsWith("__Host-", StringComparison.OrdinalIgnoreCase))
        {
            Assert.True(cookie.Secure, cookie.Header);
            Assert.Equal("/", cookie.Attributes["path"]);
            Assert.False(cookie.Attributes.ContainsKey("domain"), cookie.Header);
            Assert.Equal(1, cookie.Header.Split(';').Count(p => p.Trim().StartsWith("path", StringComparison.OrdinalIgnoreCase)));
        }
        else if (cookie.Name.StartsWith("__Secure-", StringComparison.OrdinalIgnoreCase))
        {
            Assert.True(cookie.Secure, cookie.Header);
        }

        foreach (var part in cookie.Header.Split(';').Skip(1).Select(p => p.Trim()))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var (key, value) = equals < 0 ? (part, "") : (part[..equals], part[(equals + 1)..]);
            if (key.Equals("max-age", StringComparison.OrdinalIgnoreCase) && value.All(char.IsAsciiDigit))
            {
                // A Max-Age that is not digits is ignored by the browser (RFC 6265bis 5.6.2), and left as it is.
                Assert.True(long.Parse(value, System.Globalization.CultureInfo.InvariantCulture) <= (long)FourHundredDays.TotalSeconds, cookie.Header);
            }
            else if (key.Equals("expires", StringComparison.OrdinalIgnoreCase))
            {
                Assert.True(BrowserCookieStore.ParseCookieDate(value) <= DateTimeOffset.UtcNow + FourHundredDays, cookie.Header);
                Assert.True(BrowserCookieStore.ParseCookieDate(value) >= before.AddSeconds(-1) + FourHundredDays - TimeSpan.FromDays(1), cookie.Header);
            }
        }
    }

    /// <summary>The start of a variant's message, up to its first hole after the cookie name.</summary>
    private static string MessageStart(string variant, string name)
    {
        var format = RuleCatalog.BrowserRejectedCookie.Message(variant).Format;
        var cut = format.IndexOf("{1}", StringComparison.Ordinal);
        return (cut < 0 ? format : format[..cut]).Replace("{0}", "'" + name + "'", StringComparison.Ordinal);
    }

    /// <summary>A header with its Expires date removed: two hosts write "now plus 500 days" a moment apart.</summary>
    private static string Normalized(string header) =>
        string.Join(';', header.Split(';').Where(p => !p.Trim().StartsWith("expires", StringComparison.OrdinalIgnoreCase)));
}
