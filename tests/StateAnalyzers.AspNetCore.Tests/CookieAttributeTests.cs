using StateAnalyzers.AspNetCore.Tests.Infrastructure;
using StateAnalyzers.Catalogue;

namespace StateAnalyzers.AspNetCore.Tests;

/// <summary>STATE004 (HttpOnly), STATE005 (Secure), STATE006 (SameSite) at run time, through both write paths.</summary>
public sealed class CookieAttributeTests
{
    private static readonly CookieOptions SharedOptions = new() { Path = "/" };

    private static Dictionary<string, string?> Mode(string mode) => new() { ["StateGuard:Mode"] = mode };

    private static void Endpoints(WebApplication app)
    {
        app.MapGet("/typed", (HttpContext c) =>
        {
            c.Response.Cookies.Append("prefs", "dark");
            return "ok";
        });
        app.MapGet("/typed-options", (HttpContext c) =>
        {
            c.Response.Cookies.Append("prefs", "dark", SharedOptions);
            return "ok";
        });
        app.MapGet("/raw", (HttpContext c) =>
        {
            c.Response.Headers.Append("Set-Cookie", "prefs=dark; path=/");
            return "ok";
        });
        app.MapGet("/raw-indexer", (HttpContext c) =>
        {
            c.Response.Headers["set-cookie"] = "prefs=dark";
            return "ok";
        });
        app.MapGet("/none-without-secure", (HttpContext c) =>
        {
            c.Response.Cookies.Append("embed", "1", new CookieOptions { SameSite = SameSiteMode.None, HttpOnly = true });
            return "ok";
        });
        app.MapGet("/raw-none-without-secure", (HttpContext c) =>
        {
            c.Response.Headers.Append("Set-Cookie", "embed=1; SameSite=None; HttpOnly");
            return "ok";
        });
        app.MapGet("/none-with-secure", (HttpContext c) =>
        {
            c.Response.Cookies.Append("embed", "1", new CookieOptions { SameSite = SameSiteMode.None, Secure = true, HttpOnly = true });
            return "ok";
        });
        app.MapGet("/locked-down", (HttpContext c) =>
        {
            c.Response.Cookies.Append("prefs", "dark", new CookieOptions { HttpOnly = true, Secure = true, SameSite = SameSiteMode.Strict });
            c.Response.Headers.Append("Set-Cookie", "other=1; HttpOnly; Secure; SameSite=Lax");
            return "ok";
        });
        app.MapGet("/xsrf", (HttpContext c) =>
        {
            c.Response.Cookies.Append("XSRF-TOKEN", "CfDJ8abc", new CookieOptions { HttpOnly = false });
            return "ok";
        });
        app.MapGet("/delete", (HttpContext c) =>
        {
            c.Response.Cookies.Delete("prefs");
            c.Response.Headers.Append("Set-Cookie", "old=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/");
            c.Response.Headers.Append("Set-Cookie", "older=gone; max-age=0");
            return "ok";
        });
        app.MapGet("/many", (HttpContext c) =>
        {
            c.Response.Cookies.Append("a", "1", new CookieOptions { HttpOnly = true, Secure = true, SameSite = SameSiteMode.Lax });
            c.Response.Headers.Append("Set-Cookie", "b=2");
            c.Response.Cookies.Append("c", "3", new CookieOptions { HttpOnly = true, Secure = true, SameSite = SameSiteMode.Lax });
            return "ok";
        });
    }

    [Theory]
    [InlineData("/typed")]
    [InlineData("/typed-options")]
    [InlineData("/raw")]
    [InlineData("/raw-indexer")]
    public async Task Enforce_adds_HttpOnly_Secure_and_SameSite_Lax_whatever_the_write_path(string path)
    {
        await using var host = await GuardHost.StartAsync(Endpoints, Mode("Enforce"));

        var cookie = SetCookies.Single(await host.GetAsync(path), "prefs");

        Assert.True(cookie.HttpOnly, cookie.Header);
        Assert.True(cookie.Secure, cookie.Header);
        Assert.Equal("lax", cookie.SameSite);
        Assert.Equal("dark", cookie.Value);
        foreach (var rule in new[] { RuleIds.STATE004, RuleIds.STATE005, RuleIds.STATE006 })
        {
            var record = Assert.Single(host.Logs.Guard, r => r.EventId.Name == rule);
            Assert.Equal("fixed", record.Property("Action"));
            Assert.Equal(1, host.Metrics.Count(rule, "fixed"));
        }
    }

