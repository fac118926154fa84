namespace StateAnalyzers.FixContract;

/// <summary>What the session findings (STATE003, STATE007) tell their code fixes through the diagnostic's properties.</summary>
internal static class SessionFixProperties
{
    /// <summary>STATE003: the C# that reaches the request's session where the sign-out is (<c>HttpContext.Session</c>); absent when nothing in scope does.</summary>
    public const string SessionKey = "Session";

    /// <summary>
    /// STATE003: the sign-out is in a minimal-API handler lambda that has no <c>HttpContext</c> in scope; the fix adds
    /// an <c>HttpContext</c> parameter of this name to the lambda (the framework binds it) and clears through it.
    /// </summary>
    public const string AddHttpContextParameterKey = "AddHttpContextParameter";

    /// <summary>STATE007: <c>AddSession()</c> must be added to the service registrations.</summary>
    public const string AddSessionKey = "AddSession";

    /// <summary>STATE007: no distributed cache is registered; the fix adds <c>AddDistributedMemoryCache()</c> with <c>AddSession()</c>.</summary>
    public const string AddCacheKey = "AddDistributedMemoryCache";

    /// <summary>STATE007: <c>UseSession()</c> must be added to the pipeline.</summary>
    public const string UseSessionKey = "UseSession";

    /// <summary>STATE007: the <c>UseSession()</c> at the first additional location must move before the endpoints.</summary>
    public const string MoveUseSessionKey = "MoveUseSession";

    /// <summary>STATE007: the host is a Startup class (the first additional location is its declaration); else a program.</summary>
    public const string StartupKey = "Startup";
}
