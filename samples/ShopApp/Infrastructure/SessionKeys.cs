namespace ShopApp.Infrastructure;

public static class SessionKeys
{
    public const string Cart = "cart";
    public const string DisplayName = "display-name";
}
