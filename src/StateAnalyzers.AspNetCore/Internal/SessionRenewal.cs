using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Session;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StateAnalyzers.Catalogue;

namespace StateAnalyzers.AspNetCore.Internal;

/// <summary>
/// STATE008 at run time: at a sign-in (or when the app calls <c>HttpContext.RenewSessionAsync()</c>), the request's
/// session continues under a new id, with only the keys of <c>StateGuard:Session:KeepAtSignIn</c>; the old id is revoked
/// and its record removed from the store, and the new session cookie is sent with the app's session cookie options. A
/// sign-in that runs before <c>UseSession</c> renews the session named by the request's session cookie and hands the new
/// id to the session middleware. Store failures are logged, never thrown, and bounded by the store timeout.
/// </summary>
internal sealed class SessionRenewal
{
    private static readonly object Renewed = new();
    private static readonly object Authenticating = new();

    private readonly StateGuardRuntime _runtime;
    private readonly SessionRevocations _revocations;
    private readonly string[] _keep;
    private readonly bool _atSignIn;

    public SessionRenewal(StateGuardRuntime runtime, SessionRevocations revocations, IOptions<StateGuardOptions> options)
    {
        _runtime = runtime;
        _revocations = revocations;
        _keep = options.Value.Session.KeepAtSignIn.Distinct(StringComparer.Ordinal).ToArray();
        _atSignIn = options.Value.Session.RenewAtSignIn;
    }

    /// <summary>Marks the request as inside an authentication; false when it already was (a nested call).</summary>
    public static bool BeginAuthentication(HttpContext context) => context.Items.TryAdd(Authenticating, Authenticating);

    public static void EndAuthentication(HttpContext context) => context.Items.Remove(Authenticating);

    /// <summary>
    /// After a successful sign-in: renews once per request, unless renewal at sign-in is off, the scheme's sign-in is not
    /// a login (the external and two-factor schemes), or the sign-in runs inside an authentication (a cookie
    /// authentication event that re-issues the cookie of a user who is already signed in, which the analyzer does not
    /// report either; renewing there would renew the session at every request that validates the cookie).
    /// </summary>
    public Task AtSignInAsync(HttpContext context, string? scheme)
    {
        var mode = _runtime.Settings.Mode(RuleIds.STATE008);
        if (!_atSignIn || mode == StateGuardMode.Off || context.Items.ContainsKey(Renewed) || context.Items.ContainsKey(Authenticating) ||
            (scheme is not null && _runtime.Settings.SignOutSchemesKeepingSession.Contains(scheme)))
        {
            return Task.CompletedTask;
        }

        var signIn = "Sign-in to scheme '" + (scheme ?? "(default)") + "'";
        if (mode == StateGuardMode.Report)
        {
            if (context.Features.Get<ISessionFeature>()?.Session is not null)
            {
                context.Items[Renewed] = Renewed;
                _runtime.Events.Renewal(GuardAction.Reported, signIn, "reported only, the session keeps its id and its data");
            }

            return Task.CompletedTask;
        }

        return RenewAsync(context, signIn);
    }

