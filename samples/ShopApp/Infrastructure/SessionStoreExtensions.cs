namespace ShopApp.Infrastructure;

public static class SessionStoreExtensions
{
    /// <summary>
    /// The distributed cache behind the session: Redis when <c>Redis:Configuration</c> is set (for example
    /// <c>Redis__Configuration=localhost:6379</c>), otherwise the in-memory cache, which is enough for one instance.
    /// </summary>
    public static IServiceCollection AddShopSessionStore(this IServiceCollection services, IConfiguration configuration)
    {
        var redis = configuration["Redis:Configuration"];
        if (string.IsNullOrWhiteSpace(redis))
        {
            services.AddDistributedMemoryCache();
            return services;
        }

        services.AddStackExchangeRedisCache(options =>
        {
            options.Configuration = redis;
            options.InstanceName = configuration["Redis:InstanceName"] ?? "shop:";
        });
        return services;
    }
}
