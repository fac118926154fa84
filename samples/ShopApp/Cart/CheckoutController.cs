using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace ShopApp.Cart;

[Route("checkout")]
public sealed class CheckoutController(CartStore store) : Controller
{
    [HttpPost("review")]
    public IActionResult Review()
    {
        var cart = store.Load();

        // Expected: STATE011 - the whole cart carried to the next page in TempData. The default provider keeps TempData
        // in a cookie: once the cart grows it is split into chunk cookies, until requests exceed the server's header
        // limit (HTTP 431). The cart is in the session already; carry its id, or nothing.
        TempData["ReviewedCart"] = JsonSerializer.Serialize(cart);

        // Clean: a short status message of bounded parts is what the TempData cookie is for.
        TempData["StatusMessage"] = $"Your cart has {cart.Lines.Count} lines, {cart.Total:C} in total.";
        return Redirect("/checkout/confirm");
    }

    [HttpGet("confirm")]
    public IActionResult Confirm() => Content(TempData["StatusMessage"] as string ?? "Nothing to confirm.");
}
