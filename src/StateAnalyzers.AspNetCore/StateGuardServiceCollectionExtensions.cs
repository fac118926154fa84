using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StateAnalyzers.AspNetCore;
using StateAnalyzers.AspNetCore.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the StateAnalyzers runtime companion.</summary>
public static class StateGuardServiceCollectionExtensions
{
    /// <summary>
    /// Adds the runtime companion: options bound from the <c>StateGuard</c> configuration section, then
    /// <paramref name="configure"/>, validated at start-up; the cookie audit used by <c>app.UseStateGuard()</c>; and the
    /// decorator of <see cref="IAuthenticationService"/> that clears the session at every sign-out (STATE003) and renews it
    /// at every sign-in (STATE008).
    /// Call it before or after <c>AddAuthentication</c>, <c>AddIdentity</c> and <c>AddSession</c>: the order does not matter.
    /// </summary>
    /// <param name="services">The app's services.</param>
    /// <param name="configure">Changes to the options, applied after the configuration section.</param>
    /// <returns>The same services, for chaining.</returns>
    public static IServiceCollection AddStateGuard(this IServiceCollection services, Action<StateGuardOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        if (!services.Any(d => d.ServiceType == typeof(StateGuardRuntime)))
        {
            services.AddOptions<StateGuardOptions>()
                .Configure<IServiceProvider>(static (options, provider) =>
                {
                    if (provider.GetService<IConfiguration>() is { } configuration)
                    {
                        StateGuardConfigurationBinder.Bind(configuration.GetSection(StateGuardOptions.SectionName), options);
                    }
                })
                .ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StateGuardOptions>, StateGuardOptionsValidator>());
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StateGuardOptions>, LifetimeOptionsValidator>());
            services.TryAddSingleton<StateGuardSettings>();
            services.TryAddSingleton(static provider => new StateGuardEvents(
                provider.GetRequiredService<ILoggerFactory>(),
                provider.GetService<IMeterFactory>(),
                provider.GetRequiredService<StateGuardSettings>().MaxCookieBytes));
            services.TryAddSingleton(static provider => new StateGuardRuntime(
                provider.GetRequiredService<StateGuardSettings>(),
                provider.GetRequiredService<StateGuardEvents>(),
                provider.GetService<TimeProvider>(),
                new SecretValues(() => provider.GetService<Microsoft.AspNetCore.DataProtection.KeyManagement.Internal.IKeyRingProvider>()),
                new AuthAndSessionCookies(provider)));
            services.TryAddSingleton<SessionSignOut>();
            services.TryAddSingleton<SessionRenewal>();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StateGuardOptions>, SessionOptionsValidator>());
            services.TryAddSingleton<SessionRevocations>();
        }

        if (configure is not null)
        {
            services.Configure(configure);
        }

        DecorateAuthenticationService(services);
        SessionStoreDecoration.Apply(services);
        return services;
    }

    private static void DecorateAuthenticationService(IServiceCollection services)
    {
        // The core authentication services are registered with TryAdd, so a later AddAuthentication() keeps the decorator.
        services.AddAuthenticationCore();
        var index = -1;
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == typeof(IAuthenticationService) && !services[i].IsKeyedService)
            {
                index = i;
                break;
            }
        }

        var inner = services[index];
        if (inner.ImplementationFactory?.Target is Decorator)
        {
            return;
        }

        services[index] = ServiceDescriptor.Describe(typeof(IAuthenticationService), new Decorator(inner).Create, inner.Lifetime);
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
            return new StateGuardAuthenticationService((IAuthenticationService)inner, provider.GetRequiredService<SessionSignOut>(),
                provider.GetRequiredService<SessionRenewal>());
        }
    }
}
