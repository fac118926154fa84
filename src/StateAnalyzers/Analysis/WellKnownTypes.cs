using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using StateAnalyzers.Cookies;

namespace StateAnalyzers.Analysis;

/// <summary>The ASP.NET Core types the rules bind to, resolved once per compilation.</summary>
internal sealed class WellKnownTypes
{
    private readonly List<INamedTypeSymbol> _found = new();

    private WellKnownTypes(Compilation compilation, INamedTypeSymbol responseCookies)
    {
        ResponseCookies = responseCookies;
        _found.Add(responseCookies);
        CookieOptions = Find(compilation, "Microsoft.AspNetCore.Http.CookieOptions");
        CookieBuilder = Find(compilation, "Microsoft.AspNetCore.Http.CookieBuilder");
        HeaderDictionary = Find(compilation, "Microsoft.AspNetCore.Http.IHeaderDictionary");
        HeaderDictionaryExtensions = Find(compilation, "Microsoft.AspNetCore.Http.HeaderDictionaryExtensions");
        HeaderNames = Find(compilation, "Microsoft.Net.Http.Headers.HeaderNames");
        HttpRequest = Find(compilation, "Microsoft.AspNetCore.Http.HttpRequest");
        HttpResponse = Find(compilation, "Microsoft.AspNetCore.Http.HttpResponse");
        HttpContext = Find(compilation, "Microsoft.AspNetCore.Http.HttpContext");
        HttpContextAccessor = Find(compilation, "Microsoft.AspNetCore.Http.IHttpContextAccessor");
        Session = Find(compilation, "Microsoft.AspNetCore.Http.ISession");
        ApplicationBuilder = Find(compilation, "Microsoft.AspNetCore.Builder.IApplicationBuilder");
        CookiePolicyOptions = Find(compilation, "Microsoft.AspNetCore.Builder.CookiePolicyOptions");
        CookiePolicyExtensions = Find(compilation, "Microsoft.AspNetCore.Builder.CookiePolicyAppBuilderExtensions");
        SessionOptions = Find(compilation, "Microsoft.AspNetCore.Builder.SessionOptions");
        CookieAuthenticationOptions = Find(compilation, "Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions");
        AntiforgeryOptions = Find(compilation, "Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions");
        CookieTempDataProviderOptions = Find(compilation, "Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions");

        // Sign-outs, session use and session configuration (STATE003, STATE007).
        AuthenticationService = Find(compilation, "Microsoft.AspNetCore.Authentication.IAuthenticationService");
        AuthenticationHttpContextExtensions = Find(compilation, "Microsoft.AspNetCore.Authentication.AuthenticationHttpContextExtensions");
        SignInManager = Find(compilation, "Microsoft.AspNetCore.Identity.SignInManager`1");
        IdentityConstants = Find(compilation, "Microsoft.AspNetCore.Identity.IdentityConstants");
        ControllerBase = Find(compilation, "Microsoft.AspNetCore.Mvc.ControllerBase");
        PageModel = Find(compilation, "Microsoft.AspNetCore.Mvc.RazorPages.PageModel");
        PageBase = Find(compilation, "Microsoft.AspNetCore.Mvc.RazorPages.PageBase");
        SignOutResult = Find(compilation, "Microsoft.AspNetCore.Mvc.SignOutResult");
        Results = Find(compilation, "Microsoft.AspNetCore.Http.Results");
        TypedResults = Find(compilation, "Microsoft.AspNetCore.Http.TypedResults");
        CookieAuthenticationEvents = Find(compilation, "Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationEvents");
        CookieValidatePrincipalContext = Find(compilation, "Microsoft.AspNetCore.Authentication.Cookies.CookieValidatePrincipalContext");
        SessionExtensions = Find(compilation, "Microsoft.AspNetCore.Http.SessionExtensions");
        SessionFeature = Find(compilation, "Microsoft.AspNetCore.Http.Features.ISessionFeature");
        SessionServiceCollectionExtensions = Find(compilation, "Microsoft.Extensions.DependencyInjection.SessionServiceCollectionExtensions");
        SessionMiddlewareExtensions = Find(compilation, "Microsoft.AspNetCore.Builder.SessionMiddlewareExtensions");
        SessionMiddleware = Find(compilation, "Microsoft.AspNetCore.Session.SessionMiddleware");
        ServiceCollection = Find(compilation, "Microsoft.Extensions.DependencyInjection.IServiceCollection");
        DistributedCache = Find(compilation, "Microsoft.Extensions.Caching.Distributed.IDistributedCache");
        EndpointRouteBuilder = Find(compilation, "Microsoft.AspNetCore.Routing.IEndpointRouteBuilder");
        EndpointRoutingExtensions = Find(compilation, "Microsoft.AspNetCore.Builder.EndpointRoutingApplicationBuilderExtensions");
        AuthenticationAppBuilderExtensions = Find(compilation, "Microsoft.AspNetCore.Builder.AuthAppBuilderExtensions");
        AuthorizationAppBuilderExtensions = Find(compilation, "Microsoft.AspNetCore.Builder.AuthorizationAppBuilderExtensions");
        RunExtensions = Find(compilation, "Microsoft.AspNetCore.Builder.RunExtensions");
        WebApplication = Find(compilation, "Microsoft.AspNetCore.Builder.WebApplication");
        WebApplicationBuilder = Find(compilation, "Microsoft.AspNetCore.Builder.WebApplicationBuilder");
        WebHostBuilderExtensions = Find(compilation, "Microsoft.AspNetCore.Hosting.WebHostBuilderExtensions");
        Startup = Find(compilation, "Microsoft.AspNetCore.Hosting.IStartup");

        // Sign-ins and lifetimes (STATE008, STATE009).
        AuthenticationProperties = Find(compilation, "Microsoft.AspNetCore.Authentication.AuthenticationProperties");
        MvcSignInResult = Find(compilation, "Microsoft.AspNetCore.Mvc.SignInResult");
        SessionRenewalExtensions = Find(compilation, SessionRenewalExtensionsName);
        // TempData and its provider (STATE011).
        TempDataDictionary = Find(compilation, "Microsoft.AspNetCore.Mvc.ViewFeatures.ITempDataDictionary");
        TempDataAttribute = Find(compilation, "Microsoft.AspNetCore.Mvc.TempDataAttribute");
        TempDataProvider = Find(compilation, "Microsoft.AspNetCore.Mvc.ViewFeatures.ITempDataProvider");
        CookieTempDataProvider = Find(compilation, "Microsoft.AspNetCore.Mvc.ViewFeatures.CookieTempDataProvider");
        MvcViewFeaturesBuilderExtensions = Find(compilation, "Microsoft.Extensions.DependencyInjection.MvcViewFeaturesMvcBuilderExtensions");
        MvcServiceCollectionExtensions = Find(compilation, "Microsoft.Extensions.DependencyInjection.MvcServiceCollectionExtensions");
    }

