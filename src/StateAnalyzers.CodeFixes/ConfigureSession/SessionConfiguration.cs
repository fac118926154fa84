using Microsoft.CodeAnalysis;
using StateAnalyzers.FixContract;

namespace StateAnalyzers.CodeFixes.ConfigureSession;

/// <summary>One STATE007 finding's fix, read from the diagnostic: the host and what it lacks.</summary>
internal sealed class SessionConfiguration
{
    private SessionConfiguration(Location host, bool startup, bool addSession, bool addCache, bool useSession, Location? move)
    {
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

    public string Title => (AddSession, UseSession || Move is not null) switch
    {
        (true, true) => "Configure the session (AddSession and UseSession)",
        (true, false) => "Register the session services (AddSession)",
        _ => Move is not null ? "Move UseSession before the endpoints" : "Add UseSession before the endpoints",
    };

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
