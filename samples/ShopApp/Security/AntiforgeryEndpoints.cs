using Microsoft.AspNetCore.Antiforgery;

namespace ShopApp.Security;

public static class AntiforgeryEndpoints
{
    public static IEndpointRouteBuilder MapAntiforgeryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/antiforgery/token", (IAntiforgery antiforgery, HttpContext context) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(context);

            // Clean: the SPA's double-submit cookie must be readable by script (XSRF-TOKEN is exempt from STATE004);
            // it is still Secure and SameSite=Strict.
            context.Response.Cookies.Append("XSRF-TOKEN", tokens.RequestToken ?? "", new CookieOptions
            {
                HttpOnly = false,
                Secure = true,
                SameSite = SameSiteMode.Strict,
            });
            return Results.NoContent();
        });

        return app;
    }
}
