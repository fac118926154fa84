using ShopApp.Catalog;

namespace ShopApp.Cart;

public sealed record CartLine(string ProductId, string Name, int Quantity, decimal UnitPrice);

public sealed class ShoppingCart
{
    public List<CartLine> Lines { get; init; } = [];

    public decimal Total => Lines.Sum(l => l.Quantity * l.UnitPrice);

    public void Add(Product product, int quantity)
    {
        var index = Lines.FindIndex(l => l.ProductId == product.Id);
        if (index >= 0)
        {
            Lines[index] = Lines[index] with { Quantity = Lines[index].Quantity + quantity };
        }
        else
        {
            Lines.Add(new CartLine(product.Id, product.Name, quantity, product.Price));
        }
    }
}
