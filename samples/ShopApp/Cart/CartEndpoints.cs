using System.Text.Json;
using ShopApp.Catalog;
using ShopApp.Infrastructure;

namespace ShopApp.Cart;

public sealed record AddToCartRequest(string ProductId, int Quantity);

public static class CartEndpoints
{
    public const string BackupCookie = "cart_backup";

    public static IEndpointRouteBuilder MapCartEndpoints(this IEndpointRouteBuilder app)
    {
        var cart = app.MapGroup("/api/cart");

        cart.MapGet("/", (CartStore store) => store.Load());

        cart.MapPost("/items", (AddToCartRequest request, CartStore store, ProductCatalog catalog, HttpResponse response) =>
        {
            if (catalog.Find(request.ProductId) is not { } product || request.Quantity < 1)
            {
                return Results.BadRequest();
            }

            var current = store.Load();
            current.Add(product, request.Quantity);
            store.Save(current);

            // Expected: STATE002 - a copy of the whole cart "so it survives the session": it grows with every line,
            // and browsers silently drop a cookie over 4 KB.
            response.Cookies.Append(BackupCookie, JsonSerializer.Serialize(current), CookieSettings.LockedDown());
            return Results.Ok(current);
        });

        cart.MapDelete("/", (CartStore store, HttpResponse response) =>
        {
            store.Clear();

            // Clean: deleting a cookie is never a finding.
            response.Cookies.Delete(BackupCookie);
            return Results.NoContent();
        });

        return app;
    }
}
