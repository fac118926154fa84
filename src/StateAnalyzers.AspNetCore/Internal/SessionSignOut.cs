using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace StateAnalyzers.AspNetCore.Internal;

/// <summary>
/// STATE003 at run time: at a sign-out, clear the session, revoke its id in the store (so no request, even one already
/// running, writes it back, and a replayed session cookie gets an empty session), remove its record, and delete its
/// cookie. A sign-out that runs before <c>UseSession</c> (in <c>OnValidatePrincipal</c>, say) revokes the id read from
/// the session cookie. Store failures are logged, never thrown, and bounded by the store timeout: the sign-out always
/// completes, and the revocation is retried in the background.
/// </summary>
internal sealed class SessionSignOut
{
    private static readonly object Handled = new();

    private readonly StateGuardRuntime _runtime;
    private readonly SessionRevocations _revocations;

    public SessionSignOut(StateGuardRuntime runtime, SessionRevocations revocations)
    {
        _runtime = runtime;
        _revocations = revocations;
    }

    public async Task ClearAsync(HttpContext context, string? scheme)
    {
        if (_runtime.Settings.SessionAtSignOut == StateGuardMode.Off ||
            (scheme is not null && _runtime.Settings.SignOutSchemesKeepingSession.Contains(scheme)) ||
            context.Items.ContainsKey(Handled))
        {
            return; // not a logout, or already cleared by an earlier sign-out of the same request
        }

        var sessionOptions = context.RequestServices.GetService<IOptions<SessionOptions>>()?.Value;
        var cookieName = sessionOptions?.Cookie.Name;
        var session = context.Features.Get<ISessionFeature>()?.Session;
        var keyBeforeSession = session is null && _revocations.Cache is not null ? SessionCookieKey.Read(context, cookieName) : null;
        if (session is null && keyBeforeSession is null)
        {
            return; // no session in this request
        }

        context.Items[Handled] = Handled;
        var signOut = "Sign-out of scheme '" + (scheme ?? "(default)") + "'";
        var outcome = new StringBuilder();
        Exception? failure = null;
        try
        {
            if (session is GuardedSession guarded)
            {
                var result = await guarded.SignOutAsync(signOut, context.RequestAborted).ConfigureAwait(false);
                failure = result.Failure;
                outcome.Append(result.Revoked
                    ? "cleared the session; its id is revoked and its record removed from the store"
                    : failure is null
                        ? "cleared the session (a custom session store: its record expires on its own)"
                        : FailureOutcome("cleared the session for this request"));
            }
            else if (session is not null)
            {
                await session.LoadAsync(context.RequestAborted).ConfigureAwait(false);
                session.Clear();
                outcome.Append("cleared the session");
            }
            else
            {
                // Before UseSession: the session middleware will load this id later in the request, and find it revoked.
                failure = await _revocations.RevokeNowOrLaterAsync(keyBeforeSession!, _revocations.StoreTimeout, signOut)
                    .ConfigureAwait(false);
                outcome.Append(failure is null
                    ? "the sign-out ran before UseSession; the session id from its cookie is revoked and its record removed from the store"
                    : FailureOutcome("the sign-out ran before UseSession"));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            failure = ex;
            outcome.Append("could not clear the session, the session store failed; the sign-out went on");
        }

        if (cookieName is not null && sessionOptions is not null && context.Request.Cookies.ContainsKey(cookieName))
        {
            if (context.Response.HasStarted)
            {
                outcome.Append("; the response had started, so cookie ").Append(cookieName).Append(" could not be deleted");
            }
            else
            {
                context.Response.Cookies.Delete(cookieName, sessionOptions.Cookie.Build(context));
                outcome.Append("; deleted cookie ").Append(cookieName);
            }
        }

        if (failure is null)
        {
            _runtime.Events.SignOut(GuardAction.Cleared, signOut, outcome.ToString());
        }
        else
        {
            _runtime.Events.SignOut(GuardAction.Failed, signOut, outcome.ToString(), failure);
        }
    }

    private string FailureOutcome(string done) =>
        done + "; the session store failed or did not answer within " + _revocations.StoreTimeout.ToString("c", CultureInfo.InvariantCulture) +
        ", so revoking the session id and removing its record are retried in the background (up to " +
        SessionRevocations.MaxRetries.ToString(CultureInfo.InvariantCulture) + " times); the sign-out went on";
}
