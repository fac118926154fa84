namespace ShopApp.Catalog;

public sealed record Product(string Id, string Name, decimal Price);

public sealed class ProductCatalog
{
    private readonly Product[] _products =
    [
        new("mug-001", "Enamel camping mug", 12.50m),
        new("tee-014", "Organic cotton T-shirt", 24.00m),
        new("pen-203", "Fountain pen, fine nib", 38.90m),
        new("bag-077", "Waxed canvas tote", 54.00m),
    ];

    public IReadOnlyList<Product> All => _products;

    public Product? Find(string id) => Array.Find(_products, p => p.Id == id);
}

public static class CatalogEndpoints
{
    public static IEndpointRouteBuilder MapCatalogEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/products", (ProductCatalog catalog) => catalog.All);
        app.MapGet("/api/products/{id}", (string id, ProductCatalog catalog) =>
            catalog.Find(id) is { } product ? Results.Ok(product) : Results.NotFound());
        return app;
    }
}
