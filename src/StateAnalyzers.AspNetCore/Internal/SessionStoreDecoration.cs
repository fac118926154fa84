using Microsoft.AspNetCore.Session;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace StateAnalyzers.AspNetCore.Internal;

/// <summary>
/// Registers the session store as a <see cref="GuardedSessionStore"/> around the app's own. When <c>AddSession</c> has
/// not run yet, the framework's store is registered inside the decorator; <c>AddSession</c> adds its store with TryAdd,
/// so it then keeps the decorator.
/// </summary>
internal static class SessionStoreDecoration
{
    public static void Apply(IServiceCollection services)
    {
        var index = -1;
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == typeof(ISessionStore) && !services[i].IsKeyedService)
            {
                index = i;
                break;
            }
        }

        var inner = index >= 0 ? services[index] : ServiceDescriptor.Transient<ISessionStore, DistributedSessionStore>();
        if (inner.ImplementationFactory?.Target is Decorator)
        {
            return;
        }

        var decorated = ServiceDescriptor.Describe(typeof(ISessionStore), new Decorator(inner).Create, inner.Lifetime);
        if (index >= 0)
        {
            services[index] = decorated;
        }
        else
        {
            services.Add(decorated);
        }
    }

    private sealed class Decorator
    {
        private readonly ServiceDescriptor _inner;

        public Decorator(ServiceDescriptor inner) => _inner = inner;

        public object Create(IServiceProvider provider)
        {
            var inner = _inner.ImplementationInstance
                        ?? _inner.ImplementationFactory?.Invoke(provider)
                        ?? ActivatorUtilities.CreateInstance(provider, _inner.ImplementationType!);
            return new GuardedSessionStore(
                (ISessionStore)inner,
                provider.GetRequiredService<SessionRevocations>(),
                provider.GetRequiredService<ILoggerFactory>());
        }
    }
}
