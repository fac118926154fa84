using Microsoft.CodeAnalysis;

namespace StateAnalyzers.Session;

internal enum SessionHostKind
{
    /// <summary>The program's entry point (top-level statements or <c>Main</c>) builds a <c>WebApplication</c>.</summary>
    Program,

    /// <summary>A <c>Startup</c> class with <c>Configure(IApplicationBuilder ...)</c>.</summary>
    Startup,
}

/// <summary>Where an app is configured: the place STATE007 reports at and the ConfigureSession fix edits.</summary>
internal sealed class SessionHost
{
    private SessionHost(SessionHostKind kind, SyntaxNode anchor, INamedTypeSymbol? startupType, IMethodSymbol? configure, IMethodSymbol? configureServices)
    {
        Kind = kind;
        Anchor = anchor;
        StartupType = startupType;
        Configure = configure;
        ConfigureServices = configureServices;
    }

    public SessionHostKind Kind { get; }

    /// <summary>
    /// A program host: the <c>builder.Build()</c> (or <c>WebApplication.Create(...)</c>) call, between the service
    /// registrations and the pipeline. A Startup host: the <c>Startup</c> class declaration.
    /// </summary>
    public SyntaxNode Anchor { get; }

    public INamedTypeSymbol? StartupType { get; }

    public IMethodSymbol? Configure { get; }

    public IMethodSymbol? ConfigureServices { get; }

    public static SessionHost ForProgram(SyntaxNode build) => new(SessionHostKind.Program, build, null, null, null);

    public static SessionHost ForStartup(SyntaxNode declaration, INamedTypeSymbol type, IMethodSymbol configure, IMethodSymbol? configureServices) =>
        new(SessionHostKind.Startup, declaration, type, configure, configureServices);
}