    private INamedTypeSymbol? Find(Compilation compilation, string metadataName)
    {
        var type = compilation.GetTypeByMetadataName(metadataName);
        if (type is not null)
        {
            _found.Add(type);
        }

        return type;
    }

    public INamedTypeSymbol ResponseCookies { get; }
    public INamedTypeSymbol? CookieOptions { get; }
    public INamedTypeSymbol? CookieBuilder { get; }
    public INamedTypeSymbol? HeaderDictionary { get; }
    public INamedTypeSymbol? HeaderDictionaryExtensions { get; }
    public INamedTypeSymbol? HeaderNames { get; }
    public INamedTypeSymbol? HttpRequest { get; }
    public INamedTypeSymbol? HttpResponse { get; }
    public INamedTypeSymbol? HttpContext { get; }
    public INamedTypeSymbol? HttpContextAccessor { get; }
    public INamedTypeSymbol? Session { get; }
    public INamedTypeSymbol? ApplicationBuilder { get; }
    public INamedTypeSymbol? CookiePolicyOptions { get; }
    public INamedTypeSymbol? CookiePolicyExtensions { get; }
    public INamedTypeSymbol? SessionOptions { get; }
    public INamedTypeSymbol? CookieAuthenticationOptions { get; }
    public INamedTypeSymbol? AntiforgeryOptions { get; }
    public INamedTypeSymbol? CookieTempDataProviderOptions { get; }

    // Sign-outs, session use and session configuration (STATE003, STATE007).
    public INamedTypeSymbol? AuthenticationService { get; }
    public INamedTypeSymbol? AuthenticationHttpContextExtensions { get; }
    public INamedTypeSymbol? SignInManager { get; }
    public INamedTypeSymbol? IdentityConstants { get; }
    public INamedTypeSymbol? ControllerBase { get; }
    public INamedTypeSymbol? PageModel { get; }
    public INamedTypeSymbol? PageBase { get; }
    public INamedTypeSymbol? SignOutResult { get; }
    public INamedTypeSymbol? Results { get; }
    public INamedTypeSymbol? TypedResults { get; }
    public INamedTypeSymbol? CookieAuthenticationEvents { get; }
    public INamedTypeSymbol? CookieValidatePrincipalContext { get; }
    public INamedTypeSymbol? SessionExtensions { get; }
    public INamedTypeSymbol? SessionFeature { get; }
    public INamedTypeSymbol? SessionServiceCollectionExtensions { get; }
    public INamedTypeSymbol? SessionMiddlewareExtensions { get; }
    public INamedTypeSymbol? SessionMiddleware { get; }
    public INamedTypeSymbol? ServiceCollection { get; }
    public INamedTypeSymbol? DistributedCache { get; }
    public INamedTypeSymbol? EndpointRouteBuilder { get; }
    public INamedTypeSymbol? EndpointRoutingExtensions { get; }
    public INamedTypeSymbol? AuthenticationAppBuilderExtensions { get; }
    public INamedTypeSymbol? AuthorizationAppBuilderExtensions { get; }
    public INamedTypeSymbol? RunExtensions { get; }
    public INamedTypeSymbol? WebApplication { get; }
    public INamedTypeSymbol? WebApplicationBuilder { get; }
    public INamedTypeSymbol? WebHostBuilderExtensions { get; }
    public INamedTypeSymbol? Startup { get; }

