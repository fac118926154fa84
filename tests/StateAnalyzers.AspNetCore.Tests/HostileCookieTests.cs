using StateAnalyzers.AspNetCore.Tests.Infrastructure;
using StateAnalyzers.Catalogue;

namespace StateAnalyzers.AspNetCore.Tests;

/// <summary>Nameless cookies are judged like any; logs say only what happened and cannot be forged through a cookie name.</summary>
public sealed class HostileCookieTests
{
    private static Dictionary<string, string?> Mode(string mode) => new() { ["StateGuard:Mode"] = mode };

    private static void Endpoints(WebApplication app)
    {
        app.MapGet("/raw", (HttpContext c, string header) =>
        {
            c.Response.Headers.Append("Set-Cookie", header);
            return "ok";
        });
        app.MapGet("/typed-nameless", (HttpContext c, string value) =>
        {
            c.Response.Cookies.Append("", value);
            return "ok";
        });
        app.MapGet("/late", async (HttpContext c) =>
        {
            await c.Response.WriteAsync("started");
            await c.Response.Body.FlushAsync();
            try
            {
                c.Response.Cookies.Append("late", "1");
            }
            catch (InvalidOperationException)
            {
                // the framework refuses a header once the response has started
            }
        });
    }

    private static string Raw(string header) => "/raw?header=" + Uri.EscapeDataString(header);

    public static TheoryData<string> Nameless_secrets() => new()
    {
        Raw("=" + Secrets.Jwt() + "; path=/; secure; httponly; samesite=lax"),
        Raw("sk_live_" + new string('a', 24) + "; path=/; secure; httponly; samesite=lax"),
        "/typed-nameless?value=" + Uri.EscapeDataString(Secrets.Jwt()),
    };

    [Theory]
    [MemberData(nameof(Nameless_secrets))]
    public async Task Enforce_drops_a_nameless_secret(string path)
    {
        await using var host = await GuardHost.StartAsync(Endpoints, Mode("Enforce"));

        var response = await host.GetAsync(path);

        Assert.Empty(SetCookies.Of(response));
        var record = Assert.Single(host.Logs.Guard);
        Assert.Equal("dropped", record.Property("Action"));
        Assert.Equal("(no name)", record.Property("CookieName"));
        Assert.Contains("Cookie '(no name)'", record.Message, StringComparison.Ordinal);
        Assert.Equal(1, host.Metrics.Count(RuleIds.STATE001, "dropped"));
    }

    [Theory]
    [MemberData(nameof(Nameless_secrets))]
    public async Task Report_reports_a_nameless_secret(string path)
    {
        await using var host = await GuardHost.StartAsync(Endpoints, Mode("Report"));

        var response = await host.GetAsync(path);

        Assert.Single(SetCookies.Of(response));
        Assert.Equal("reported", Assert.Single(host.Logs.Guard, r => r.EventId.Name == RuleIds.STATE001).Property("Action"));
    }

    [Fact]
    public async Task A_harmless_nameless_cookie_gets_its_attributes_like_any_cookie()
    {
        await using var host = await GuardHost.StartAsync(Endpoints, Mode("Enforce"));

        var cookie = Assert.Single(SetCookies.Of(await host.GetAsync(Raw("=compact"))));

        Assert.True(cookie.HttpOnly && cookie.Secure && cookie.SameSite == "lax", cookie.Header);
        Assert.Equal(3, host.Logs.Guard.Count);
        Assert.All(host.Logs.Guard, r => Assert.Equal("(no name)", r.Property("CookieName")));
    }

    [Fact]
    public async Task A_nameless_base64_header_is_not_logged_as_a_name()
    {
        var encoded = Secrets.Base64Url("sk_live_abcdefghijklmnopqrstuvwx") + "==";
        await using var host = await GuardHost.StartAsync(Endpoints, Mode("Enforce"));

        await host.GetAsync(Raw(encoded));

        Assert.NotEmpty(host.Logs.Guard);
        Assert.All(host.Logs.Guard, r =>
        {
            Assert.Equal("(no name)", r.Property("CookieName"));
            Assert.DoesNotContain(encoded.TrimEnd('='), r.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_base64_JSON_password_without_a_name_is_dropped_whole()
    {
        var encoded = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("{\"user\":\"ada\",\"pwd\":\"x1\"}"));
        Assert.EndsWith("=", encoded, StringComparison.Ordinal);
        await using var host = await GuardHost.StartAsync(Endpoints, Mode("Enforce"));

        var response = await host.GetAsync(Raw(encoded));

        Assert.Empty(SetCookies.Of(response));
        Assert.Contains("password field 'pwd'", Assert.Single(host.Logs.Guard).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("evil\r\nSTATE003 cleared: forged", "evil\\r\\nSTATE003 cleared: forged")]
    [InlineData("bell\u0007\u001b[31m", "bell\\u0007\\u001B[31m")]
    [InlineData("sep\u2028line", "sep\\u2028line")]
    public async Task Control_characters_in_a_cookie_name_are_escaped_before_they_reach_a_log(string name, string logged)
    {
        await using var host = await GuardHost.StartAsync(
            app => app.MapGet("/", (HttpContext c) =>
            {
                c.Response.Headers.Append("Set-Cookie", name + "=1");
                return "ok";
            }),
            Mode("Report"));

        try
        {
            await host.GetAsync("/");
        }
        catch (InvalidOperationException)
        {
            // the client may refuse the header; the log line was written on the server before
        }
        catch (HttpRequestException)
        {
        }

        Assert.Equal(3, host.Logs.Guard.Count);
        Assert.All(host.Logs.Guard, r =>
        {
            Assert.Equal(logged, r.Property("CookieName"));
            Assert.DoesNotContain('\n', r.Message);
            Assert.DoesNotContain('\r', r.Message);
            Assert.DoesNotContain('\u001b', r.Message);
            Assert.DoesNotContain('\u2028', r.Message);
        });
    }

    [Fact]
    public async Task A_cookie_the_framework_refuses_after_the_response_started_is_not_logged_as_fixed()
    {
        await using var host = await GuardHost.StartAsync(Endpoints, Mode("Enforce"));

        var response = await host.GetAsync("/late");

        Assert.Equal("started", await response.Content.ReadAsStringAsync());
        Assert.Empty(SetCookies.Of(response));
        Assert.Empty(host.Logs.Guard);
        Assert.Empty(host.Metrics.Measurements);
    }
}
