namespace StateAnalyzers.Lifetimes;

/// <summary>What a lifetime STATE009 judges applies to, and so which maximum it is held against.</summary>
internal enum LifetimeKind
{
    /// <summary><c>CookieAuthenticationOptions.ExpireTimeSpan</c> or the authentication cookie's <c>MaxAge</c>.</summary>
    AuthenticationCookie,

    /// <summary>The session cookie's <c>MaxAge</c>.</summary>
    SessionCookie,

    /// <summary><c>SessionOptions.IdleTimeout</c>, held against <c>max_session_idle</c>.</summary>
    SessionIdle,

    /// <summary><c>AuthenticationProperties.ExpiresUtc</c> handed to a sign-in.</summary>
    SignIn,
}

internal static class LifetimeKindExtensions
{
    /// <summary>For messages: "keeps the {this} for 365 days".</summary>
    public static string Describe(this LifetimeKind kind) => kind switch
    {
        LifetimeKind.AuthenticationCookie => "authentication cookie",
        LifetimeKind.SessionCookie => "session cookie",
        LifetimeKind.SessionIdle => "idle session",
        _ => "sign-in",
    };
}
