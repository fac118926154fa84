using StateAnalyzers.AspNetCore.Tests.Infrastructure;
using StateAnalyzers.Catalogue;

namespace StateAnalyzers.AspNetCore.Tests;

/// <summary>STATE003 at run time, on the in-memory distributed cache: every sign-out clears the session.</summary>
public sealed class SignOutSessionTests
{
    private static Task<GuardHost> StartAsync(string mode = "Enforce", bool session = true, IDictionary<string, string?>? more = null)
    {
        var configuration = new Dictionary<string, string?> { ["StateGuard:Mode"] = mode };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        return GuardHost.StartAsync(
            ShopApp.Endpoints,
            configuration,
            services: b => ShopApp.Services(b, session),
            pipeline: app => ShopApp.Pipeline(app, session));
    }

    [Theory]
    [InlineData("/logout", "Enforce")]
    [InlineData("/logout-result", "Enforce")]
    [InlineData("/mvc/logout", "Enforce")]
    [InlineData("/logout", "Report")]
    [InlineData("/mvc/logout", "Report")]
    public async Task Every_sign_out_clears_the_session_and_deletes_its_cookie(string logout, string mode)
    {
        await using var host = await StartAsync(mode);
        var jar = new CookieJar();
        await host.GetAsync("/login", jar);
        Assert.Equal("3 books", await (await host.GetAsync("/cart", jar)).Content.ReadAsStringAsync());
        var stolen = Copy(jar);

        var response = await host.GetAsync(logout, jar);

        Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
        Assert.True(SetCookies.Single(response, ".AspNetCore.Session").IsDeletion);
        Assert.False(jar.Cookies.ContainsKey(".AspNetCore.Session"));
        Assert.Equal(ShopApp.EmptyCart, await (await host.GetAsync("/cart", stolen)).Content.ReadAsStringAsync());
        var record = Assert.Single(host.Logs.Guard, r => r.EventId.Name == RuleIds.STATE003);
        Assert.Equal(StateGuardTelemetry.EventId(RuleIds.STATE003, GuardAction.Cleared), record.EventId.Id);
        Assert.Equal("cleared", record.Property("Action"));
        Assert.Contains("removed from the store", record.Message, StringComparison.Ordinal);
        Assert.Equal(1, host.Metrics.Count(RuleIds.STATE003, "cleared"));
    }

    [Fact]
    public async Task Every_sign_out_is_logged_even_within_the_log_repeat_interval()
    {
        await using var host = await StartAsync();
        for (var i = 0; i < 3; i++)
        {
            var jar = new CookieJar();
            await host.GetAsync("/login", jar);
            await host.GetAsync("/cart", jar);
            Assert.True((await host.GetAsync("/logout", jar)).IsSuccessStatusCode);
        }

        // STATE003 is an audit trail of logouts: one line per sign-out, never summed (the cookie rules are).
        Assert.Equal(3, host.Logs.Guard.Count(r => r.EventId.Name == RuleIds.STATE003));
        Assert.Equal(3, host.Metrics.Count(RuleIds.STATE003, "cleared"));
    }

    [Fact]
    public async Task Signing_out_of_the_external_scheme_is_not_a_logout_and_keeps_the_session()
    {
        await using var host = await StartAsync();
        var jar = new CookieJar();
        await host.GetAsync("/login", jar);

        await host.GetAsync("/login-page", jar);

        Assert.Equal("3 books", await (await host.GetAsync("/cart", jar)).Content.ReadAsStringAsync());
        Assert.DoesNotContain(host.Logs.Guard, r => r.EventId.Name == RuleIds.STATE003);
    }

    [Fact]
    public async Task STATE003_switched_off_leaves_the_session_alone()
    {
        await using var host = await StartAsync(more: new Dictionary<string, string?> { ["StateGuard:Rules:STATE003:Mode"] = "Off" });
        var jar = new CookieJar();
        await host.GetAsync("/login", jar);

        await host.GetAsync("/logout", jar);

        Assert.Equal("3 books", await (await host.GetAsync("/cart", jar)).Content.ReadAsStringAsync());
        Assert.DoesNotContain(host.Logs.Guard, r => r.EventId.Name == RuleIds.STATE003);
    }

    [Fact]
    public async Task Without_session_the_sign_out_works_and_nothing_is_logged()
    {
        await using var host = await StartAsync(session: false);
        var jar = new CookieJar();
        await host.GetAsync("/login", jar);

        var response = await host.GetAsync("/logout", jar);

        Assert.Equal("signed out", await response.Content.ReadAsStringAsync());
        Assert.True(SetCookies.Single(response, ".AspNetCore.Cookies").IsDeletion);
        Assert.DoesNotContain(host.Logs.Guard, r => r.EventId.Name == RuleIds.STATE003);
    }

    [Fact]
    public async Task Session_writes_after_the_sign_out_never_reach_the_store()
    {
        await using var host = await StartAsync();
        var jar = new CookieJar();
        await host.GetAsync("/login", jar);
        var stolen = Copy(jar);

        await host.GetAsync("/logout-then-message", jar);

        // The old cart is gone, and the message written after the sign-out did not bring the revoked id back.
        Assert.Equal(ShopApp.EmptyCart, await (await host.GetAsync("/cart", stolen)).Content.ReadAsStringAsync());
        var records = host.Logs.Records.Where(r => r.Level >= LogLevel.Error).ToArray();
        Assert.Empty(records);
    }

    private static CookieJar Copy(CookieJar jar)
    {
        var copy = new CookieJar();
        using var response = new HttpResponseMessage();
        foreach (var (name, value) in jar.Cookies)
        {
            response.Headers.TryAddWithoutValidation("Set-Cookie", name + "=" + value);
        }

        copy.Take(response);
        return copy;
    }
}
