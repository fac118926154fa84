using Microsoft.CodeAnalysis;
using StateAnalyzers.Cookies;

namespace StateAnalyzers.Analysis;

/// <summary>The ASP.NET Core types the rules bind to, resolved once per compilation.</summary>
internal sealed class WellKnownTypes
{
    private WellKnownTypes(Compilation compilation, INamedTypeSymbol responseCookies)
    {
        ResponseCookies = responseCookies;
        CookieOptions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.CookieOptions");
        CookieBuilder = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.CookieBuilder");
        HeaderDictionary = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.IHeaderDictionary");
        HeaderDictionaryExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HeaderDictionaryExtensions");
        HeaderNames = compilation.GetTypeByMetadataName("Microsoft.Net.Http.Headers.HeaderNames");
        HttpRequest = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpRequest");
        HttpResponse = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpResponse");
        HttpContext = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpContext");
        HttpContextAccessor = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.IHttpContextAccessor");
        Session = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.ISession");
        ApplicationBuilder = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.IApplicationBuilder");
        CookiePolicyOptions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.CookiePolicyOptions");
        CookiePolicyExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.CookiePolicyAppBuilderExtensions");
        SessionOptions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.SessionOptions");
        CookieAuthenticationOptions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions");
        AntiforgeryOptions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions");
        CookieTempDataProviderOptions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions");

        // Sign-outs, session use and session configuration (STATE003, STATE007).
        AuthenticationService = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Authentication.IAuthenticationService");
        AuthenticationHttpContextExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Authentication.AuthenticationHttpContextExtensions");
        SignInManager = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Identity.SignInManager`1");
        IdentityConstants = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Identity.IdentityConstants");
        ControllerBase = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerBase");
        PageModel = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.RazorPages.PageModel");
        PageBase = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.RazorPages.PageBase");
        SignOutResult = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.SignOutResult");
        Results = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.Results");
        TypedResults = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.TypedResults");
        CookieAuthenticationEvents = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationEvents");
        CookieValidatePrincipalContext = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Authentication.Cookies.CookieValidatePrincipalContext");
        SessionExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.SessionExtensions");
        SessionFeature = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.Features.ISessionFeature");
        SessionServiceCollectionExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.SessionServiceCollectionExtensions");
        SessionMiddlewareExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.SessionMiddlewareExtensions");
        SessionMiddleware = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Session.SessionMiddleware");
        ServiceCollection = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.IServiceCollection");
        DistributedCache = compilation.GetTypeByMetadataName("Microsoft.Extensions.Caching.Distributed.IDistributedCache");
        EndpointRouteBuilder = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Routing.IEndpointRouteBuilder");
        EndpointRoutingExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.EndpointRoutingApplicationBuilderExtensions");
        AuthenticationAppBuilderExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.AuthAppBuilderExtensions");
        AuthorizationAppBuilderExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.AuthorizationAppBuilderExtensions");
        RunExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.RunExtensions");
        WebApplication = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.WebApplication");
        WebApplicationBuilder = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.WebApplicationBuilder");
        WebHostBuilderExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Hosting.WebHostBuilderExtensions");
        Startup = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Hosting.IStartup");

        // Sign-ins and lifetimes (STATE008, STATE009).
        AuthenticationProperties = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Authentication.AuthenticationProperties");
        MvcSignInResult = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.SignInResult");
        SessionRenewalExtensions = compilation.GetTypeByMetadataName(SessionRenewalExtensionsName);
        // TempData and its provider (STATE011).
        TempDataDictionary = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ViewFeatures.ITempDataDictionary");
        TempDataAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.TempDataAttribute");
        TempDataProvider = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ViewFeatures.ITempDataProvider");
        CookieTempDataProvider = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ViewFeatures.CookieTempDataProvider");
        MvcViewFeaturesBuilderExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.MvcViewFeaturesMvcBuilderExtensions");
        MvcServiceCollectionExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.MvcServiceCollectionExtensions");
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

    /// <summary>Null when the compilation does not reference ASP.NET Core: then no rule registers anything.</summary>
    public static WellKnownTypes? TryCreate(Compilation compilation)
    {
        var responseCookies = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.IResponseCookies");
        return responseCookies is null ? null : new WellKnownTypes(compilation, responseCookies);
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