    // Sign-ins and lifetimes (STATE008, STATE009).
    public INamedTypeSymbol? AuthenticationProperties { get; }

    /// <summary><c>Microsoft.AspNetCore.Mvc.SignInResult</c>, what a controller's <c>SignIn(...)</c> returns (not Identity's SignInResult).</summary>
    public INamedTypeSymbol? MvcSignInResult { get; }

    /// <summary>The runtime companion's <c>HttpContext.RenewSessionAsync()</c> (package StateAnalyzers.AspNetCore): a call
    /// of it before a sign-in renews the session, which STATE008 accepts as clearing it.</summary>
    public INamedTypeSymbol? SessionRenewalExtensions { get; }
    // TempData and its provider (STATE011).
    public INamedTypeSymbol? TempDataDictionary { get; }
    public INamedTypeSymbol? TempDataAttribute { get; }
    public INamedTypeSymbol? TempDataProvider { get; }
    public INamedTypeSymbol? CookieTempDataProvider { get; }
    public INamedTypeSymbol? MvcViewFeaturesBuilderExtensions { get; }
    public INamedTypeSymbol? MvcServiceCollectionExtensions { get; }

    /// <summary>The full name of the class that declares <c>RenewSessionAsync</c> in the StateAnalyzers.AspNetCore assembly.</summary>
    public const string SessionRenewalExtensionsName = "StateAnalyzers.AspNetCore.StateGuardHttpContextExtensions";

    /// <summary>
    /// Null when the compilation does not reference ASP.NET Core: then no rule registers anything. The last
    /// compilation's types are reused when <paramref name="shape"/> is known to be its shape (<see cref="DeclarationShape.IsKnownSameAs"/>)
    /// and every type came from a reference that binds to the same assembly symbol here: then every name resolves to the
    /// same symbol, and the IDE's compilation after a keystroke looks up none of them again.
    /// </summary>
    public static WellKnownTypes? TryCreate(Compilation compilation, DeclarationShape shape)
    {
        if (Volatile.Read(ref _last) is { } last && shape.IsKnownSameAs(last.Shape) && last.BindsTheSameAssemblies(compilation))
        {
            return last.Types;
        }

        var responseCookies = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.IResponseCookies");
        if (responseCookies is null)
        {
            return null;
        }

        var types = new WellKnownTypes(compilation, responseCookies);
        if (Reusable.From(types, shape, compilation) is { } reusable)
        {
            Volatile.Write(ref _last, reusable);
        }

        return types;
    }

    private static Reusable? _last;

    /// <summary>Types that all come from references, with the assembly symbol each reference bound to.</summary>
    private sealed class Reusable
    {
        private readonly (MetadataReference Reference, IAssemblySymbol Assembly)[] _assemblies;

        private Reusable(WellKnownTypes types, DeclarationShape shape, (MetadataReference, IAssemblySymbol)[] assemblies)
        {
            Types = types;
            Shape = shape;
            _assemblies = assemblies;
        }

        public WellKnownTypes Types { get; }

        public DeclarationShape Shape { get; }

        public static Reusable? From(WellKnownTypes types, DeclarationShape shape, Compilation compilation)
        {
            var assemblies = new List<(MetadataReference, IAssemblySymbol)>();
            foreach (var assembly in types._found.Select(t => t.ContainingAssembly).Distinct(SymbolEqualityComparer.Default).OfType<IAssemblySymbol>())
            {
                if (compilation.GetMetadataReference(assembly) is not { } reference)
                {
                    return null; // declared in source (or not from a reference): bound anew in every compilation
                }

                assemblies.Add((reference, assembly));
            }

            return new Reusable(types, shape, assemblies.ToArray());
        }

        public bool BindsTheSameAssemblies(Compilation compilation)
        {
            foreach (var (reference, assembly) in _assemblies)
            {
                if (!ReferenceEquals(compilation.GetAssemblyOrModuleSymbol(reference), assembly))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Which framework cookie an options type configures, if any.</summary>
    public CookieSource BuilderSourceOf(ITypeSymbol? optionsType)
    {
        if (optionsType is null)
        {
            return CookieSource.None;
        }

        if (SymbolEqualityComparer.Default.Equals(optionsType, SessionOptions))
        {
            return CookieSource.Session;
        }

        if (SymbolEqualityComparer.Default.Equals(optionsType, CookieAuthenticationOptions))
        {
            return CookieSource.Authentication;
        }

        if (SymbolEqualityComparer.Default.Equals(optionsType, AntiforgeryOptions))
        {
            return CookieSource.Antiforgery;
        }

        if (SymbolEqualityComparer.Default.Equals(optionsType, CookieTempDataProviderOptions))
        {
            return CookieSource.TempData;
        }

        return CookieSource.None;
    }
}
