using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using StateAnalyzers.Rules;
using StateAnalyzers.Tests.Infrastructure;

namespace StateAnalyzers.Tests.Rules;

/// <summary>
/// The analyzer of STATE005 (Secure not set): positives and the tricky clean cases. Cases every cookie rule shares (the candidate gateway) are in
/// <see cref="CandidateGatewayTests"/>; each write judged on the state at that write in <see cref="WriteStateTests"/>, deletes in
/// <see cref="CookieDeleteTests"/>, calls that do not bind in <see cref="UnboundWriteTests"/>; the fix is tested in
/// <see cref="CodeFixes.TightenCookieTests"/>.
/// </summary>
public class SecureCookieTests
{
    private static Task Verify(params string[] sources) => Analyze.With<SecureCookieAnalyzer>(sources).Verify();

    private static DiagnosticResult Expected(int location, string message) =>
        new DiagnosticResult("STATE005", DiagnosticSeverity.Warning)
            .WithLocation(location)
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
            .WithMessage(message);

    [Fact]
    public Task Append_without_options_is_reported() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpContext context) => {|STATE005:context.Response.Cookies.Append("theme", "dark")|};
        }
        """);

    [Fact]
    public Task Options_that_do_not_set_Secure_are_reported() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response) => {|STATE005:response.Cookies.Append("theme", "dark", new CookieOptions { HttpOnly = true })|};
        }
        """);

    [Fact]
    public Task Secure_false_is_reported() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                var options = new CookieOptions { Secure = true };
                options.Secure = false;
                {|STATE005:response.Cookies.Append("theme", "dark", options)|};
            }
        }
        """);

    [Fact]
    public Task Secure_true_is_clean() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                response.Cookies.Append("a", "1", new CookieOptions { Secure = true });
                var options = new CookieOptions();
                options.Secure = true;
                response.Cookies.Append("b", "2", options);
            }
        }
        """);

    [Fact]
    public Task Secure_from_the_request_scheme_is_unknown() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpContext context) =>
                context.Response.Cookies.Append("theme", "dark", new CookieOptions { Secure = context.Request.IsHttps });
        }
        """);

    [Fact]
    public Task Secure_set_in_a_loop_is_unknown() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, string[] flags)
            {
                var options = new CookieOptions();
                foreach (var flag in flags)
                {
                    options.Secure = flag == "secure";
                }

                response.Cookies.Append("theme", "dark", options);
            }
        }
        """);

    [Fact]
    public Task Secure_set_in_the_other_branch_does_not_reach_the_write() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, bool https)
            {
                var options = new CookieOptions();
                if (https)
                {
                    options.Secure = true;
                }
                else
                {
                    {|STATE005:response.Cookies.Append("theme", "dark", options)|};
                }
            }
        }
        """);

    [Fact]
    public Task Secure_set_in_the_same_branch_before_the_write_counts() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, bool https)
            {
                if (https)
                {
                    var options = new CookieOptions();
                    options.Secure = true;
                    response.Cookies.Append("theme", "dark", options);
                }
            }
        }
        """);

    [Fact]
    public Task Options_from_a_parameter_are_not_guessed() => Verify("""
        using Microsoft.AspNetCore.Http;
        static class CookieWriter
        {
            public static void Write(HttpResponse response, string key, string value, CookieOptions options) =>
                response.Cookies.Append(key, value, options);
        }
        """);

    [Fact]
    public Task SameSite_None_without_Secure_has_its_own_message() =>
        Analyze.With<SecureCookieAnalyzer>("""
            using Microsoft.AspNetCore.Http;
            class C
            {
                void M(HttpResponse response) =>
                    {|#0:response.Cookies.Append("widget", "1", new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.None })|};
            }
            """)
            .Expecting(Expected(0, "Cookie 'widget' sets SameSite=None without Secure (Secure is not set); browsers reject such cookies, set Secure"))
            .Verify();

    [Fact]
    public Task SameSite_None_with_Secure_is_clean() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response) =>
                response.Cookies.Append("widget", "1", new CookieOptions { Secure = true, SameSite = SameSiteMode.None });
        }
        """);

    [Fact]
    public Task The_plain_message_names_the_cookie() =>
        Analyze.With<SecureCookieAnalyzer>("""
            using Microsoft.AspNetCore.Http;
            class C
            {
                void M(HttpResponse response) => {|#0:response.Cookies.Append("theme", "dark", new CookieOptions { Secure = false })|};
            }
            """)
            .Expecting(Expected(0, "Cookie 'theme' can be sent over plain HTTP (Secure = false); set Secure"))
            .Verify();

    [Fact]
    public Task AddSession_without_SecurePolicy_Always_is_reported() => Verify("""
        using Microsoft.Extensions.DependencyInjection;
        class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                {|STATE005:services.AddSession()|};
                {|STATE005:services.AddSession(o => o.IdleTimeout = System.TimeSpan.FromMinutes(20))|};
            }
        }
        """, SessionSources.RunsSessionMiddleware);

    [Fact]
    public Task AddSession_in_an_app_whose_pipeline_never_runs_the_session_is_clean() => Analyze.With<SecureCookieAnalyzer>("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllersWithViews();
        builder.Services.AddSession();
        var app = builder.Build();
        app.UseAuthorization();
        app.MapDefaultControllerRoute();
        app.Run();
        """).AsProgram().Verify();

    [Fact]
    public Task AddSession_with_UseSession_only_in_setup_code_the_app_never_calls_is_clean() => Analyze.With<SecureCookieAnalyzer>("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSession();
        var app = builder.Build();
        app.MapDefaultControllerRoute();
        app.Run();

        static class LegacyPipeline
        {
            public static void UseLegacySession(this WebApplication app) => app.UseSession();
        }
        """).AsProgram().Verify();

    [Fact]
    public Task AddSession_in_a_library_whose_code_uses_the_session_is_reported() => Verify(
        """
        using Microsoft.Extensions.DependencyInjection;
        public static class CartModule
        {
            public static IServiceCollection AddCart(this IServiceCollection services) => {|STATE005:services.AddSession()|};
        }
        """,
        """
        using Microsoft.AspNetCore.Http;
        public class CartStore(IHttpContextAccessor accessor)
        {
            public void Add(string sku) => accessor.HttpContext!.Session.SetString("cart", sku);
        }
        """);

    [Fact]
    public Task AddSession_in_a_library_that_neither_runs_nor_uses_the_session_is_clean() => Verify("""
        using Microsoft.Extensions.DependencyInjection;
        public static class CartModule
        {
            public static IServiceCollection AddCart(this IServiceCollection services) => services.AddSession();
        }
        """);

    [Fact]
    public Task AddSession_message_says_the_default_is_None() =>
        Analyze.With<SecureCookieAnalyzer>("""
            using Microsoft.Extensions.DependencyInjection;
            class Startup
            {
                public void ConfigureServices(IServiceCollection services) => {|#0:services.AddSession()|};
            }
            """)
            .AndSource(SessionSources.RunsSessionMiddleware)
            .Expecting(Expected(0, "Cookie (session cookie) can be sent over plain HTTP (the session cookie's SecurePolicy defaults to None); set Secure"))
            .Verify();

    [Fact]
    public Task AddSession_with_SecurePolicy_Always_is_clean() => Verify("""
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        class Startup
        {
            public void ConfigureServices(IServiceCollection services) =>
                services.AddSession(o =>
                {
                    o.Cookie.Name = "sid";
                    o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                });
        }
        """);

    [Fact]
    public Task AddSession_secured_by_Configure_elsewhere_is_clean() => Verify(
        """
        using Microsoft.Extensions.DependencyInjection;
        class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.AddSession();
                services.AddSessionHardening();
            }
        }
        """,
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        static class SessionHardening
        {
            public static void AddSessionHardening(this IServiceCollection services) =>
                services.Configure<SessionOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always);
        }
        """);

    [Fact]
    public Task Session_SecurePolicy_set_after_being_made_Always_is_reported_at_the_weakening() => Verify("""
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        class Startup
        {
            public void ConfigureServices(IServiceCollection services) =>
                services.AddSession(o =>
                {
                    o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                    {|STATE005:o.Cookie.SecurePolicy = CookieSecurePolicy.None|};
                });
        }
        """, SessionSources.RunsSessionMiddleware);

    [Fact]
    public Task Authentication_cookie_default_SameAsRequest_is_clean() => Verify("""
        using Microsoft.Extensions.DependencyInjection;
        class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.AddAuthentication().AddCookie();
                services.AddAuthentication().AddCookie("admin", o => o.LoginPath = "/admin/login");
                services.ConfigureApplicationCookie(o => o.LoginPath = "/login");
                services.AddAntiforgery();
            }
        }
        """);

    [Fact]
    public Task Explicit_SecurePolicy_None_on_the_authentication_cookie_is_reported() => Verify("""
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.AddAuthentication().AddCookie(o => {|STATE005:o.Cookie.SecurePolicy = CookieSecurePolicy.None|});
                services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>("x", o => {|STATE005:o.Cookie.SecurePolicy = CookieSecurePolicy.None|});
                services.AddAntiforgery(o => {|STATE005:o.Cookie.SecurePolicy = CookieSecurePolicy.None|});
            }
        }
        """);

    [Fact]
    public Task SameAsRequest_is_clean_by_default() => Verify("""
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        class Startup
        {
            public void ConfigureServices(IServiceCollection services) =>
                services.AddAuthentication().AddCookie(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        }
        """);

    [Fact]
    public Task SameAsRequest_is_reported_when_the_option_asks() =>
        Analyze.With<SecureCookieAnalyzer>("""
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.DependencyInjection;
            class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddAuthentication().AddCookie(o => {|STATE005:o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest|});
                    services.AddAuthentication().AddCookie();
                }
            }
            """)
            .WithOptions("STATE005.flag_same_as_request = true")
            .Verify();

    [Fact]
    public Task A_replaced_builder_is_SameAsRequest_which_counts_only_when_flagged() =>
        Analyze.With<SecureCookieAnalyzer>("""
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.DependencyInjection;
            class Startup
            {
                public void ConfigureServices(IServiceCollection services) =>
                    services.ConfigureApplicationCookie(o => o.Cookie = {|STATE005:new CookieBuilder { Name = "auth", HttpOnly = true }|});
            }
            """)
            .WithOptions("STATE005.flag_same_as_request = true")
            .Verify();

    [Fact]
    public Task Builder_SameSite_None_without_Secure_is_reported_at_the_SameSite_line() => Verify("""
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        class Startup
        {
            public void ConfigureServices(IServiceCollection services) =>
                services.AddSession(o =>
                {
                    {|STATE005:o.Cookie.SameSite = SameSiteMode.None|};
                });
        }
        """, SessionSources.RunsSessionMiddleware);

    [Fact]
    public Task Builder_SameSite_None_with_SecurePolicy_Always_is_clean() => Verify("""
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        class Startup
        {
            public void ConfigureServices(IServiceCollection services) =>
                services.AddSession(o =>
                {
                    o.Cookie.SameSite = SameSiteMode.None;
                    o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                });
        }
        """);

    [Fact]
    public Task Raw_headers_without_Secure_are_reported() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, string id)
            {
                {|STATE005:response.Headers.Append("Set-Cookie", "theme=dark; HttpOnly; SameSite=Lax")|};
                {|STATE005:response.Headers["Set-Cookie"] = "id=" + id + "; HttpOnly"|};
                response.Headers.Append("Set-Cookie", "theme=dark; HttpOnly; SECURE");
                response.Headers.Append("Set-Cookie", "a=1; " + id);
            }
        }
        """);

    [Fact]
    public Task Raw_header_SameSite_None_without_Secure_has_its_own_message() =>
        Analyze.With<SecureCookieAnalyzer>("""
            using Microsoft.AspNetCore.Http;
            class C
            {
                void M(HttpResponse response) => {|#0:response.Headers.SetCookie = "w=1; HttpOnly; SameSite=None"|};
            }
            """)
            .Expecting(Expected(0, "Cookie 'w' sets SameSite=None without Secure (the Set-Cookie header has no Secure attribute); browsers reject such cookies, set Secure"))
            .Verify();

    [Fact]
    public Task A_policy_with_Secure_Always_covers_appended_cookies_and_the_session_after_it() => Analyze.With<SecureCookieAnalyzer>("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSession();
        builder.Services.Configure<CookiePolicyOptions>(o => o.Secure = CookieSecurePolicy.Always);
        var app = builder.Build();
        app.UseCookiePolicy();
        app.UseSession();
        app.MapGet("/", (HttpContext context) => context.Response.Cookies.Append("theme", "dark"));
        app.Run();
        """).AsProgram().Verify();

    [Fact]
    public Task A_policy_after_UseSession_does_not_cover_the_session_cookie() => Analyze.With<SecureCookieAnalyzer>("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        var builder = WebApplication.CreateBuilder(args);
        {|STATE005:builder.Services.AddSession()|};
        var app = builder.Build();
        app.UseSession();
        app.UseCookiePolicy(new CookiePolicyOptions { Secure = CookieSecurePolicy.Always });
        app.MapGet("/", (HttpContext context) => context.Response.Cookies.Append("theme", "dark"));
        app.Run();
        """).AsProgram().Verify();

    [Fact]
    public Task A_policy_Secure_set_only_in_development_covers_nothing() => Analyze.With<SecureCookieAnalyzer>("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.Configure<CookiePolicyOptions>(o =>
        {
            if (!builder.Environment.IsDevelopment())
            {
                o.Secure = CookieSecurePolicy.Always;
            }
        });
        var app = builder.Build();
        app.UseCookiePolicy();
        app.MapGet("/", (HttpContext context) => {|STATE005:context.Response.Cookies.Append("theme", "dark")|});
        app.Run();
        """).AsProgram().Verify();

    [Fact]
    public Task A_Startup_class_policy_covers_controllers() => Verify(
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        public class Startup
        {
            public void Configure(IApplicationBuilder app)
            {
                app.UseCookiePolicy(new CookiePolicyOptions { Secure = CookieSecurePolicy.Always });
                app.UseRouting();
            }
        }
        """,
        """
        using Microsoft.AspNetCore.Mvc;
        public class CartController : Controller
        {
            public IActionResult Index()
            {
                Response.Cookies.Append("cart-id", "42");
                return View();
            }
        }
        """);

    [Fact]
    public Task Without_ASP_NET_Core_nothing_is_reported() =>
        Analyze.With<SecureCookieAnalyzer>("""
            class C
            {
                void M(System.Collections.Generic.List<string> cookies) => cookies.Add("theme=dark");
            }
            """)
            .WithoutAspNetCore()
            .Verify();

    [Fact]
    public Task SameSite_None_on_the_authentication_cookie_needs_SecurePolicy_Always() =>
        Analyze.With<SecureCookieAnalyzer>("""
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.DependencyInjection;
            class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddAuthentication().AddCookie(o => {|#0:o.Cookie.SameSite = SameSiteMode.None|});
                    services.AddAuthentication().AddCookie("embedded", o =>
                    {
                        o.Cookie.SameSite = SameSiteMode.None;
                        o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                    });
                }
            }
            """)
            .Expecting(Expected(0, "Cookie (authentication cookie) sets SameSite=None without Secure (SecurePolicy defaults to SameAsRequest); browsers reject such cookies, set Secure"))
            .Verify();

    [Fact]
    public Task Session_SameSite_None_secured_by_a_configuration_elsewhere_is_clean() => Verify(
        """
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        class Startup
        {
            public void ConfigureServices(IServiceCollection services) =>
                services.AddSession(o => o.Cookie.SameSite = SameSiteMode.None);
        }
        """,
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        static class SessionHardening
        {
            public static void Harden(this IServiceCollection services) =>
                services.Configure<SessionOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always);
        }
        """);

    [Fact]
    public Task A_look_alike_AddSession_in_source_has_no_framework_defaults() => Verify("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        static class MySessions
        {
            public static IServiceCollection AddSession(this IServiceCollection services, System.Action<SessionOptions> configure) => services;
        }

        class Startup
        {
            public void ConfigureServices(IServiceCollection services) => MySessions.AddSession(services, o => o.IdleTimeout = System.TimeSpan.FromMinutes(5));
        }
        """);
}