    /// <summary>Renews the request's session now. Never throws for a store failure; logs what it did as STATE008.</summary>
    public async Task RenewAsync(HttpContext context, string signIn)
    {
        var sessionOptions = context.RequestServices.GetService<IOptions<SessionOptions>>()?.Value;
        var session = context.Features.Get<ISessionFeature>()?.Session;
        GuardedSession? guarded;
        var beforeSession = false;
        if (session is null)
        {
            // Before UseSession (in an authentication handler's event, say): the session the request's cookie names.
            guarded = sessionOptions is null ? null : SessionBeforeMiddleware(context, sessionOptions);
            if (guarded is null)
            {
                return; // no session in this request: the session middleware starts a fresh one
            }

            beforeSession = true;
        }
        else
        {
            guarded = session as GuardedSession;
        }

        context.Items[Renewed] = Renewed;
        if (guarded is null || sessionOptions?.Cookie.Name is not { } cookieName)
        {
            await ClearOnlyAsync(context, session!, signIn).ConfigureAwait(false);
            return;
        }

        if (context.Response.HasStarted)
        {
            _runtime.Events.Renewal(GuardAction.Failed, signIn,
                "the response had started, so no new session cookie could be sent; the session keeps its id and its data");
            return;
        }

        var outcome = new StringBuilder();
        Exception? failure;
        try
        {
            var result = await guarded.RenewAsync(_keep, signIn, context.RequestAborted).ConfigureAwait(false);
            failure = result.Failure;
            if (result.OldKey is null)
            {
                outcome.Append("the request brought no session cookie, so its session id is new and no browser holds it; kept it");
            }
            else
            {
                if (beforeSession)
                {
                    failure ??= await HandToSessionMiddlewareAsync(context, guarded, cookieName, result.Kept).ConfigureAwait(false);
                    outcome.Append("the sign-in ran before UseSession; ");
                }

                outcome.Append("gave the session a new id and sent its cookie ").Append(cookieName);
                outcome.Append(result.Revoked
                    ? "; the old id is revoked and its record removed from the store"
                    : failure is null
                        ? "; the old record was emptied (a custom session store)"
                        : "; the session store failed or did not answer within " +
                          _revocations.StoreTimeout.ToString("c", CultureInfo.InvariantCulture) + ", so revoking the old id and removing its record are retried in the background (up to " +
                          SessionRevocations.MaxRetries.ToString(CultureInfo.InvariantCulture) + " times), and the new session is unavailable for this request");
                AppendCookie(context, sessionOptions, cookieName, guarded.StoreKey);
            }

            outcome.Append("; carried over ").Append(result.Kept.ToString(CultureInfo.InvariantCulture))
                .Append(result.Kept == 1 ? " kept key" : " kept keys")
                .Append(", left ").Append(result.Dropped.ToString(CultureInfo.InvariantCulture))
                .Append(result.Dropped == 1 ? " other key" : " other keys").Append(" behind; the sign-in went on");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            failure = ex;
            outcome.Append("could not renew the session, the session store failed; the sign-in went on");
        }

        _runtime.Events.Renewal(failure is null ? GuardAction.Renewed : GuardAction.Failed, signIn, outcome.ToString(), failure);
    }

    /// <summary>A session not created by the guarded store (one the app set itself): its id cannot change, its data is cleared.</summary>
    private async Task ClearOnlyAsync(HttpContext context, ISession session, string signIn)
    {
        try
        {
            await session.LoadAsync(context.RequestAborted).ConfigureAwait(false);
            var kept = _keep.Select(key => session.TryGetValue(key, out var value) ? (key, value) : default)
                .Where(pair => pair.key is not null).ToArray();
            session.Clear();
            foreach (var (key, value) in kept)
            {
                session.Set(key, value);
            }

            _runtime.Events.Renewal(GuardAction.Cleared, signIn,
                "the session was not created by the session store StateGuard guards, so its id cannot change; cleared its data " +
                "except the kept keys");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            _runtime.Events.Renewal(GuardAction.Failed, signIn, "could not clear the session, the session store failed; the sign-in went on", ex);
        }
    }

    private static GuardedSession? SessionBeforeMiddleware(HttpContext context, SessionOptions sessionOptions)
    {
        var key = SessionCookieKey.Read(context, sessionOptions.Cookie.Name);
        return key is not null && context.RequestServices.GetService<ISessionStore>() is GuardedSessionStore store
            ? store.Create(key, sessionOptions.IdleTimeout, sessionOptions.IOTimeout, static () => true, isNewSessionKey: false) as GuardedSession
            : null;
    }

    /// <summary>Before UseSession: the kept values are stored under the new id, and the session middleware is given the new
    /// cookie, so it loads the new session later in this request instead of the revoked one.</summary>
    private async Task<Exception?> HandToSessionMiddlewareAsync(HttpContext context, GuardedSession renewed, string cookieName, int kept)
    {
        if (SessionCookieKey.Protect(context, renewed.StoreKey) is { } value)
        {
            context.Features.Set<IRequestCookiesFeature>(new RequestCookiesFeature(new RenewedRequestCookies(context.Request.Cookies, cookieName, value)));
        }

        if (kept == 0)
        {
            return null;
        }

        var commit = renewed.CommitAsync(context.RequestAborted);
        try
        {
            await commit.WaitAsync(_revocations.StoreTimeout, context.RequestAborted).ConfigureAwait(false);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            StoreCalls.Observe(commit);
            return ex;
        }
    }

    /// <summary>The new session cookie, written as SessionMiddleware writes it when it establishes a session.</summary>
    private static void AppendCookie(HttpContext context, SessionOptions sessionOptions, string cookieName, string key)
    {
        var value = SessionCookieKey.Protect(context, key) ?? throw new InvalidOperationException(
            "Data Protection is not registered, so the session cookie cannot be written; AddSession() registers it.");
        context.Response.Cookies.Append(cookieName, value, sessionOptions.Cookie.Build(context));
        context.Response.Headers.CacheControl = "no-cache,no-store";
        context.Response.Headers.Pragma = "no-cache";
    }
}
