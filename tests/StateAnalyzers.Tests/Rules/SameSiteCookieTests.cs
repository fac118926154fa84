using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using StateAnalyzers.Rules;
using StateAnalyzers.Tests.Infrastructure;

namespace StateAnalyzers.Tests.Rules;

/// <summary>
/// The analyzer of STATE006 (no SameSite policy): positives and the tricky clean cases. Cases every cookie rule shares (the candidate gateway) are in
/// <see cref="CandidateGatewayTests"/>; each write judged on the state at that write in <see cref="WriteStateTests"/>, deletes in
/// <see cref="CookieDeleteTests"/>, calls that do not bind in <see cref="UnboundWriteTests"/>; the fix is tested in
/// <see cref="CodeFixes.TightenCookieTests"/>.
/// </summary>
public class SameSiteCookieTests
{
    private static Task Verify(params string[] sources) => Analyze.With<SameSiteCookieAnalyzer>(sources).Verify();

    [Fact]
    public Task Append_without_options_is_reported() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpContext context) => {|STATE006:context.Response.Cookies.Append("theme", "dark")|};
        }
        """);

    [Fact]
    public Task Options_that_do_not_set_SameSite_are_reported() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response) => {|STATE006:response.Cookies.Append("theme", "dark", new CookieOptions { HttpOnly = true, Secure = true })|};
        }
        """);

    [Fact]
    public Task SameSite_Unspecified_is_reported() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                var options = new CookieOptions { SameSite = SameSiteMode.Lax };
                options.SameSite = SameSiteMode.Unspecified;
                {|STATE006:response.Cookies.Append("theme", "dark", options)|};
            }
        }
        """);

    [Theory]
    [InlineData("Lax")]
    [InlineData("Strict")]
    public Task Lax_or_Strict_is_clean(string mode) => Verify($$"""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response) => response.Cookies.Append("theme", "dark", new CookieOptions { SameSite = SameSiteMode.{{mode}} });
        }
        """);

    [Fact]
    public Task Explicit_SameSite_None_is_a_deliberate_choice() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response) => response.Cookies.Append("embed", "1", new CookieOptions { Secure = true, SameSite = SameSiteMode.None });
        }
        """);

    [Fact]
    public Task SameSite_from_configuration_is_unknown() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, SameSiteMode mode) => response.Cookies.Append("theme", "dark", new CookieOptions { SameSite = mode });
        }
        """);

    [Fact]
    public Task SameSite_chosen_by_a_ternary_is_unknown() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, bool embed) =>
                response.Cookies.Append("theme", "dark", new CookieOptions { SameSite = embed ? SameSiteMode.None : SameSiteMode.Lax });
        }
        """);

    [Fact]
    public Task Shared_static_options_are_reported_at_each_write() => Verify(
        """
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                {|STATE006:response.Cookies.Append("a", "1", Cookies.Shared)|};
                {|STATE006:response.Cookies.Append("b", "2", Cookies.Shared)|};
            }
        }
        """,
        """
        using Microsoft.AspNetCore.Http;
        static class Cookies
        {
            internal static readonly CookieOptions Shared = new() { HttpOnly = true, Secure = true };
        }
        """);

    [Fact]
    public Task A_mutable_static_field_is_not_guessed() => Verify(
        """
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response) => response.Cookies.Append("a", "1", Cookies.Shared);
        }
        """,
        """
        using Microsoft.AspNetCore.Http;
        static class Cookies
        {
            internal static CookieOptions Shared = new() { HttpOnly = true, Secure = true };
        }
        """);

    [Fact]
    public Task A_factory_with_more_than_a_return_is_not_guessed() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            private static CookieOptions Options()
            {
                var options = new CookieOptions();
                options.SameSite = SameSiteMode.Strict;
                return options;
            }

            void M(HttpResponse response) => response.Cookies.Append("theme", "dark", Options());
        }
        """);

    [Fact]
    public Task A_virtual_factory_is_not_guessed() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            protected virtual CookieOptions Options() => new CookieOptions();
            void M(HttpResponse response) => response.Cookies.Append("theme", "dark", Options());
        }
        """);

    [Fact]
    public Task Middleware_writes_are_reported() => Verify("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        class VisitorMiddleware : IMiddleware
        {
            public Task InvokeAsync(HttpContext context, RequestDelegate next)
            {
                {|STATE006:context.Response.Cookies.Append("visitor", System.Guid.NewGuid().ToString(), new CookieOptions { HttpOnly = true, Secure = true })|};
                return next(context);
            }
        }
        """);

    [Fact]
    public Task A_Razor_Page_is_reported() => Verify("""
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc.RazorPages;
        public class PreferencesModel : PageModel
        {
            public void OnPost(string culture) => {|STATE006:Response.Cookies.Append("culture", culture, new CookieOptions { HttpOnly = true, Secure = true })|};
        }
        """);

    [Fact]
    public Task A_minimal_API_endpoint_is_reported() => Analyze.With<SameSiteCookieAnalyzer>("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        var app = WebApplication.Create(args);
        app.MapPost("/consent", (HttpResponse response) => {|STATE006:response.Cookies.Append("consent", "yes")|});
        app.Run();
        """).AsProgram().Verify();

    [Fact]
    public Task Raw_headers_without_SameSite_are_reported() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, string id)
            {
                {|STATE006:response.Headers.Append("Set-Cookie", "theme=dark; Secure; HttpOnly")|};
                {|STATE006:response.Headers.Append("Set-Cookie", $"id={id}; Secure; HttpOnly; SameSite=Sometimes")|};
                response.Headers.Append("Set-Cookie", $"id={id}; Secure; HttpOnly; samesite=strict");
                response.Headers.Append("Set-Cookie", $"id={id}; Secure; HttpOnly; SameSite=None");
            }
        }
        """);

    [Fact]
    public Task Request_headers_are_not_cookie_writes() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpRequest request) => request.Headers["Set-Cookie"] = "theme=dark";
        }
        """);

    [Fact]
    public Task Framework_defaults_are_Lax_or_Strict() => Verify("""
        using Microsoft.Extensions.DependencyInjection;
        class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.AddSession();
                services.AddAntiforgery();
                services.AddAuthentication().AddCookie();
                services.AddControllersWithViews().AddCookieTempDataProvider();
            }
        }
        """);

    [Fact]
    public Task Builder_SameSite_Unspecified_is_reported() => Verify("""
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.AddAuthentication().AddCookie(o => {|STATE006:o.Cookie.SameSite = SameSiteMode.Unspecified|});
                services.AddControllersWithViews().AddCookieTempDataProvider(o => {|STATE006:o.Cookie.SameSite = SameSiteMode.Unspecified|});
            }
        }
        """);

    [Fact]
    public Task Replacing_the_builder_resets_SameSite() => Verify("""
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.AddSession(o =>
                {
                    o.Cookie.SameSite = SameSiteMode.Strict;
                    o.Cookie = {|STATE006:new CookieBuilder { Name = "sid", HttpOnly = true, SecurePolicy = CookieSecurePolicy.Always }|};
                });
                services.AddSession(o =>
                {
                    o.Cookie = new CookieBuilder { Name = "sid2" };
                    o.Cookie.SameSite = SameSiteMode.Lax;
                });
            }
        }
        """, SessionSources.RunsSessionMiddleware);

    [Fact]
    public Task A_builder_handed_to_a_helper_is_unknown() => Verify("""
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        class Startup
        {
            public void ConfigureServices(IServiceCollection services) =>
                services.AddSession(o =>
                {
                    o.Cookie = new CookieBuilder { Name = "sid" };
                    Harden(o.Cookie);
                });

            static void Harden(CookieBuilder cookie) => cookie.SameSite = SameSiteMode.Strict;
        }
        """);

    [Fact]
    public Task A_policy_with_minimum_Lax_covers_appended_cookies() => Analyze.With<SameSiteCookieAnalyzer>("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        var app = WebApplication.Create(args);
        app.UseCookiePolicy(new CookiePolicyOptions { MinimumSameSitePolicy = SameSiteMode.Lax });
        app.MapGet("/", (HttpContext context) => context.Response.Cookies.Append("theme", "dark"));
        app.Run();
        """).AsProgram().Verify();

    [Fact]
    public Task A_policy_with_minimum_None_covers_nothing() => Analyze.With<SameSiteCookieAnalyzer>("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        var app = WebApplication.Create(args);
        app.UseCookiePolicy(new CookiePolicyOptions { MinimumSameSitePolicy = SameSiteMode.None });
        app.MapGet("/", (HttpContext context) => {|STATE006:context.Response.Cookies.Append("theme", "dark")|});
        app.Run();
        """).AsProgram().Verify();

    [Fact]
    public Task A_policy_without_a_minimum_covers_nothing() => Analyze.With<SameSiteCookieAnalyzer>("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        var app = WebApplication.Create(args);
        app.UseCookiePolicy();
        app.MapGet("/", (HttpContext context) => {|STATE006:context.Response.Cookies.Append("theme", "dark")|});
        app.Run();
        """).AsProgram().Verify();

    [Fact]
    public Task Generated_code_is_not_analyzed() => Verify("""
        // <auto-generated/>
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response) => response.Cookies.Append("theme", "dark");
        }
        """);

    [Fact]
    public Task The_message_names_the_cookie_and_the_cause() =>
        Analyze.With<SameSiteCookieAnalyzer>("""
            using Microsoft.AspNetCore.Http;
            class C
            {
                void M(HttpResponse response, string name) => {|#0:response.Cookies.Append(name, "dark")|};
            }
            """)
            .Expecting(new DiagnosticResult("STATE006", DiagnosticSeverity.Info)
                .WithLocation(0)
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithMessage("Cookie (computed name) has no SameSite policy (SameSite is not set); set SameSite to Lax or Strict"))
            .Verify();

    [Fact]
    public Task The_culture_cookie_is_named_by_the_value_the_runtime_gives_DefaultCookieName() =>
        Analyze.With<SameSiteCookieAnalyzer>("""
            using System;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Localization;
            using Microsoft.AspNetCore.Mvc;
            public class CultureController : Controller
            {
                [HttpPost]
                public IActionResult SetLanguage(string culture, string returnUrl)
                {
                    {|#0:Response.Cookies.Append(
                        CookieRequestCultureProvider.DefaultCookieName,
                        CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                        new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true })|};
                    return LocalRedirect(returnUrl);
                }
            }
            """)
            .Expecting(new DiagnosticResult("STATE006", DiagnosticSeverity.Info)
                .WithLocation(0)
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithMessage("Cookie '.AspNetCore.Culture' has no SameSite policy (SameSite is not set); set SameSite to Lax or Strict"))
            .Verify();

    [Fact]
    public Task A_user_defined_IResponseCookies_implementation_is_judged_inside_it() => Verify("""
        using System;
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Http;
        class HardenedCookies(IResponseCookies inner) : IResponseCookies
        {
            public void Append(string key, string value) => Append(key, value, new CookieOptions { SameSite = SameSiteMode.Strict });
            public void Append(string key, string value, CookieOptions options) => inner.Append(key, value, options);
            public void Delete(string key) => inner.Delete(key);
            public void Delete(string key, CookieOptions options) => inner.Delete(key, options);
        }

        class C
        {
            void M(HardenedCookies cookies) => cookies.Append("theme", "dark");
        }
        """);
}
