using System.Net;
using System.Text;
using StackExchange.Redis;
using StateAnalyzers.AspNetCore.Tests.Infrastructure;
using StateAnalyzers.Catalogue;

namespace StateAnalyzers.AspNetCore.Tests;

/// <summary>
/// Integration tests against a real Redis on loopback (AddStackExchangeRedisCache + AddSession), looking into Redis
/// itself to check what the session stored and what the sign-out removed.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class RedisSessionTests
{
    private readonly RedisFixture _redis;

    public RedisSessionTests(RedisFixture redis) => _redis = redis;

    private static async Task<GuardHost> StartAsync(RedisServer redis, string instance) =>
        await GuardHost.StartAsync(
            app =>
            {
                ShopApp.Endpoints(app);
                app.MapGet("/add", async (HttpContext c, string item) =>
                {
                    await c.Session.LoadAsync();
                    var cart = c.Session.GetString("cart");
                    c.Session.SetString("cart", cart is null ? item : cart + "," + item);
                    return "added";
                });
            },
            new Dictionary<string, string?> { ["StateGuard:Mode"] = "Enforce" },
            services: b =>
            {
                b.Services.AddStackExchangeRedisCache(o =>
                {
                    o.InstanceName = instance;
                    o.ConfigurationOptions = new ConfigurationOptions
                    {
                        EndPoints = { { IPAddress.Loopback, redis.Port } },
                        AbortOnConnectFail = false,
                        ConnectTimeout = 1000,
                        SyncTimeout = 1000,
                        AsyncTimeout = 1000,
                        BacklogPolicy = BacklogPolicy.FailFast,
                    };
                });
                ShopApp.Services(b);
            },
            pipeline: app => ShopApp.Pipeline(app));

    private static string NewInstance() => "stateguard-tests:" + Guid.NewGuid().ToString("N") + ":";

    [Fact]
    public async Task Session_data_is_stored_in_Redis_and_survives_requests()
    {
        var instance = NewInstance();
        await using var host = await StartAsync(_redis.Server, instance);
        var jar = new CookieJar();

        await host.GetAsync("/login?cart=book", jar);
        for (var i = 0; i < 5; i++)
        {
            await host.GetAsync($"/add?item=pen{i}", jar);
        }

        var cart = await (await host.GetAsync("/cart", jar)).Content.ReadAsStringAsync();
        Assert.Equal("book,pen0,pen1,pen2,pen3,pen4", cart);
        var key = Assert.Single(_redis.Server.Keys(instance));
        var data = (byte[]?)await _redis.Server.Database.HashGetAsync(key, "data");
        Assert.NotNull(data);
        Assert.Contains("book,pen0,pen1,pen2,pen3,pen4", Encoding.UTF8.GetString(data), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/logout")]
    [InlineData("/mvc/logout")]
    public async Task Sign_out_removes_the_session_from_Redis(string logout)
    {
        var instance = NewInstance();
        await using var host = await StartAsync(_redis.Server, instance);
        var jar = new CookieJar();
        await host.GetAsync("/login?cart=secret-cart", jar);
        Assert.Single(_redis.Server.Keys(instance));
        var replayed = new CookieJar();
        using (var snapshot = new HttpResponseMessage())
        {
            foreach (var (name, value) in jar.Cookies)
            {
                snapshot.Headers.TryAddWithoutValidation("Set-Cookie", name + "=" + value);
            }

            replayed.Take(snapshot);
        }

        var response = await host.GetAsync(logout, jar);

        Assert.True(response.IsSuccessStatusCode);
        Assert.Empty(_redis.Server.Records(instance));
        Assert.Single(_redis.Server.Markers(instance));
        Assert.Equal(ShopApp.EmptyCart, await (await host.GetAsync("/cart", replayed)).Content.ReadAsStringAsync());
        Assert.Equal(1, host.Metrics.Count(RuleIds.STATE003, "cleared"));
    }

    [Fact]
    public async Task Redis_stopped_mid_test_logs_the_error_with_the_rule_ID_and_the_sign_out_completes()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var host = await StartAsync(redis, NewInstance());
        var jar = new CookieJar();
        await host.GetAsync("/login", jar);
        Assert.Equal("3 books", await (await host.GetAsync("/cart", jar)).Content.ReadAsStringAsync());

        await redis.StopAsync();
        var response = await host.GetAsync("/logout", jar);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("signed out", await response.Content.ReadAsStringAsync());
        Assert.True(SetCookies.Single(response, ".AspNetCore.Cookies").IsDeletion);
        Assert.True(SetCookies.Single(response, ".AspNetCore.Session").IsDeletion);
        var failure = Assert.Single(host.Logs.Guard, r => r.EventId.Name == RuleIds.STATE003);
        Assert.Equal(LogLevel.Error, failure.Level);
        Assert.Equal(StateGuardTelemetry.EventId(RuleIds.STATE003, GuardAction.Failed), failure.EventId.Id);
        Assert.Equal("failed", failure.Property("Action"));
        Assert.NotNull(failure.Exception);
        Assert.Equal(1, host.Metrics.Count(RuleIds.STATE003, "failed"));
        Assert.DoesNotContain(host.Logs.Records, r => r.Message.Contains("unhandled exception", StringComparison.OrdinalIgnoreCase));
    }
}
