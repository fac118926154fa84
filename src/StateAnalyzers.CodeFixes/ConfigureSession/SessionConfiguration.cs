using Microsoft.CodeAnalysis;
using StateAnalyzers.FixContract;

namespace StateAnalyzers.CodeFixes.ConfigureSession;

/// <summary>One STATE007 finding's fix, read from the diagnostic: the host and what it lacks.</summary>
internal sealed class SessionConfiguration
{
    private SessionConfiguration(Location host, bool startup, bool addSession, bool addCache, bool useSession, Location? move, bool hardened = false)
    {
        Hardened = hardened;
        Host = host;
        Startup = startup;
        AddSession = addSession;
        AddCache = addCache;
        UseSession = useSession;
        Move = move;
    }

    /// <summary>The program's <c>builder.Build()</c> (or <c>WebApplication.Create(...)</c>), or the Startup class declaration.</summary>
    public Location Host { get; }

    public bool Startup { get; }

    public bool AddSession { get; }

    /// <summary>Add <c>AddDistributedMemoryCache()</c> with <c>AddSession()</c>: no distributed cache is registered.</summary>
    public bool AddCache { get; }

    public bool UseSession { get; }

    /// <summary>The misplaced <c>UseSession()</c> call to move before the endpoints.</summary>
    public Location? Move { get; }

    /// <summary>Register the session with its cookie locked down (HttpOnly, Secure always, SameSite Lax), as STATE005 requires.</summary>
    public bool Hardened { get; }

    public string Title => (AddSession, UseSession || Move is not null) switch
    {
        (true, true) => "Configure the session (AddSession and UseSession)",
        (true, false) => "Register the session services (AddSession)",
        _ => Move is not null ? "Move UseSession before the endpoints" : "Add UseSession before the endpoints",
    };

    /// <summary>
    /// What another rule's fix needs of the session (STATE011's TempData provider), read from the same
    /// <see cref="SessionFixProperties"/> keys, with the host given apart; null when nothing is missing.
    /// </summary>
    public static SessionConfiguration? Hardening(Diagnostic diagnostic, Location host)
    {
        var properties = diagnostic.Properties;
        var configuration = new SessionConfiguration(
            host,
            properties.ContainsKey(SessionFixProperties.StartupKey),
            properties.ContainsKey(SessionFixProperties.AddSessionKey),
            properties.ContainsKey(SessionFixProperties.AddCacheKey),
            properties.ContainsKey(SessionFixProperties.UseSessionKey),
            move: null,
            hardened: true);
        return configuration.AddSession || configuration.UseSession ? configuration : null;
    }

    /// <summary>The same configuration for a host that has moved (an edit before it in the same file).</summary>
    public SessionConfiguration At(Location host) => new(host, Startup, AddSession, AddCache, UseSession, Move, Hardened);

    public static SessionConfiguration? From(Diagnostic diagnostic)
    {
        var properties = diagnostic.Properties;
        if (diagnostic.AdditionalLocations.Count == 0 || diagnostic.AdditionalLocations[0].SourceTree is null)
        {
            return null;
        }

        var move = properties.ContainsKey(SessionFixProperties.MoveUseSessionKey) && diagnostic.AdditionalLocations.Count > 1
            ? diagnostic.AdditionalLocations[1]
            : null;
        var configuration = new SessionConfiguration(
            diagnostic.AdditionalLocations[0],
            properties.ContainsKey(SessionFixProperties.StartupKey),
            properties.ContainsKey(SessionFixProperties.AddSessionKey),
            properties.ContainsKey(SessionFixProperties.AddCacheKey),
            properties.ContainsKey(SessionFixProperties.UseSessionKey),
            move);
        return configuration.AddSession || configuration.UseSession || configuration.Move is not null ? configuration : null;
    }
}
