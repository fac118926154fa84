using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace StateAnalyzers.AspNetCore.Internal;

/// <summary>
/// Decorates the authentication service so that every sign-out clears the session (STATE003) and every sign-in renews it
/// (STATE008), whichever way the app signs in or out: <c>HttpContext.SignInAsync</c>/<c>SignOutAsync</c>,
/// <c>SignInManager</c>, a <c>SignInResult</c>/<c>SignOutResult</c> or <c>Results.SignIn</c>/<c>SignOut</c> all end here.
/// </summary>
internal sealed class StateGuardAuthenticationService : IAuthenticationService
{
    private readonly IAuthenticationService _inner;
    private readonly SessionSignOut _sessionSignOut;
    private readonly SessionRenewal _sessionRenewal;

    public StateGuardAuthenticationService(IAuthenticationService inner, SessionSignOut sessionSignOut, SessionRenewal sessionRenewal)
    {
        _inner = inner;
        _sessionSignOut = sessionSignOut;
        _sessionRenewal = sessionRenewal;
    }

    public IAuthenticationService Inner => _inner;

    public async Task<AuthenticateResult> AuthenticateAsync(HttpContext context, string? scheme)
    {
        // A sign-in inside an authentication (a cookie re-issued in OnValidatePrincipal) is not a login: see SessionRenewal.
        var outermost = SessionRenewal.BeginAuthentication(context);
        try
        {
            return await _inner.AuthenticateAsync(context, scheme).ConfigureAwait(false);
        }
        finally
        {
            if (outermost)
            {
                SessionRenewal.EndAuthentication(context);
            }
        }
    }

    public Task ChallengeAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) =>
        _inner.ChallengeAsync(context, scheme, properties);

    public Task ForbidAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) =>
        _inner.ForbidAsync(context, scheme, properties);

    public async Task SignInAsync(HttpContext context, string? scheme, ClaimsPrincipal principal, AuthenticationProperties? properties)
    {
        // Only a sign-in that succeeded renews the session (STATE008); AtSignInAsync never throws for a store failure.
        await _inner.SignInAsync(context, scheme, principal, properties).ConfigureAwait(false);
        await _sessionRenewal.AtSignInAsync(context, scheme).ConfigureAwait(false);
    }

    public async Task SignOutAsync(HttpContext context, string? scheme, AuthenticationProperties? properties)
    {
        // The session is cleared first, as the analyzer's fix does; ClearAsync never throws for a store failure.
        await _sessionSignOut.ClearAsync(context, scheme).ConfigureAwait(false);
        await _inner.SignOutAsync(context, scheme, properties).ConfigureAwait(false);
    }
}
