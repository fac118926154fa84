using Microsoft.CodeAnalysis;

namespace StateAnalyzers.Model
{
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
}
