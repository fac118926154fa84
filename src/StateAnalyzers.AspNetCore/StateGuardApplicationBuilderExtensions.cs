using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StateAnalyzers.AspNetCore.Internal;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Adds the StateAnalyzers runtime companion to the request pipeline.</summary>
public static class StateGuardApplicationBuilderExtensions
{
    /// <summary>
    /// Guards every response: cookies appended through <c>Response.Cookies</c> get their missing attributes added (Enforce),
    /// and just before each response starts the final <c>Set-Cookie</c> headers are audited, however they were written.
    /// Call it early, before <c>UseSession</c>, <c>UseAuthentication</c> and anything else that writes cookies.
    /// </summary>
    /// <param name="app">The app's pipeline.</param>
    /// <returns>The same pipeline, for chaining.</returns>
    public static IApplicationBuilder UseStateGuard(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var runtime = app.ApplicationServices.GetService<StateGuardRuntime>()
                      ?? throw new InvalidOperationException(
                          "StateGuard is not registered: call builder.Services.AddStateGuard() before app.UseStateGuard().");
        WarnWhenSignOutIsNotGuarded(app.ApplicationServices, runtime);
        WarnWhenRulesAreSwitchedOffGlobally(app.ApplicationServices, runtime);
        return app.UseMiddleware<StateGuardMiddleware>(runtime);
    }

    /// <summary><c>Mode = Off</c> is the kill switch and wins; a rule set to Report or Enforce beside it is said at start-up.</summary>
    private static void WarnWhenRulesAreSwitchedOffGlobally(IServiceProvider services, StateGuardRuntime runtime)
    {
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<StateAnalyzers.AspNetCore.StateGuardOptions>>().Value;
        if (options.Mode != StateAnalyzers.AspNetCore.StateGuardMode.Off)
        {
            return;
        }

        foreach (var (id, rule) in options.Rules)
        {
            if (rule?.Mode is { } mode && mode != StateAnalyzers.AspNetCore.StateGuardMode.Off)
            {
                runtime.Events.Logger.LogWarning(
                    "StateGuard:Mode is Off, which turns every rule off, but StateGuard:Rules:{RuleId}:Mode is {RuleMode}; the rule " +
                    "is not checked. Set StateGuard:Mode to Report or Enforce (and the rules to leave alone to Off) to check it.",
                    id, mode);
            }
        }
    }

    private static void WarnWhenSignOutIsNotGuarded(IServiceProvider services, StateGuardRuntime runtime)
    {
        if (runtime.Settings.SessionAtSignOut == StateAnalyzers.AspNetCore.StateGuardMode.Off)
        {
            return;
        }

        using var scope = services.CreateScope();
        object? service;
        try
        {
            service = scope.ServiceProvider.GetService<IAuthenticationService>();
        }
        catch (InvalidOperationException)
        {
            return; // a replacement that cannot be built yet; the app reports that itself at its first sign-in
        }

        if (service is not StateGuardAuthenticationService)
        {
            runtime.Events.Logger.LogWarning(
                "IAuthenticationService was replaced after AddStateGuard(); sign-outs will not clear the session. " +
                "Call AddStateGuard() after the code that replaces it.");
        }
    }
}
