using System.Net;
using System.Text;
using ShopApp.Catalog;

namespace ShopApp.Infrastructure;

/// <summary>Two tiny server-rendered pages, so the sample runs without views or a front-end build.</summary>
public static class ShopPages
{
    public static IEndpointRouteBuilder MapShopPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpContext context, ProductCatalog catalog) =>
        {
            var name = context.Session.GetString(SessionKeys.DisplayName);
            var body = new StringBuilder();
            body.Append(name is null ? "<p><a href=\"/account/login\">Sign in</a></p>" : $"<p>Hello, {Encode(name)}.</p>");
            body.Append("<ul>");
            foreach (var product in catalog.All)
            {
                body.Append($"<li>{Encode(product.Name)} - {product.Price:0.00}</li>");
            }

            body.Append("</ul>");
            return Results.Content(Page("Shop", body.ToString()), "text/html");
        });

        return app;
    }

    public static string LoginPage(string? returnUrl, string? error, string? email) => Page("Sign in", $"""
        {(error is null ? "" : $"<p class=\"error\">{Encode(error)}</p>")}
        <form method="post" action="/account/login?returnUrl={Uri.EscapeDataString(returnUrl ?? "/")}">
          <label>E-mail <input name="Email" type="email" value="{Encode(email ?? "")}"></label>
          <label>Password <input name="Password" type="password"></label>
          <label><input name="RememberMe" type="checkbox" value="true"> Remember me</label>
          <button>Sign in</button>
        </form>
        """);

    private static string Page(string title, string body) =>
        $"<!doctype html><html><head><meta charset=\"utf-8\"><title>{Encode(title)}</title></head><body><h1>{Encode(title)}</h1>{body}</body></html>";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
