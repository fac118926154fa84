using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using StateAnalyzers.AspNetCore.Tests.Infrastructure;
using StateAnalyzers.Catalogue;

namespace StateAnalyzers.AspNetCore.Tests;

/// <summary>STATE002 at run time: a cookie whose name and value exceed the limit is dropped (Enforce) or reported (Report).</summary>
public sealed class OversizedCookieTests
{
    private static readonly CookieOptions Strict = new() { HttpOnly = true, Secure = true, SameSite = SameSiteMode.Lax };

    private static void Endpoints(WebApplication app)
    {
        app.MapGet("/typed", (HttpContext c, int size) =>
        {
            c.Response.Cookies.Append("cart", new string('x', size - "cart".Length), Strict);
            return "ok";
        });
        app.MapGet("/raw", (HttpContext c, int size) =>
        {
            c.Response.Headers.Append("Set-Cookie", "cart=" + new string('x', size - "cart".Length) + "; secure; samesite=lax; httponly");
            return "ok";
        });
    }

    private static Dictionary<string, string?> Mode(string mode) => new() { ["StateGuard:Mode"] = mode };

    [Theory]
    [InlineData("typed")]
    [InlineData("raw")]
    public async Task Enforce_drops_a_cookie_over_the_limit(string route)
    {
        await using var host = await GuardHost.StartAsync(Endpoints, Mode("Enforce"));

        var response = await host.GetAsync($"/{route}?size={RuleCatalog.MaxCookieBytes + 1}");

        Assert.Empty(SetCookies.Of(response));
        var record = Assert.Single(host.Logs.Guard);
        Assert.Equal(RuleIds.STATE002, record.EventId.Name);
        Assert.Equal("dropped", record.Property("Action"));
        Assert.Equal(RuleCatalog.MaxCookieBytes, record.Property("Limit"));
        Assert.Equal(RuleCatalog.MaxCookieBytes + 1, record.Property("CookieLength"));
        Assert.Equal(1, host.Metrics.Count(RuleIds.STATE002, "dropped"));
    }

    [Theory]
    [InlineData("typed")]
    [InlineData("raw")]
    public async Task Report_keeps_a_cookie_over_the_limit_and_reports_it(string route)
    {
        await using var host = await GuardHost.StartAsync(Endpoints, Mode("Report"));

        var response = await host.GetAsync($"/{route}?size=5000");

        Assert.Equal(5000 - "cart".Length, SetCookies.Single(response, "cart").Value.Length);
        Assert.Equal("reported", Assert.Single(host.Logs.Guard).Property("Action"));
        Assert.Equal(1, host.Metrics.Count(RuleIds.STATE002, "reported"));
    }

    [Fact]
    public async Task A_cookie_exactly_at_the_limit_passes()
    {
        await using var host = await GuardHost.StartAsync(Endpoints, Mode("Enforce"));

        var response = await host.GetAsync($"/typed?size={RuleCatalog.MaxCookieBytes}");

        Assert.Single(SetCookies.Of(response));
        Assert.Empty(host.Logs.Guard);
    }

    [Fact]
    public async Task The_limit_comes_from_configuration()
    {
        await using var host = await GuardHost.StartAsync(Endpoints, new Dictionary<string, string?> { ["StateGuard:MaxCookieBytes"] = "1000" });

        Assert.Single(SetCookies.Of(await host.GetAsync("/typed?size=1000")));
        Assert.Empty(SetCookies.Of(await host.GetAsync("/typed?size=1001")));
        Assert.Equal(1000, Assert.Single(host.Logs.Guard).Property("Limit"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("AuthToken")]
    public async Task Chunked_authentication_cookies_pass_chunk_by_chunk_and_still_sign_the_user_in(string? cookieName)
    {
        var name = cookieName ?? ".AspNetCore.Cookies";
        await using var host = await GuardHost.StartAsync(
            app =>
            {
                app.MapGet("/login", async (HttpContext c) =>
                {
                    // A principal far larger than one cookie: the cookie manager splits the ticket into chunks.
                    var claims = Enumerable.Range(0, 120).Select(i => new Claim("group", $"group-{i:000}-{Guid.NewGuid():N}"));
                    var identity = new ClaimsIdentity(claims.Append(new Claim(ClaimTypes.Name, "ada")), CookieAuthenticationDefaults.AuthenticationScheme);
                    await c.SignInAsync(new ClaimsPrincipal(identity));
                    return "signed in";
                });
                app.MapGet("/me", (HttpContext c) => $"{c.User.Identity?.Name}:{c.User.FindAll("group").Count()}")
                    .RequireAuthorization();
            },
            Mode("Enforce"),
            services: b =>
            {
                // A custom name with a sensitive word part: the protected ticket is still not a finding, chunked or not.
                b.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
                    .AddCookie(o =>
                    {
                        if (cookieName is not null)
                        {
                            o.Cookie.Name = cookieName;
                        }
                    });
                b.Services.AddAuthorization();
            },
            pipeline: app =>
            {
                app.UseStateGuard();
                app.UseAuthentication();
                app.UseAuthorization();
            });
        var jar = new CookieJar();

        var login = await host.GetAsync("/login", jar);
        var me = await host.GetAsync("/me", jar);

        var cookies = SetCookies.Of(login);
        var chunks = cookies.Where(c => c.Name.StartsWith(name + "C", StringComparison.Ordinal)).ToArray();
        Assert.True(chunks.Length >= 2, $"expected a chunked cookie, got {string.Join(", ", cookies.Select(c => c.Name))}");
        Assert.Equal("chunks-" + chunks.Length, SetCookies.Single(login, name).Value);
        Assert.All(chunks, c => Assert.True(c.Name.Length + c.Value.Length <= RuleCatalog.MaxCookieBytes));
        Assert.All(cookies, c => Assert.True(c.HttpOnly && c.Secure && c.SameSite == "lax", c.Header[..Math.Min(60, c.Header.Length)]));
        Assert.DoesNotContain(host.Logs.Guard, r => r.EventId.Name is RuleIds.STATE002 or RuleIds.STATE001);
        Assert.Equal(System.Net.HttpStatusCode.OK, me.StatusCode);
        Assert.Equal("ada:120", await me.Content.ReadAsStringAsync());
    }
}
