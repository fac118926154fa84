namespace StateAnalyzers.AspNetCore;

/// <summary>How the companion treats the session store, under <c>StateGuard:Session</c>.</summary>
public sealed class StateGuardSessionOptions
{
    /// <summary>The default <see cref="StoreTimeout"/>: two seconds.</summary>
    public static readonly TimeSpan DefaultStoreTimeout = TimeSpan.FromSeconds(2);

    /// <summary>The longest allowed <see cref="StoreTimeout"/>: one minute, the framework's own session I/O timeout.</summary>
    public static readonly TimeSpan MaximumStoreTimeout = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The longest the session store may hold up a request: a session load, and the store work of a sign-out (the
    /// revocation of the session id and the removal of its record). A load that takes longer leaves the session
    /// unavailable for that request; a sign-out that takes longer completes anyway, and the store work is retried in
    /// the background. Default 2 seconds; at most 1 minute.
    /// </summary>
    public TimeSpan StoreTimeout { get; set; } = DefaultStoreTimeout;

    /// <summary>
    /// STATE008: every successful sign-in (of a scheme not in <see cref="StateGuardOptions.SignOutSchemesKeepingSession"/>)
    /// replaces the request's session with a fresh one under a new id: the new session cookie is sent, the old id is
    /// revoked and its record removed from the store, and only the keys in <see cref="KeepAtSignIn"/> are carried over.
    /// Default <see langword="true"/>. <c>HttpContext.RenewSessionAsync()</c> renews whatever this says.
    /// </summary>
    public bool RenewAtSignIn { get; set; } = true;

    /// <summary>STATE008: the session keys (exact, as the app writes them) whose values a renewal carries over into the new
    /// session; every other key is left behind with the old id. Empty by default.</summary>
    public List<string> KeepAtSignIn { get; } = new();
}