    [Theory]
    [InlineData("/typed")]
    [InlineData("/typed-options")]
    [InlineData("/raw")]
    [InlineData("/raw-indexer")]
    public async Task Report_leaves_the_cookie_untouched_and_reports_each_missing_attribute(string path)
    {
        await using var host = await GuardHost.StartAsync(Endpoints, Mode("Report"));

        var cookie = SetCookies.Single(await host.GetAsync(path), "prefs");

        Assert.False(cookie.HttpOnly, cookie.Header);
        Assert.False(cookie.Secure, cookie.Header);
        Assert.Null(cookie.SameSite);
        foreach (var rule in new[] { RuleIds.STATE004, RuleIds.STATE005, RuleIds.STATE006 })
        {
            var record = Assert.Single(host.Logs.Guard, r => r.EventId.Name == rule);
            Assert.Equal("reported", record.Property("Action"));
            Assert.Equal(1, host.Metrics.Count(rule, "reported"));
        }

        Assert.DoesNotContain(host.Logs.Guard, r => (string?)r.Property("Action") == "fixed");
    }

    [Fact]
    public async Task A_shared_CookieOptions_instance_is_never_changed()
    {
        await using var host = await GuardHost.StartAsync(Endpoints, Mode("Enforce"));

        await host.GetAsync("/typed-options");

        Assert.False(SharedOptions.HttpOnly);
        Assert.False(SharedOptions.Secure);
        Assert.Equal(SameSiteMode.Unspecified, SharedOptions.SameSite);
    }

