using StateAnalyzers.Rules;
using StateAnalyzers.Tests.Infrastructure;

namespace StateAnalyzers.Tests.Rules;

/// <summary>
/// The analyzer of STATE004 (HttpOnly not set): positives and the tricky clean cases. Cases every cookie rule shares (the candidate gateway) are in
/// <see cref="CandidateGatewayTests"/>; each write judged on the state at that write in <see cref="WriteStateTests"/>, deletes in
/// <see cref="CookieDeleteTests"/>, calls that do not bind in <see cref="UnboundWriteTests"/>; the fix is tested in
/// <see cref="CodeFixes.TightenCookieTests"/>.
/// </summary>
public class HttpOnlyCookieTests
{
    private static Task Verify(params string[] sources) => Analyze.With<HttpOnlyCookieAnalyzer>(sources).Verify();

    [Fact]
    public Task Append_without_options_is_reported() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpContext context) => {|STATE004:context.Response.Cookies.Append("theme", "dark")|};
        }
        """);

    [Fact]
    public Task Options_that_do_not_set_HttpOnly_are_reported() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response) => {|STATE004:response.Cookies.Append("theme", "dark", new CookieOptions { Secure = true })|};
        }
        """);

    [Fact]
    public Task HttpOnly_false_in_the_initializer_is_reported() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response) => {|STATE004:response.Cookies.Append("theme", "dark", new CookieOptions { HttpOnly = false, Secure = true })|};
        }
        """);

    [Fact]
    public Task HttpOnly_false_assigned_to_a_local_before_the_write_is_reported() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                var options = new CookieOptions { HttpOnly = true };
                options.HttpOnly = false;
                {|STATE004:response.Cookies.Append("theme", "dark", options)|};
            }
        }
        """);

    [Fact]
    public Task Options_built_but_not_passed_do_not_protect_the_cookie() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                var options = new CookieOptions { HttpOnly = true, Secure = true };
                {|STATE004:response.Cookies.Append("theme", "dark")|};
            }
        }
        """);

    [Fact]
    public Task Options_changed_after_the_write_do_not_count() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                var options = new CookieOptions();
                {|STATE004:response.Cookies.Append("theme", "dark", options)|};
                options.HttpOnly = true;
            }
        }
        """);

    [Fact]
    public Task Local_reassigned_to_fresh_options_is_reported() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                var options = new CookieOptions { HttpOnly = true };
                options = new CookieOptions();
                {|STATE004:response.Cookies.Append("theme", "dark", options)|};
            }
        }
        """);

    [Fact]
    public Task Static_readonly_options_in_another_file_are_followed() => Verify(
        """
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response) => {|STATE004:response.Cookies.Append("theme", "dark", CookieDefaults.Preferences)|};
        }
        """,
        """
        using Microsoft.AspNetCore.Http;
        static class CookieDefaults
        {
            public static readonly CookieOptions Preferences = new CookieOptions { Secure = true };
        }
        """);

    [Fact]
    public Task Static_readonly_options_with_HttpOnly_are_clean() => Verify(
        """
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response) => response.Cookies.Append("theme", "dark", CookieDefaults.Preferences);
        }
        """,
        """
        using Microsoft.AspNetCore.Http;
        static class CookieDefaults
        {
            public static CookieOptions Preferences { get; } = new() { HttpOnly = true };
        }
        """);

    [Fact]
    public Task A_factory_method_that_only_returns_options_is_followed() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            private static CookieOptions Options() => new CookieOptions { Secure = true };
            void M(HttpResponse response) => {|STATE004:response.Cookies.Append("theme", "dark", Options())|};
        }
        """);

    [Fact]
    public Task A_factory_method_setting_HttpOnly_is_clean() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            private static CookieOptions Options()
            {
                return new CookieOptions { HttpOnly = true };
            }

            void M(HttpResponse response) => response.Cookies.Append("theme", "dark", Options());
        }
        """);

    [Fact]
    public Task Copied_options_keep_what_the_original_set() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                var template = new CookieOptions { HttpOnly = false };
                {|STATE004:response.Cookies.Append("theme", "dark", new CookieOptions(template) { Secure = true })|};
            }
        }
        """);

    [Fact]
    public Task An_extension_method_helper_is_reported_where_it_appends() => Verify("""
        using Microsoft.AspNetCore.Http;
        static class ResponseExtensions
        {
            public static void SetPreference(this HttpResponse response, string key, string value) =>
                {|STATE004:response.Cookies.Append(key, value)|};
        }
        """);

    [Fact]
    public Task A_service_using_IHttpContextAccessor_is_reported() => Verify("""
        using Microsoft.AspNetCore.Http;
        class PreferenceService(IHttpContextAccessor accessor)
        {
            public void Save(string theme) => {|STATE004:accessor.HttpContext!.Response.Cookies.Append("theme", theme)|};
        }
        """);

    [Fact]
    public Task A_controller_action_is_reported() => Verify("""
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        public class PreferencesController : Controller
        {
            public IActionResult Theme(string theme)
            {
                {|STATE004:Response.Cookies.Append("theme", theme, new CookieOptions { Secure = true })|};
                return Ok();
            }
        }
        """);

    [Fact]
    public Task The_span_overload_is_reported() => Verify("""
        using System;
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                var pairs = new[] { new KeyValuePair<string, string>("a", "1"), new KeyValuePair<string, string>("b", "2") };
                {|STATE004:response.Cookies.Append(pairs.AsSpan(), new CookieOptions { Secure = true })|};
            }
        }
        """);

    [Fact]
    public Task Delete_is_never_reported() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                response.Cookies.Delete("theme");
                response.Cookies.Delete("theme", new CookieOptions());
            }
        }
        """);

    [Fact]
    public Task HttpOnly_true_is_clean() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                response.Cookies.Append("a", "1", new CookieOptions { HttpOnly = true });
                var options = new CookieOptions();
                options.HttpOnly = true;
                response.Cookies.Append("b", "2", options);
            }
        }
        """);

    [Fact]
    public Task The_XSRF_TOKEN_cookie_may_be_read_by_script() => Verify("""
        using Microsoft.AspNetCore.Antiforgery;
        using Microsoft.AspNetCore.Http;
        class C
        {
            const string CookieName = "XSRF-TOKEN";
            void M(HttpContext context, IAntiforgery antiforgery)
            {
                var tokens = antiforgery.GetAndStoreTokens(context);
                context.Response.Cookies.Append(CookieName, tokens.RequestToken!, new CookieOptions { HttpOnly = false, Secure = true });
            }
        }
        """);

    [Fact]
    public Task Allowed_cookie_names_come_from_editorconfig() =>
        Analyze.With<HttpOnlyCookieAnalyzer>("""
            using Microsoft.AspNetCore.Http;
            class C
            {
                void M(HttpResponse response)
                {
                    response.Cookies.Append("ui-state", "1");
                    {|STATE004:response.Cookies.Append("XSRF-TOKEN", "1")|};
                }
            }
            """)
            .WithOptions("STATE004.allowed_cookie_names = ui-state, spa-state")
            .Verify();

    [Fact]
    public Task Options_from_a_parameter_are_not_guessed() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, CookieOptions options) => response.Cookies.Append("theme", "dark", options);
        }
        """);

    [Fact]
    public Task Options_from_an_instance_field_are_not_guessed() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            private readonly CookieOptions _options = new();
            void M(HttpResponse response) => response.Cookies.Append("theme", "dark", _options);
        }
        """);

    [Fact]
    public Task HttpOnly_computed_at_run_time_is_unknown() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, bool strict) => response.Cookies.Append("theme", "dark", new CookieOptions { HttpOnly = strict });
        }
        """);

    [Fact]
    public Task HttpOnly_set_inside_an_if_is_unknown() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, bool strict)
            {
                var options = new CookieOptions();
                if (strict)
                {
                    options.HttpOnly = true;
                }

                response.Cookies.Append("theme", "dark", options);
            }
        }
        """);

    [Fact]
    public Task Options_handed_to_a_method_before_the_write_are_unknown() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                var options = new CookieOptions();
                Harden(options);
                response.Cookies.Append("theme", "dark", options);
            }

            static void Harden(CookieOptions options) => options.HttpOnly = true;
        }
        """);

    [Fact]
    public Task An_Append_on_another_type_is_not_a_cookie_write() => Verify("""
        namespace Microsoft.Owin
        {
            public interface IResponseCookieCollection { void Append(string key, string value); }
            public interface IOwinResponse { IResponseCookieCollection Cookies { get; } }
        }

        class C
        {
            void M(Microsoft.Owin.IOwinResponse response, System.Text.StringBuilder builder)
            {
                response.Cookies.Append("theme", "dark");
                builder.Append("theme");
            }
        }
        """);

    [Fact]
    public Task Raw_Set_Cookie_header_without_HttpOnly_is_reported() => Verify("""
        using Microsoft.AspNetCore.Http;
        using Microsoft.Net.Http.Headers;
        class C
        {
            void M(HttpResponse response, string id)
            {
                {|STATE004:response.Headers.Append("Set-Cookie", "theme=dark; Secure; SameSite=Lax")|};
                {|STATE004:response.Headers["set-cookie"] = "a=1; path=/"|};
                {|STATE004:response.Headers.SetCookie = $"id={id}; Secure"|};
                {|STATE004:response.Headers.Add(HeaderNames.SetCookie, "b=2")|};
            }
        }
        """);

    [Fact]
    public Task Raw_Set_Cookie_header_with_HttpOnly_in_any_case_is_clean() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, string id, string attributes)
            {
                response.Headers.Append("Set-Cookie", "theme=dark; secure; httponly; samesite=lax");
                response.Headers.SetCookie = $"id={id}; {attributes}";
                response.Headers.Append("X-Set-Cookie-Hint", "a=1");
            }
        }
        """);

    [Fact]
    public Task Builder_HttpOnly_false_in_AddCookie_is_reported() => Verify("""
        using Microsoft.AspNetCore.Authentication.Cookies;
        using Microsoft.Extensions.DependencyInjection;
        class Startup
        {
            public void ConfigureServices(IServiceCollection services) =>
                services.AddAuthentication().AddCookie(options =>
                {
                    {|STATE004:options.Cookie.HttpOnly = false|};
                });
        }
        """);

    [Fact]
    public Task Replacing_the_cookie_builder_resets_HttpOnly() => Verify("""
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        class Startup
        {
            public void ConfigureServices(IServiceCollection services) =>
                services.ConfigureApplicationCookie(options =>
                {
                    options.Cookie.HttpOnly = true;
                    options.Cookie = {|STATE004:new CookieBuilder { Name = "auth" }|};
                });
        }
        """);

    [Fact]
    public Task Framework_cookie_defaults_are_clean() => Verify("""
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.AddSession();
                services.AddAntiforgery();
                services.AddAuthentication().AddCookie();
                services.ConfigureApplicationCookie(options => options.Cookie.Name = "auth");
                services.AddControllersWithViews();
            }
        }
        """);

    [Fact]
    public Task The_SPA_antiforgery_cookie_builder_may_be_read_by_script() => Verify("""
        using Microsoft.Extensions.DependencyInjection;
        class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.AddAntiforgery(o => { o.Cookie.Name = "XSRF-TOKEN"; o.Cookie.HttpOnly = false; });
                services.AddAntiforgery(o => { o.Cookie.Name = "af"; {|STATE004:o.Cookie.HttpOnly = false|}; });
            }
        }
        """);

    [Fact]
    public Task Session_cookie_made_readable_by_script_is_reported() => Verify("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        class Startup
        {
            public void ConfigureServices(IServiceCollection services) =>
                services.Configure<SessionOptions>(o => {|STATE004:o.Cookie.HttpOnly = false|});
        }
        """, SessionSources.RunsSessionMiddleware);

    [Fact]
    public Task Builder_HttpOnly_false_inside_an_if_is_unknown() => Verify("""
        using Microsoft.Extensions.DependencyInjection;
        class Startup
        {
            public bool Debug { get; set; }
            public void ConfigureServices(IServiceCollection services) =>
                services.AddSession(o => { if (Debug) { o.Cookie.HttpOnly = false; } });
        }
        """);

    [Fact]
    public Task An_app_wide_policy_in_Program_covers_appended_cookies() => Analyze.With<HttpOnlyCookieAnalyzer>(
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.CookiePolicy;
        using Microsoft.AspNetCore.Http;
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.UseCookiePolicy(new CookiePolicyOptions { HttpOnly = HttpOnlyPolicy.Always });
        app.MapGet("/", (HttpContext context) => context.Response.Cookies.Append("theme", "dark"));
        app.Run();
        """,
        """
        using Microsoft.AspNetCore.Http;
        class PreferencesHelper
        {
            public static void Save(HttpResponse response) => response.Cookies.Append("theme", "dark");
        }
        """).AsProgram().Verify();

    [Fact]
    public Task A_policy_configured_through_Configure_covers_appended_cookies() => Analyze.With<HttpOnlyCookieAnalyzer>(
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.CookiePolicy;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.ConfigureCookieSettings();
        var app = builder.Build();
        app.UseCookiePolicy();
        app.MapGet("/", (HttpContext context) => context.Response.Cookies.Append("theme", "dark"));
        app.Run();

        static class CookieSetup
        {
            public static void ConfigureCookieSettings(this IServiceCollection services) =>
                services.Configure<CookiePolicyOptions>(o => o.HttpOnly = HttpOnlyPolicy.Always);
        }
        """).AsProgram().Verify();

    [Fact]
    public Task A_configured_policy_that_is_never_used_covers_nothing() => Analyze.With<HttpOnlyCookieAnalyzer>("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.CookiePolicy;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.Configure<CookiePolicyOptions>(o => o.HttpOnly = HttpOnlyPolicy.Always);
        var app = builder.Build();
        app.MapGet("/", (HttpContext context) => {|STATE004:context.Response.Cookies.Append("theme", "dark")|});
        app.Run();
        """).AsProgram().Verify();

    [Fact]
    public Task A_policy_with_HttpOnly_None_covers_nothing() => Analyze.With<HttpOnlyCookieAnalyzer>("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.CookiePolicy;
        using Microsoft.AspNetCore.Http;
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.UseCookiePolicy(new CookiePolicyOptions { HttpOnly = HttpOnlyPolicy.None });
        app.MapGet("/", (HttpContext context) => {|STATE004:context.Response.Cookies.Append("theme", "dark")|});
        app.Run();
        """).AsProgram().Verify();

    [Fact]
    public Task Middleware_registered_before_the_policy_is_not_covered() => Analyze.With<HttpOnlyCookieAnalyzer>("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.CookiePolicy;
        using Microsoft.AspNetCore.Http;
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.UseMiddleware<VisitorMiddleware>();
        app.Use(async (context, next) => { {|STATE004:context.Response.Cookies.Append("early", "1")|}; await next(context); });
        app.UseCookiePolicy(new CookiePolicyOptions { HttpOnly = HttpOnlyPolicy.Always });
        app.Use(async (context, next) => { context.Response.Cookies.Append("late", "1"); await next(context); });
        app.UseMiddleware<LateMiddleware>();
        app.Run();

        class VisitorMiddleware(RequestDelegate next)
        {
            public Task InvokeAsync(HttpContext context)
            {
                {|STATE004:context.Response.Cookies.Append("visitor", "1")|};
                return next(context);
            }
        }

        class LateMiddleware(RequestDelegate next)
        {
            public Task InvokeAsync(HttpContext context)
            {
                context.Response.Cookies.Append("late-visitor", "1");
                return next(context);
            }
        }
        """).AsProgram().Verify();

    [Fact]
    public Task Raw_headers_are_never_covered_by_the_policy() => Analyze.With<HttpOnlyCookieAnalyzer>("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.CookiePolicy;
        using Microsoft.AspNetCore.Http;
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.UseCookiePolicy(new CookiePolicyOptions { HttpOnly = HttpOnlyPolicy.Always });
        app.MapGet("/", (HttpContext context) => {|STATE004:context.Response.Headers.Append("Set-Cookie", "theme=dark; Secure")|});
        app.Run();
        """).AsProgram().Verify();

    [Fact]
    public Task The_policy_covers_the_auth_cookie_only_when_it_runs_before_authentication() => Analyze.With<HttpOnlyCookieAnalyzer>("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.CookiePolicy;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication().AddCookie(o => o.Cookie = {|STATE004:new CookieBuilder { Name = "auth" }|});
        var app = builder.Build();
        app.UseAuthentication();
        app.UseCookiePolicy(new CookiePolicyOptions { HttpOnly = HttpOnlyPolicy.Always });
        app.Run();
        """).AsProgram().Verify();

    [Fact]
    public Task The_message_names_the_cookie_and_the_cause() =>
        Analyze.With<HttpOnlyCookieAnalyzer>("""
            using Microsoft.AspNetCore.Http;
            class C
            {
                void M(HttpResponse response) => {|#0:response.Cookies.Append("theme", "dark", new CookieOptions { HttpOnly = false })|};
            }
            """)
            .Expecting(new Microsoft.CodeAnalysis.Testing.DiagnosticResult("STATE004", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
                .WithLocation(0)
                .WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations)
                .WithMessage("Cookie 'theme' is readable by client-side script (HttpOnly = false); set HttpOnly"))
            .Verify();

    [Fact]
    public Task A_policy_held_in_a_local_covers_appended_cookies() => Analyze.With<HttpOnlyCookieAnalyzer>("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.CookiePolicy;
        using Microsoft.AspNetCore.Http;
        var app = WebApplication.Create(args);
        var policy = new CookiePolicyOptions { Secure = CookieSecurePolicy.Always };
        policy.HttpOnly = HttpOnlyPolicy.Always;
        app.UseCookiePolicy(policy);
        app.MapGet("/", (HttpContext context) => context.Response.Cookies.Append("theme", "dark"));
        app.Run();
        """).AsProgram().Verify();

    [Fact]
    public Task A_policy_from_a_parameter_is_not_guessed() => Verify("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        public class Startup
        {
            public void Configure(IApplicationBuilder app, CookiePolicyOptions policy)
            {
                app.UseCookiePolicy(policy);
                app.Run(context => { {|STATE004:context.Response.Cookies.Append("theme", "dark")|}; return System.Threading.Tasks.Task.CompletedTask; });
            }
        }
        """);

    [Fact]
    public Task A_policy_registered_with_AddCookiePolicy_covers_appended_cookies() => Analyze.With<HttpOnlyCookieAnalyzer>("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.CookiePolicy;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCookiePolicy(o => o.HttpOnly = HttpOnlyPolicy.Always);
        var app = builder.Build();
        app.UseCookiePolicy();
        app.MapGet("/", (HttpContext context) => context.Response.Cookies.Append("theme", "dark"));
        app.Run();
        """).AsProgram().Verify();

    [Fact]
    public Task A_policy_applied_in_one_environment_only_covers_nothing() => Analyze.With<HttpOnlyCookieAnalyzer>("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.CookiePolicy;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Hosting;
        var app = WebApplication.Create(args);
        if (!app.Environment.IsDevelopment())
        {
            app.UseCookiePolicy(new CookiePolicyOptions { HttpOnly = HttpOnlyPolicy.Always });
        }

        app.MapGet("/", (HttpContext context) => {|STATE004:context.Response.Cookies.Append("theme", "dark")|});
        app.Run();
        """).AsProgram().Verify();

    [Fact]
    public Task Middleware_registered_by_an_extension_before_the_policy_is_not_covered() => Analyze.With<HttpOnlyCookieAnalyzer>("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.CookiePolicy;
        using Microsoft.AspNetCore.Http;
        var app = WebApplication.Create(args);
        app.UseVisitorTracking();
        app.UseCookiePolicy(new CookiePolicyOptions { HttpOnly = HttpOnlyPolicy.Always });
        app.UseLateTracking();
        app.Run();

        static class TrackingExtensions
        {
            public static IApplicationBuilder UseVisitorTracking(this IApplicationBuilder app) =>
                app.Use(async (context, next) => { {|STATE004:context.Response.Cookies.Append("visitor", "1")|}; await next(context); });

            public static IApplicationBuilder UseLateTracking(this IApplicationBuilder app) =>
                app.Use(async (context, next) => { context.Response.Cookies.Append("late", "1"); await next(context); });
        }
        """).AsProgram().Verify();
}
