using Microsoft.CodeAnalysis;
using StateAnalyzers.CodeFixes.ConfigureSession;
using StateAnalyzers.FixContract;

namespace StateAnalyzers.CodeFixes.TempDataProvider;

/// <summary>One STATE011 finding's fix, read from the diagnostic: the MVC registration, and what the session still lacks.</summary>
internal sealed class TempDataProviderSwitch
{
    private TempDataProviderSwitch(Location registration, SessionConfiguration? session)
    {
        Registration = registration;
        Session = session;
    }

    /// <summary>The <c>AddControllersWithViews()</c> / <c>AddMvc()</c> / <c>AddRazorPages()</c> call that gets the session provider.</summary>
    public Location Registration { get; }

    /// <summary>The session configuration the host lacks (hardened), or null when the session is configured already.</summary>
    public SessionConfiguration? Session { get; }

    public string Title => Session is null
        ? "Keep TempData in the session (AddSessionStateTempDataProvider)"
        : "Keep TempData in the session (AddSessionStateTempDataProvider, and configure the session)";

    public static TempDataProviderSwitch? From(Diagnostic diagnostic)
    {
        var locations = diagnostic.AdditionalLocations;
        if (!diagnostic.Properties.ContainsKey(TempDataFixProperties.RegistrationKey) || locations.Count == 0 || locations[0].SourceTree is null)
        {
            return null;
        }

        var session = locations.Count > 1 && locations[1].SourceTree is not null ? SessionConfiguration.Hardening(diagnostic, locations[1]) : null;
        return new TempDataProviderSwitch(locations[0], session);
    }
}
