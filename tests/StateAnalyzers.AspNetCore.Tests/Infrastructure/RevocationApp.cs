using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using StackExchange.Redis;

namespace StateAnalyzers.AspNetCore.Tests.Infrastructure;

/// <summary>How the app under test talks to Redis and orders its middleware.</summary>
internal sealed record RevocationAppSetup(
    RedisServer Redis,
    string Instance,
    string StoreTimeout = "00:00:01",
    bool PreloadSession = false,
    bool AuthenticationBeforeSession = false,
    bool ClientDefaults = false);

/// <summary>
/// The shop of <see cref="ShopApp"/> on Redis, with what the revocation tests need: a slow cart write whose steps the
/// test controls, the sample's session preload, either middleware order, and a sign-out in OnValidatePrincipal (a
/// request with the <see cref="PasswordChangedHeader"/> is treated as coming from a user whose password changed).
/// </summary>
internal static class RevocationApp
{
    public const string PasswordChangedHeader = "X-Password-Changed";

    public static Task<GuardHost> StartAsync(RevocationAppSetup setup, RaceGates? gates = null) =>
        GuardHost.StartAsync(
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
                app.MapGet("/slow-add", async (HttpContext c, string item, string race, int delay) =>
                {
                    await c.Session.LoadAsync();
                    var cart = c.Session.GetString("cart");
                    var gate = gates!.Get(race);
                    gate.Loaded.TrySetResult();
                    await Task.WhenAll(Task.Delay(delay), gate.SignedOut.Task);
                    c.Session.SetString("cart", cart is null ? item : cart + "," + item);
                    return "added";
                });
            },
            new Dictionary<string, string?>
            {
                ["StateGuard:Mode"] = "Enforce",
                ["StateGuard:Session:StoreTimeout"] = setup.StoreTimeout,
            },
            services: b =>
            {
                b.Services.AddStackExchangeRedisCache(o =>
                {
                    o.InstanceName = setup.Instance;
                    if (setup.ClientDefaults)
                    {
                        o.Configuration = setup.Redis.Configuration; // the sample's way: the client's own timeouts (5 s)
                    }
                    else
                    {
                        o.ConfigurationOptions = new ConfigurationOptions
                        {
                            EndPoints = { { System.Net.IPAddress.Loopback, setup.Redis.Port } },
                            AbortOnConnectFail = false,
                            ConnectTimeout = 1000,
                            SyncTimeout = 1000,
                            AsyncTimeout = 1000,
                        };
                    }
                });
                ShopApp.Services(b);
                b.Services.Configure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, o =>
                    o.Events.OnValidatePrincipal = async context =>
                    {
                        if (context.HttpContext.Request.Headers.ContainsKey(PasswordChangedHeader))
                        {
                            context.RejectPrincipal();
                            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                        }
                    });
            },
            pipeline: app =>
            {
                app.UseStateGuard();
                if (setup.AuthenticationBeforeSession)
                {
                    app.UseAuthentication();
                    app.UseSession();
                }
                else
                {
                    app.UseSession();
                    app.UseAuthentication();
                }

                if (setup.PreloadSession)
                {
                    // As samples/ShopApp does: load the distributed session before the endpoints run.
                    app.Use(async (context, next) =>
                    {
                        await context.Session.LoadAsync(context.RequestAborted);
                        await next(context);
                    });
                }
            });
}

/// <summary>Lets a test hold a slow cart write after its load until the test's sign-out has completed.</summary>
internal sealed class RaceGates
{
    private readonly ConcurrentDictionary<string, Gate> _gates = new(StringComparer.Ordinal);

    public Gate Get(string race) => _gates.GetOrAdd(race, static _ => new Gate());

    internal sealed class Gate
    {
        public TaskCompletionSource Loaded { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource SignedOut { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
