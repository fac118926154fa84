using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ShopApp.Accounts;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // Clean: the mobile app's login starts a fresh session before signing in (STATE008), and its "remember me"
        // lasts two weeks, under the 30-day maximum (STATE009).
        app.MapPost("/api/account/login", async (HttpContext context, DemoUsers users, LoginForm form) =>
        {
            if (users.Find(form.Email, form.Password) is not { } user)
            {
                return Results.Unauthorized();
            }

            var identity = new ClaimsIdentity(
                [new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, user.DisplayName)],
                CookieAuthenticationDefaults.AuthenticationScheme);
            context.Session.Clear();
            await context.SignInAsync(
                CookieAuthenticationDefaults.AuthenticationScheme,
                new ClaimsPrincipal(identity),
                new AuthenticationProperties { IsPersistent = true, ExpiresUtc = DateTimeOffset.UtcNow.AddDays(14) });
            return Results.NoContent();
        });

        // Clean: the mobile app's logout destroys the session before signing out.
        app.MapPost("/api/account/logout", async (HttpContext context) =>
        {
            context.Session.Clear();
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.NoContent();
        }).RequireAuthorization();

        app.MapGet("/api/account/me", (HttpContext context) =>
            Results.Ok(new { name = context.User.Identity?.Name })).RequireAuthorization();

        return app;
    }
}
