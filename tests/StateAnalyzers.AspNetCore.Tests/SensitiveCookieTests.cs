using Microsoft.AspNetCore.DataProtection;
using StateAnalyzers.AspNetCore.Tests.Infrastructure;
using StateAnalyzers.Catalogue;

namespace StateAnalyzers.AspNetCore.Tests;

/// <summary>STATE001 at run time: secrets by structure or by name are dropped (Enforce) or reported (Report).</summary>
public sealed class SensitiveCookieTests
{
    private static void Endpoints(WebApplication app)
    {
        app.MapGet("/typed/{name}", (HttpContext c, string name, string value) =>
        {
            c.Response.Cookies.Append(name, value, new CookieOptions { HttpOnly = true, Secure = true, SameSite = SameSiteMode.Lax });
            c.Response.Cookies.Append("ui", "compact", new CookieOptions { HttpOnly = true, Secure = true, SameSite = SameSiteMode.Lax });
            return "ok";
        });
        app.MapGet("/raw/{name}", (HttpContext c, string name, string value) =>
        {
            c.Response.Headers.Append("Set-Cookie", name + "=" + value + "; path=/; secure; samesite=lax; httponly");
            return "ok";
        });
        app.MapGet("/protected/{name}", (HttpContext c, string name, [Microsoft.AspNetCore.Mvc.FromServices] IDataProtectionProvider provider) =>
        {
            var protectedValue = provider.CreateProtector("tests").Protect("user-42-access");
            c.Response.Cookies.Append(name, protectedValue, new CookieOptions { HttpOnly = true, Secure = true, SameSite = SameSiteMode.Lax });
            return protectedValue;
        });
    }

    private static Dictionary<string, string?> Mode(string mode) => new() { ["StateGuard:Mode"] = mode };

    private static string Path(string route, string name, string value) => $"/{route}/{Uri.EscapeDataString(name)}?value={Uri.EscapeDataString(value)}";

