using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using StackExchange.Redis;

namespace StateAnalyzers.AspNetCore.Tests.Infrastructure;

/// <summary>How the renewal app is configured: its Redis, the keys kept at sign-in, renewal on or off, STATE008's mode.</summary>
internal sealed record RenewalAppSetup(
    RedisServer Redis,
    string Instance,
    string[]? Keep = null,
    bool RenewAtSignIn = true,
    string StoreTimeout = "00:00:01",
    string? Mode = null);

/// <summary>
/// An app on Redis whose endpoints read and write single session keys, sign in in several ways (writing to the session
/// after the sign-in, through HttpContext.Session and through a reference taken before it), renew at a role elevation, and
/// sign in before UseSession (<see cref="SingleSignOnPath"/>, as a remote authentication handler's callback does), and
/// hold a cart write between its load and its write until the test has signed in (<c>/slow-add</c>).
/// </summary>
internal static class RenewalApp
{
    public const string None = "(none)";
    public const string SingleSignOnPath = "/sso-callback";

    /// <summary>A request with this header has its authentication cookie re-issued in OnValidatePrincipal.</summary>
    public const string ReissueHeader = "X-Reissue";

    public static Task<GuardHost> StartAsync(RenewalAppSetup setup, RaceGates? gates = null)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["StateGuard:Mode"] = "Enforce",
            ["StateGuard:Session:StoreTimeout"] = setup.StoreTimeout,
            ["StateGuard:Session:RenewAtSignIn"] = setup.RenewAtSignIn ? "true" : "false",
        };
        if (setup.Mode is not null)
        {
            configuration["StateGuard:Rules:STATE008:Mode"] = setup.Mode;
        }

        var keep = setup.Keep ?? Array.Empty<string>();
        for (var i = 0; i < keep.Length; i++)
        {
            configuration["StateGuard:Session:KeepAtSignIn:" + i] = keep[i];
        }

        return GuardHost.StartAsync(
            app => Endpoints(app, gates),
            configuration,
            services: b =>
            {
                b.Services.AddStackExchangeRedisCache(o =>
                {
                    o.InstanceName = setup.Instance;
                    o.ConfigurationOptions = new ConfigurationOptions
                    {
                        EndPoints = { { System.Net.IPAddress.Loopback, setup.Redis.Port } },
                        AbortOnConnectFail = false,
                        ConnectTimeout = 1000,
                        SyncTimeout = 1000,
                        AsyncTimeout = 1000,
                    };
                });
                b.Services.AddSession();
                b.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
                    o.Events.OnValidatePrincipal = async context =>
                    {
                        if (context.HttpContext.Request.Headers.ContainsKey(ReissueHeader))
                        {
                            await context.HttpContext.SignInAsync(context.Principal!);
                        }
                    });
            },
            pipeline: app =>
            {
                app.UseStateGuard();

                // A sign-in before UseSession, as an external login's callback does inside UseAuthentication.
                app.Use(async (context, next) =>
                {
                    if (context.Request.Path == SingleSignOnPath)
                    {
                        await context.SignInAsync(Principal("sso"));
                    }

                    await next(context);
                });
                app.UseSession();
                app.UseAuthentication();
            });
    }

    public static ClaimsPrincipal Principal(string name) =>
        new(new ClaimsIdentity(new[] { new Claim(ClaimTypes.Name, name) }, CookieAuthenticationDefaults.AuthenticationScheme));

    private static void Endpoints(WebApplication app, RaceGates? gates)
    {
        app.MapGet("/slow-add", async (HttpContext c, string item, string race) =>
        {
            // Loads the session, lets the test sign in with the same cookie meanwhile, then writes.
            await c.Session.LoadAsync();
            var cart = c.Session.GetString("cart");
            var gate = gates!.Get(race);
            gate.Loaded.TrySetResult();
            await gate.SignedOut.Task;
            c.Session.SetString("cart", cart is null ? item : cart + "," + item);
            return "added";
        });
        app.MapGet("/set", async (HttpContext c, string key, string value) =>
        {
            await c.Session.LoadAsync();
            c.Session.SetString(key, value);
            return "set";
        });
        app.MapGet("/get", async (HttpContext c, string key) =>
        {
            await c.Session.LoadAsync();
            return c.Session.GetString(key) ?? None;
        });
        app.MapGet("/add", async (HttpContext c, string item) =>
        {
            await c.Session.LoadAsync();
            var cart = c.Session.GetString("cart");
            c.Session.SetString("cart", cart is null ? item : cart + "," + item);
            return "added";
        });
        app.MapGet("/keys", async (HttpContext c) =>
        {
            await c.Session.LoadAsync();
            return string.Join(",", c.Session.Keys.Order(StringComparer.Ordinal));
        });
        app.MapGet("/login", async (HttpContext c, string user, string? item) =>
        {
            // The reference taken before the sign-in sees the renewed session too.
            var before = c.Session;
            await c.SignInAsync(Principal(user));
            c.Session.SetString("profile", "account of " + user);
            if (item is not null)
            {
                var cart = before.GetString("cart");
                before.SetString("cart", cart is null ? item : cart + "," + item);
            }

            return "signed in";
        });
        app.MapGet(SingleSignOnPath, async (HttpContext c) =>
        {
            await c.Session.LoadAsync();
            c.Session.SetString("profile", "account of sso");
            return "signed in";
        });
        app.MapGet("/elevate", async (HttpContext c) =>
        {
            await c.RenewSessionAsync();
            c.Session.SetString("role", "admin");
            return "elevated";
        });
    }
}
