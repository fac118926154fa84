using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ShopApp.Accounts;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
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