    public static TheoryData<string, string, string> Secrets_by_structure_or_name() => new()
    {
        { "session_data", Secrets.Jwt(), "JSON Web Token" },
        { "data", Secrets.Jwt("RS256"), "JSON Web Token" },
        { "gh", Secrets.GitHubToken(), "GitHub" },
        { "aws", Secrets.AwsAccessKeyId(), "AWS access key id" },
        { "AuthToken", "opaque-0001", "'token'" },
        { "api_key", "12345", "'api key'" },
        { "UserEmail", "ada@example.org", "'email'" },
        { "card-number", "4111", "'card number'" },
        { "auth", "Bearer " + Secrets.Jwt(), "bearer token" },
        { "pw", "hunter2", "'pw'" },
        { "login.pass", "hunter2", "'pass'" },
        { "pay", "4111 1111 1111 1111", "payment card number" },
        { "pay", "378282246310005", "payment card number" },
        { "contact", "ada@example.org", "e-mail address" },
        { "contact", "ada%40example.org", "e-mail address" },
        { "profile", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("{\"user\":\"ada\",\"password\":\"x1\"}")), "password field 'password'" },
        { "profile", Secrets.Base64Url("{ \"name\": \"ada\", \"pw\": \"x1\" }"), "password field 'pw'" },
        { "XSRF-TOKEN", Secrets.Jwt(), "JSON Web Token" },
        { "__RequestVerificationToken", Secrets.Jwt(), "JSON Web Token" },
        { ".AspNetCore.Password", "x1", "'password'" },
        { "data", Secrets.FakeProtected(Secrets.Jwt()), "poses as Data Protection output but is not: the value is a JSON Web Token" },
    };

    [Theory]
    [MemberData(nameof(Secrets_by_structure_or_name))]
    public async Task Enforce_drops_a_secret_written_through_Response_Cookies(string name, string value, string reason)
    {
        await using var host = await GuardHost.StartAsync(Endpoints, Mode("Enforce"));

        var response = await host.GetAsync(Path("typed", name, value));

        Assert.DoesNotContain(SetCookies.Of(response), c => c.Name == name);
        Assert.Single(SetCookies.Of(response), c => c.Name == "ui");
        var record = Assert.Single(host.Logs.Guard, r => r.EventId.Name == RuleIds.STATE001);
        Assert.Equal("dropped", record.Property("Action"));
        Assert.Equal(LogLevel.Warning, record.Level);
        Assert.Contains(reason, record.Message, StringComparison.Ordinal);
        Assert.Equal(1, host.Metrics.Count(RuleIds.STATE001, "dropped"));
    }

    [Theory]
    [MemberData(nameof(Secrets_by_structure_or_name))]
    public async Task Enforce_drops_a_secret_written_as_a_raw_header(string name, string value, string reason)
    {
        await using var host = await GuardHost.StartAsync(Endpoints, Mode("Enforce"));

        var response = await host.GetAsync(Path("raw", name, value));

        Assert.Empty(SetCookies.Of(response));
        Assert.Contains(reason, Assert.Single(host.Logs.Guard).Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Secrets_by_structure_or_name))]
    public async Task Report_keeps_the_secret_cookie_and_reports_it(string name, string value, string reason)
    {
        await using var host = await GuardHost.StartAsync(Endpoints, Mode("Report"));

        var response = await host.GetAsync(Path("typed", name, value));

        Assert.Single(SetCookies.Of(response), c => c.Name == name);
        var record = Assert.Single(host.Logs.Guard);
        Assert.Equal("reported", record.Property("Action"));
        Assert.Contains(reason, record.Message, StringComparison.Ordinal);
        Assert.Equal(1, host.Metrics.Count(RuleIds.STATE001, "reported"));
    }

    [Theory]
    [InlineData("tokenizer", "on")]
    [InlineData("secretariat", "open")]
    [InlineData("theme", "dark")]
    [InlineData("cart", "3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    [InlineData("XSRF-TOKEN", "abc")]
    [InlineData("__RequestVerificationToken", "abc")]
    [InlineData("csrf_token", "abc")]
    [InlineData(".AspNetCore.Token", "abc")]
    [InlineData("lang", "sk-SK")]
    [InlineData("note", "eyJ.not.a.jwt")]
    [InlineData("note", "ghp_short")]
    [InlineData("visited", "1733580000000")]
    [InlineData("order", "4111111111111112")]
    [InlineData("pass_through", "0")]
    [InlineData("bypass", "on")]
    [InlineData("compass", "north")]
    [InlineData("handle", "@ada")]
    [InlineData("at", "a@b")]
    [InlineData("auth", "Bearer")]
    [InlineData("state", "eyJwYWdlIjoyfQ")]
    [InlineData(".AspNetCore.Culture", "c=en-US|uic=en-US")]
    public async Task Harmless_cookies_pass(string name, string value)
    {
        await using var host = await GuardHost.StartAsync(Endpoints, Mode("Enforce"));

        var response = await host.GetAsync(Path("typed", name, value));

        Assert.Single(SetCookies.Of(response), c => c.Name == name);
        Assert.Empty(host.Logs.Guard);
    }

    [Fact]
    public async Task A_value_protected_with_Data_Protection_is_never_flagged_whatever_its_name()
    {
        await using var host = await GuardHost.StartAsync(Endpoints, Mode("Enforce"), services: b => b.Services.AddDataProtection());

        var response = await host.GetAsync("/protected/AccessToken");
        var protectedValue = await response.Content.ReadAsStringAsync();

        Assert.StartsWith("CfDJ8", protectedValue, StringComparison.Ordinal);
        Assert.Equal(Uri.EscapeDataString(protectedValue), SetCookies.Single(response, "AccessToken").Value);
        Assert.Empty(host.Logs.Guard);
    }

    [Fact]
    public async Task A_value_posing_as_Data_Protection_output_is_judged_like_any()
    {
        await using var host = await GuardHost.StartAsync(Endpoints, Mode("Enforce"), services: b => b.Services.AddDataProtection());
        var random = new byte[64];
        new Random(7).NextBytes(random);
        var fake = Secrets.FakeProtected(random);

        var response = await host.GetAsync(Path("typed", "AccessToken", fake));

        Assert.DoesNotContain(SetCookies.Of(response), c => c.Name == "AccessToken");
        Assert.Contains("'token'", Assert.Single(host.Logs.Guard).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chunked_series_whose_later_chunk_holds_a_token_is_dropped_whole()
    {
        var jwt = Secrets.Jwt();
        var half = jwt.Length / 2;
        await using var host = await GuardHost.StartAsync(
            app => app.MapGet("/", (HttpContext c) =>
            {
                foreach (var header in new[] { "state=chunks-2", "stateC1=" + jwt[..half], "stateC2=" + jwt[half..], "ui=compact" })
                {
                    c.Response.Headers.Append("Set-Cookie", header + "; path=/; secure; samesite=lax; httponly");
                }

                return "ok";
            }),
            Mode("Enforce"));

        var response = await host.GetAsync("/");

        Assert.Equal(new[] { "ui" }, SetCookies.Of(response).Select(c => c.Name));
        Assert.Equal(3, host.Metrics.Count(RuleIds.STATE001, "dropped"));
        Assert.All(host.Logs.Guard, r => Assert.Contains("JSON Web Token", r.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_password_never_belongs_on_the_client_even_protected()
    {
        await using var host = await GuardHost.StartAsync(Endpoints, Mode("Enforce"), services: b => b.Services.AddDataProtection());

        var response = await host.GetAsync("/protected/UserPassword");

        Assert.Empty(SetCookies.Of(response));
        Assert.Contains("'password'", Assert.Single(host.Logs.Guard).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Additional_names_and_prefixes_come_from_configuration_and_allowed_names_are_exempt()
    {
        var configuration = new Dictionary<string, string?>
        {
            ["StateGuard:AdditionalSensitiveNames:0"] = "license key",
            ["StateGuard:AdditionalSecretPrefixes:0"] = "acme_live_",
            ["StateGuard:Rules:STATE001:ExemptCookies:0"] = "DeviceToken",
        };
        await using var host = await GuardHost.StartAsync(Endpoints, configuration);

        var byName = await host.GetAsync(Path("typed", "LicenseKey", "1"));
        var byPrefix = await host.GetAsync(Path("typed", "data", "acme_live_0123456789"));
        var allowed = await host.GetAsync(Path("typed", "DeviceToken", "1"));

        Assert.DoesNotContain(SetCookies.Of(byName), c => c.Name == "LicenseKey");
        Assert.DoesNotContain(SetCookies.Of(byPrefix), c => c.Name == "data");
        Assert.Single(SetCookies.Of(allowed), c => c.Name == "DeviceToken");
        Assert.Equal(2, host.Metrics.Count(RuleIds.STATE001, "dropped"));
    }

    [Fact]
    public async Task A_chunked_cookie_is_judged_as_one_and_dropped_as_one()
    {
        await using var host = await GuardHost.StartAsync(
            app => app.MapGet("/", (HttpContext c) =>
            {
                foreach (var header in new[] { "ApiToken=chunks-2", "ApiTokenC1=plain-part-one", "ApiTokenC2=plain-part-two", "ui=compact" })
                {
                    c.Response.Headers.Append("Set-Cookie", header + "; path=/; secure; samesite=lax; httponly");
                }

                return "ok";
            }),
            Mode("Enforce"));

        var response = await host.GetAsync("/");

        Assert.Equal(new[] { "ui" }, SetCookies.Of(response).Select(c => c.Name));
        Assert.Equal(3, host.Metrics.Count(RuleIds.STATE001, "dropped"));
    }

    [Fact]
    public async Task Logs_carry_the_name_and_length_but_never_the_value()
    {
        var jwt = Secrets.Jwt();
        await using var host = await GuardHost.StartAsync(Endpoints, Mode("Enforce"));

        await host.GetAsync(Path("typed", "session_data", jwt));

        var record = Assert.Single(host.Logs.Guard);
        Assert.Equal("session_data", record.Property("CookieName"));
        Assert.Equal("session_data".Length + jwt.Length, record.Property("CookieLength"));
        Assert.DoesNotContain(jwt.Split('.')[0], record.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(record.Properties, p => p.Value is string s && s.Contains(jwt.Split('.')[1], StringComparison.Ordinal));
    }
}
