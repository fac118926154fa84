using Microsoft.Net.Http.Headers;

namespace ShopApp.Promotions;

public static class PromotionEndpoints
{
    public static IEndpointRouteBuilder MapPromotionEndpoints(this IEndpointRouteBuilder app)
    {
        // A newsletter link (/promo/SPRING10) remembers the code for a week and lands on the home page.
        app.MapGet("/promo/{code}", (string code, HttpContext context) =>
        {
            // Expected: STATE004, STATE005, STATE006 - a hand-written Set-Cookie header: no HttpOnly, no Secure, no
            // SameSite, and no cookie policy ever rewrites a raw header.
            context.Response.Headers.Append(HeaderNames.SetCookie, $"promo_code={Uri.EscapeDataString(code)}; Path=/; Max-Age=604800");
            return Results.Redirect("/");
        });

        return app;
    }
}
