using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Session;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace StateAnalyzers.AspNetCore.Internal;

/// <summary>
/// STATE003 at run time: at a sign-out, clear the session, delete its cookie, and have the session's record removed from
/// the store when the request ends instead of being written back empty. Store failures are logged, never thrown: the
/// sign-out always completes.
/// </summary>
internal sealed class SessionSignOut
{
    /// <summary>The Data Protection purpose SessionMiddleware protects its cookie with (its class name).</summary>
    private const string SessionCookiePurpose = nameof(SessionMiddleware);

    /// <summary>Session keys are GUIDs in their 36-character form.</summary>
    private const int SessionKeyLength = 36;

    private static readonly object Handled = new();

    private readonly StateGuardRuntime _runtime;

    public SessionSignOut(StateGuardRuntime runtime) => _runtime = runtime;

    public async Task ClearAsync(HttpContext context, string? scheme)
    {
        if (_runtime.Settings.SessionAtSignOut == StateGuardMode.Off ||
            (scheme is not null && _runtime.Settings.SignOutSchemesKeepingSession.Contains(scheme)))
        {
            return;
        }

        var feature = context.Features.Get<ISessionFeature>();
        if (feature?.Session is not { } session || session is SignedOutSession ||
            context.Items.ContainsKey(Handled))
        {
            return; // no session in this request, or already cleared by an earlier sign-out of the same request
        }

        context.Items[Handled] = Handled;
        var signOut = "Sign-out of scheme '" + (scheme ?? "(default)") + "'";
        var sessionOptions = context.RequestServices.GetService<IOptions<SessionOptions>>()?.Value;
        var cookieName = sessionOptions?.Cookie.Name;
        var outcome = new StringBuilder();
        Exception? failure = null;
        try
        {
            await session.LoadAsync(context.RequestAborted).ConfigureAwait(false);
            session.Clear();
            outcome.Append("cleared the session");
            var storeKey = StoreKey(context, cookieName);
            var cache = storeKey is null ? null : StoreCache(context);
            if (storeKey is not null && cache is not null)
            {
                feature.Session = new SignedOutSession(session, cache, storeKey, _runtime.Events, signOut);
                outcome.Append(", its record is removed from the store at the end of the request");
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

    /// <summary>The store key of the session, read back from the request's session cookie as SessionMiddleware does.</summary>
    private static string? StoreKey(HttpContext context, string? cookieName)
    {
        if (cookieName is null || !context.Request.Cookies.TryGetValue(cookieName, out var protectedText) ||
            string.IsNullOrEmpty(protectedText))
        {
            return null;
        }

        var provider = context.RequestServices.GetService<IDataProtectionProvider>();
        if (provider is null)
        {
            return null;
        }

        try
        {
            var padding = (4 - (protectedText.Length % 4)) % 4;
            var bytes = Convert.FromBase64String(protectedText + new string('=', padding));
            var key = Encoding.UTF8.GetString(provider.CreateProtector(SessionCookiePurpose).Unprotect(bytes));
            return key.Length == SessionKeyLength ? key : null;
        }
        catch (Exception ex) when (ex is FormatException or System.Security.Cryptography.CryptographicException)
        {
            return null; // a stale or foreign cookie: SessionMiddleware started a new session for it
        }
    }

    /// <summary>The distributed cache behind the session, when the session is the framework's distributed session.</summary>
    private static IDistributedCache? StoreCache(HttpContext context) =>
        context.RequestServices.GetService<ISessionStore>() is DistributedSessionStore
            ? context.RequestServices.GetService<IDistributedCache>()
            : null;
}