    [Theory]
    [InlineData("/none-without-secure")]
    [InlineData("/raw-none-without-secure")]
    public async Task SameSite_None_without_Secure_gets_Secure_with_the_catalogue_variant_message(string path)
    {
        await using var host = await GuardHost.StartAsync(Endpoints, Mode("Enforce"), options: o => o.SecurePolicy = StateGuardSecurePolicy.SameAsRequest);

        var cookie = SetCookies.Single(await host.GetAsync(path), "embed");

        Assert.True(cookie.Secure, cookie.Header);
        Assert.Equal("none", cookie.SameSite);
        var record = Assert.Single(host.Logs.Guard, r => r.EventId.Name == RuleIds.STATE005);
        var variant = RuleCatalog.Secure.Message(RuleCatalog.SameSiteNoneWithoutSecureVariant).Format;
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, variant, "'embed'", "").Split('(')[0], record.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Logs.Guard, r => r.EventId.Name == RuleIds.STATE006);
    }

    [Fact]
    public async Task An_explicit_SameSite_None_with_Secure_is_a_deliberate_choice()
    {
        await using var host = await GuardHost.StartAsync(Endpoints, Mode("Enforce"));

        var cookie = SetCookies.Single(await host.GetAsync("/none-with-secure"), "embed");

        Assert.Equal("none", cookie.SameSite);
        Assert.Empty(host.Logs.Guard);
    }

    [Fact]
    public async Task Locked_down_cookies_are_left_alone_and_nothing_is_logged()
    {
        await using var host = await GuardHost.StartAsync(Endpoints, Mode("Enforce"));

        var response = await host.GetAsync("/locked-down");

        Assert.Equal(
            new[] { "prefs=dark; path=/; secure; samesite=strict; httponly", "other=1; HttpOnly; Secure; SameSite=Lax" },
            SetCookies.Of(response).Select(c => c.Header));
        Assert.Empty(host.Logs.Guard);
        Assert.Empty(host.Metrics.Measurements);
    }

    [Fact]
    public async Task XSRF_TOKEN_is_exempt_from_HttpOnly_by_default_but_still_gets_Secure_and_SameSite()
    {
        await using var host = await GuardHost.StartAsync(Endpoints, Mode("Enforce"));

        var cookie = SetCookies.Single(await host.GetAsync("/xsrf"), "XSRF-TOKEN");

        Assert.False(cookie.HttpOnly);
        Assert.True(cookie.Secure);
        Assert.Equal("lax", cookie.SameSite);
        Assert.DoesNotContain(host.Logs.Guard, r => r.EventId.Name == RuleIds.STATE004);
    }

    [Fact]
    public async Task Exemptions_from_configuration_apply_to_one_rule_or_to_all()
    {
        var configuration = new Dictionary<string, string?>
        {
            ["StateGuard:Rules:STATE004:ExemptCookies:0"] = "prefs",
            ["StateGuard:ExemptCookies:0"] = "b",
        };
        await using var host = await GuardHost.StartAsync(Endpoints, configuration);

        var prefs = SetCookies.Single(await host.GetAsync("/raw"), "prefs");
        var b = SetCookies.Single(await host.GetAsync("/many"), "b");

        Assert.False(prefs.HttpOnly);
        Assert.True(prefs.Secure);
        Assert.Equal("b=2", b.Header);
    }

    [Fact]
    public async Task A_rule_switched_off_is_not_checked_and_a_rule_in_Report_is_only_reported()
    {
        var configuration = new Dictionary<string, string?>
        {
            ["StateGuard:Mode"] = "Enforce",
            ["StateGuard:Rules:STATE006:Mode"] = "Off",
            ["StateGuard:Rules:STATE005:Mode"] = "Report",
        };
        await using var host = await GuardHost.StartAsync(Endpoints, configuration);

        var cookie = SetCookies.Single(await host.GetAsync("/typed"), "prefs");

        Assert.True(cookie.HttpOnly);
        Assert.False(cookie.Secure);
        Assert.Null(cookie.SameSite);
        Assert.DoesNotContain(host.Logs.Guard, r => r.EventId.Name == RuleIds.STATE006);
        Assert.Equal("reported", Assert.Single(host.Logs.Guard, r => r.EventId.Name == RuleIds.STATE005).Property("Action"));
    }

    [Fact]
    public async Task SameAsRequest_adds_Secure_on_HTTPS_only_and_says_nothing_on_plain_HTTP()
    {
        void Options(StateGuardOptions o) => o.SecurePolicy = StateGuardSecurePolicy.SameAsRequest;
        await using var plain = await GuardHost.StartAsync(Endpoints, options: Options);
        await using var tls = await GuardHost.StartAsync(Endpoints, options: Options, https: true);

        var overHttp = SetCookies.Single(await plain.GetAsync("/raw"), "prefs");
        var overHttps = SetCookies.Single(await tls.GetAsync("/raw"), "prefs");

        Assert.False(overHttp.Secure);
        Assert.DoesNotContain(plain.Logs.Guard, r => r.EventId.Name == RuleIds.STATE005);
        Assert.True(overHttps.Secure);
    }

    [Fact]
    public async Task Cookie_deletes_are_never_findings()
    {
        await using var host = await GuardHost.StartAsync(Endpoints, Mode("Enforce"));

        var response = await host.GetAsync("/delete");

        Assert.Equal(3, SetCookies.Of(response).Count);
        Assert.Empty(host.Logs.Guard);
    }

    [Fact]
    public async Task Only_the_offending_header_is_rewritten_and_the_order_is_kept()
    {
        await using var host = await GuardHost.StartAsync(Endpoints, Mode("Enforce"));

        var cookies = SetCookies.Of(await host.GetAsync("/many"));

        Assert.Equal(new[] { "a", "b", "c" }, cookies.Select(c => c.Name));
        Assert.Equal("b=2; httponly; secure; samesite=lax", cookies[1].Header);
        Assert.All(cookies, c => Assert.True(c.HttpOnly && c.Secure && c.SameSite == "lax"));
    }

    [Fact]
    public async Task Mode_Off_turns_the_companion_off()
    {
        await using var host = await GuardHost.StartAsync(Endpoints, Mode("Off"));

        var cookie = SetCookies.Single(await host.GetAsync("/typed"), "prefs");

        Assert.Equal("prefs=dark; path=/", cookie.Header);
        Assert.Empty(host.Logs.Guard);
    }

    [Fact]
    public async Task Cookies_written_by_middleware_before_UseStateGuard_are_still_audited()
    {
        await using var host = await GuardHost.StartAsync(
            app => app.MapGet("/", () => "ok"),
            Mode("Enforce"),
            pipeline: app =>
            {
                app.Use((context, next) =>
                {
                    context.Response.Cookies.Append("early", "1");
                    return next(context);
                });
                app.UseStateGuard();
            });

        var cookie = SetCookies.Single(await host.GetAsync("/"), "early");

        Assert.True(cookie.HttpOnly && cookie.Secure && cookie.SameSite == "lax", cookie.Header);
    }
}
