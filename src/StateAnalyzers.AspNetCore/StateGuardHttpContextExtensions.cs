using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using StateAnalyzers.AspNetCore.Internal;

namespace StateAnalyzers.AspNetCore;

/// <summary>What an app can ask of the runtime companion in a request.</summary>
public static class StateGuardHttpContextExtensions
{
    /// <summary>
    /// Gives the request's session a new id now (STATE008), as every sign-in does: call it at any other change of privilege
    /// (a role elevation, a step-up authentication). The session continues under a new key with only the keys of
    /// <c>StateGuard:Session:KeepAtSignIn</c>, the new session cookie is sent, and the old id is revoked and its record
    /// removed from the store. Writes after the call land in the new session. A store failure is logged as STATE008,
    /// never thrown. Call it before the response starts. The analyzers accept a call before a sign-in as clearing the session.
    /// </summary>
    /// <param name="context">The request.</param>
    /// <returns>A task that completes when the session has been renewed (or the failure logged).</returns>
    public static Task RenewSessionAsync(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var renewal = context.RequestServices.GetService<SessionRenewal>()
                      ?? throw new InvalidOperationException(
                          "StateGuard is not registered: call builder.Services.AddStateGuard() before HttpContext.RenewSessionAsync().");
        return renewal.RenewAsync(context, "HttpContext.RenewSessionAsync()");
    }
}
