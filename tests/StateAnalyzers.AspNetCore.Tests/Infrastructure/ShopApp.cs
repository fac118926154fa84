using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace StateAnalyzers.AspNetCore.Tests.Infrastructure;

/// <summary>A small app with login, a session cart and every way of signing out.</summary>
internal static class ShopApp
{
    public const string EmptyCart = "(empty)";

    public static void Services(WebApplicationBuilder builder, bool session = true)
    {
        if (session)
        {
            // TryAdd: a Redis cache registered first stays the session store.
            builder.Services.AddDistributedMemoryCache();
            builder.Services.AddSession();
        }

        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie()
            .AddCookie(IdentityConstants.ExternalScheme);
        builder.Services.AddControllers().AddApplicationPart(typeof(ShopApp).Assembly);
    }

    public static void Pipeline(WebApplication app, bool session = true)
    {
        app.UseStateGuard();
        if (session)
        {
            app.UseSession();
        }

        app.UseAuthentication();
    }

    public static void Endpoints(WebApplication app)
    {
        app.MapGet("/login", async (HttpContext c, string? cart) =>
        {
            var identity = new ClaimsIdentity(new[] { new Claim(ClaimTypes.Name, "ada") }, CookieAuthenticationDefaults.AuthenticationScheme);
            await c.SignInAsync(new ClaimsPrincipal(identity));
            if (c.Features.Get<Microsoft.AspNetCore.Http.Features.ISessionFeature>() is not null)
            {
                c.Session.SetString("cart", cart ?? "3 books");
            }

            return "signed in";
        });
        app.MapGet("/cart", async (HttpContext c) =>
        {
            await c.Session.LoadAsync();
            return c.Session.GetString("cart") ?? EmptyCart;
        });
        app.MapGet("/logout", async (HttpContext c) =>
        {
            await c.SignOutAsync();
            return "signed out";
        });
        app.MapGet("/logout-result", () => Results.SignOut(authenticationSchemes: new[] { CookieAuthenticationDefaults.AuthenticationScheme }));
        app.MapGet("/login-page", async (HttpContext c) =>
        {
            // What Identity's login page does first: leave any half-finished external login. Not a logout.
            await c.SignOutAsync(IdentityConstants.ExternalScheme);
            return "login page";
        });
        app.MapGet("/logout-then-message", async (HttpContext c) =>
        {
            await c.SignOutAsync();
            c.Session.SetString("flash", "You have been signed out");
            return "signed out";
        });
        app.MapControllers();
    }
}

/// <summary>An MVC controller that signs out by returning a <see cref="SignOutResult"/>.</summary>
[ApiController]
public sealed class AccountController : ControllerBase
{
    [HttpGet("/mvc/logout")]
    public IActionResult Logout() => SignOut(CookieAuthenticationDefaults.AuthenticationScheme);
}
