using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace StateAnalyzers.AspNetCore.Internal;

/// <summary>
/// Decorates the authentication service so that every sign-out clears the session (STATE003), whichever way the app
/// signs out: <c>HttpContext.SignOutAsync</c>, <c>SignInManager.SignOutAsync</c>, a <c>SignOutResult</c> or
/// <c>Results.SignOut</c> all end here.
/// </summary>
internal sealed class StateGuardAuthenticationService : IAuthenticationService
{
    private readonly IAuthenticationService _inner;
    private readonly SessionSignOut _sessionSignOut;

    public StateGuardAuthenticationService(IAuthenticationService inner, SessionSignOut sessionSignOut)
    {
        _inner = inner;
        _sessionSignOut = sessionSignOut;
    }

    public IAuthenticationService Inner => _inner;

    public Task<AuthenticateResult> AuthenticateAsync(HttpContext context, string? scheme) => _inner.AuthenticateAsync(context, scheme);

    public Task ChallengeAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) =>
        _inner.ChallengeAsync(context, scheme, properties);

    public Task ForbidAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) =>
        _inner.ForbidAsync(context, scheme, properties);

    public Task SignInAsync(HttpContext context, string? scheme, ClaimsPrincipal principal, AuthenticationProperties? properties) =>
        _inner.SignInAsync(context, scheme, principal, properties);

    public async Task SignOutAsync(HttpContext context, string? scheme, AuthenticationProperties? properties)
    {
        // The session is cleared first, as the analyzer's fix does; ClearAsync never throws for a store failure.
        await _sessionSignOut.ClearAsync(context, scheme).ConfigureAwait(false);
        await _inner.SignOutAsync(context, scheme, properties).ConfigureAwait(false);
    }
}
