using System.Text.Json;
using ShopApp.Infrastructure;

namespace ShopApp.Cart;

/// <summary>The cart lives in the session, on the server: only the session id travels to the browser.</summary>
public sealed class CartStore(IHttpContextAccessor accessor)
{
    private ISession Session => accessor.HttpContext?.Session ?? throw new InvalidOperationException("No current request.");

    public ShoppingCart Load()
    {
        var json = Session.GetString(SessionKeys.Cart);
        return json is null ? new ShoppingCart() : JsonSerializer.Deserialize<ShoppingCart>(json) ?? new ShoppingCart();
    }

    // Clean: a serialized cart is fine in the session; it never reaches the browser.
    public void Save(ShoppingCart cart) => Session.SetString(SessionKeys.Cart, JsonSerializer.Serialize(cart));

    public void Clear() => Session.Remove(SessionKeys.Cart);
}
