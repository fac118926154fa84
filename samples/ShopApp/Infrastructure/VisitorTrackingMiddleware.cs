namespace ShopApp.Infrastructure;

/// <summary>Gives every browser an anonymous visitor id for the "recently viewed" list.</summary>
public sealed class VisitorTrackingMiddleware(RequestDelegate next)
{
    public const string CookieName = "visitor_id";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Cookies.ContainsKey(CookieName))
        {
            // Expected: STATE004, STATE005, STATE006 - no options at all: a plain cookie is readable by script,
            // sent over plain HTTP, and has no SameSite policy.
            context.Response.Cookies.Append(CookieName, Guid.NewGuid().ToString("N"));
        }

        await next(context);
    }
}
