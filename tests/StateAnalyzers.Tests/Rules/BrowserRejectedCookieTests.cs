using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using StateAnalyzers.Rules;
using StateAnalyzers.Tests.Infrastructure;

namespace StateAnalyzers.Tests.Rules;

/// <summary>
/// The analyzer of STATE010 (the browser drops a prefixed cookie or caps its lifetime): each shape and the tricky clean
/// cases next to it. The fix is tested in <see cref="CodeFixes.BrowserLimitFixTests"/>.
/// </summary>
public class BrowserRejectedCookieTests
{
    private static Task Verify(params string[] sources) => Analyze.With<BrowserRejectedCookieAnalyzer>(sources).Verify();

    private static DiagnosticResult Expected(int location, string message, DiagnosticSeverity severity = DiagnosticSeverity.Warning) =>
        new DiagnosticResult("STATE010", severity)
            .WithLocation(location)
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
            .WithMessage(message);

    private static DiagnosticResult Capped(int location, string cookie, string lifetime, string attribute) =>
        Expected(location, $"Cookie {cookie} is set to live {lifetime} ({attribute}); browsers cap a cookie's lifetime at 400 days, so it expires earlier than the code says", DiagnosticSeverity.Info);

    [Fact]
    public Task Host_cookie_without_Secure_is_reported_with_its_prefix_and_reason() =>
        Analyze.With<BrowserRejectedCookieAnalyzer>("""
            using Microsoft.AspNetCore.Http;
            class C
            {
                void M(HttpResponse response)
                {
                    {|#0:response.Cookies.Append("__Host-id", "1", new CookieOptions { HttpOnly = true })|};
                    {|#1:response.Cookies.Append("__Secure-id", "1", new CookieOptions { Secure = false })|};
                    {|#2:response.Cookies.Append("__Secure-theme", "dark")|};
                }
            }
            """)
            .Expecting(
                Expected(0, "Cookie '__Host-id' has the __Host- prefix but no Secure (Secure is not set); the browser rejects it, set Secure"),
                Expected(1, "Cookie '__Secure-id' has the __Secure- prefix but no Secure (Secure = false); the browser rejects it, set Secure"),
                Expected(2, "Cookie '__Secure-theme' has the __Secure- prefix but no Secure (Secure is not set); the browser rejects it, set Secure"))
            .Verify();

    [Fact]
    public Task Prefixes_are_matched_case_insensitively() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                {|STATE010:response.Cookies.Append("__host-id", "1")|};
                {|STATE010:response.Cookies.Append("__SECURE-id", "1")|};
                response.Cookies.Append("__host-ok", "1", new CookieOptions { Secure = true });
            }
        }
        """);

    [Fact]
    public Task Host_cookie_with_everything_right_is_clean() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                response.Cookies.Append("__Host-id", "1", new CookieOptions { Secure = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
                response.Cookies.Append("__Host-b", "1", new CookieOptions { Secure = true, Path = "/" });
                response.Cookies.Append("__Secure-c", "1", new CookieOptions { Secure = true, Domain = "example.com", Path = "/account" });
                response.Headers.Append("Set-Cookie", "__Host-d=1; Secure; Path=/; HttpOnly");
            }
        }
        """);

    [Fact]
    public Task Host_cookie_with_a_Domain_is_reported() =>
        Analyze.With<BrowserRejectedCookieAnalyzer>("""
            using Microsoft.AspNetCore.Http;
            class C
            {
                void M(HttpResponse response)
                {
                    var options = new CookieOptions { Secure = true };
                    options.Domain = "example.com";
                    {|#0:response.Cookies.Append("__Host-id", "1", options)|};
                }
            }
            """)
            .Expecting(Expected(0, "Cookie '__Host-id' has the __Host- prefix but sets Domain (Domain = \"example.com\"); the browser rejects it, remove Domain"))
            .Verify();

    [Fact]
    public Task Host_cookie_with_a_Path_other_than_root_or_none_is_reported() =>
        Analyze.With<BrowserRejectedCookieAnalyzer>("""
            using Microsoft.AspNetCore.Http;
            class C
            {
                void M(HttpResponse response)
                {
                    {|#0:response.Cookies.Append("__Host-a", "1", new CookieOptions { Secure = true, Path = "/account" })|};
                    {|#1:response.Cookies.Append("__Host-b", "1", new CookieOptions { Secure = true, Path = null })|};
                }
            }
            """)
            .Expecting(
                Expected(0, "Cookie '__Host-a' has the __Host- prefix but its Path is not / (Path = \"/account\"); the browser rejects it, set Path to /"),
                Expected(1, "Cookie '__Host-b' has the __Host- prefix but its Path is not / (Path = null); the browser rejects it, set Path to /"))
            .Verify();

    [Fact]
    public Task Each_write_is_judged_on_the_attributes_at_that_write() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                var options = new CookieOptions();
                {|STATE010:response.Cookies.Append("__Host-a", "1", options)|};
                options.Secure = true;
                response.Cookies.Append("__Host-b", "1", options);
            }
        }
        """);

    [Fact]
    public Task Raw_Set_Cookie_headers_are_read() =>
        Analyze.With<BrowserRejectedCookieAnalyzer>("""
            using Microsoft.AspNetCore.Http;
            class C
            {
                void M(HttpResponse response)
                {
                    {|#0:response.Headers.Append("Set-Cookie", "__Host-a=1; Path=/; HttpOnly")|};
                    {|#1:response.Headers.Append("Set-Cookie", "__Host-b=1; Secure; HttpOnly")|};
                    {|#2:response.Headers.Append("Set-Cookie", "__Host-c=1; Secure; Path=/; Domain=example.com")|};
                }
            }
            """)
            .Expecting(
                Expected(0, "Cookie '__Host-a' has the __Host- prefix but no Secure (the Set-Cookie header has no Secure attribute); the browser rejects it, set Secure"),
                Expected(1, "Cookie '__Host-b' has the __Host- prefix but its Path is not / (no Path attribute in the Set-Cookie header); the browser rejects it, set Path to /"),
                Expected(2, "Cookie '__Host-c' has the __Host- prefix but sets Domain (Domain=example.com in the Set-Cookie header); the browser rejects it, remove Domain"))
            .Verify();

    [Fact]
    public Task A_cookie_policy_with_Secure_Always_supplies_Secure_for_the_cookies_it_covers() => Analyze.With<BrowserRejectedCookieAnalyzer>("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.UseCookiePolicy(new CookiePolicyOptions { Secure = CookieSecurePolicy.Always });
        app.MapGet("/", (HttpContext context) =>
        {
            context.Response.Cookies.Append("__Host-id", "1");
            {|STATE010:context.Response.Headers.Append("Set-Cookie", "__Host-raw=1; Path=/")|};
        });
        app.Run();
        """).AsProgram().Verify();

    [Fact]
    public Task Secure_from_a_constant_is_known_and_from_a_variable_unknown() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            const bool UseTls = true;
            void M(HttpContext context, bool secure)
            {
                const bool on = true;
                context.Response.Cookies.Append("__Host-a", "1", new CookieOptions { Secure = on });
                context.Response.Cookies.Append("__Host-b", "1", new CookieOptions { Secure = UseTls });
                context.Response.Cookies.Append("__Host-c", "1", new CookieOptions { Secure = secure });
                context.Response.Cookies.Append("__Host-d", "1", new CookieOptions { Secure = context.Request.IsHttps });
            }
        }
        """);

    [Fact]
    public Task Unknown_names_have_no_prefix_finding() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, string name)
            {
                response.Cookies.Append(name, "1");
                response.Cookies.Append("__Host-" + name, "1", new CookieOptions { Secure = true });
            }
        }
        """);

    [Fact]
    public Task A_delete_of_a_host_cookie_is_not_judged() => Verify("""
        using System;
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                response.Cookies.Delete("__Host-id", new CookieOptions { Secure = true, Path = "/" });
                response.Cookies.Append("__Host-id", "", new CookieOptions { Secure = true, Expires = DateTimeOffset.UnixEpoch });
                response.Cookies.Append("old", "", new CookieOptions { MaxAge = TimeSpan.Zero });
            }
        }
        """);

    [Fact]
    public Task A_method_named_Append_on_another_type_is_not_a_cookie() => Verify("""
        using System;
        class Jar
        {
            public void Append(string key, string value, Microsoft.AspNetCore.Http.CookieOptions options) { }
        }
        class C
        {
            void M(Jar jar) => jar.Append("__Host-id", "1", new Microsoft.AspNetCore.Http.CookieOptions { MaxAge = TimeSpan.FromDays(1000) });
        }
        """);

    [Fact]
    public Task A_lifetime_beyond_400_days_is_an_Info_finding() =>
        Analyze.With<BrowserRejectedCookieAnalyzer>("""
            using System;
            using Microsoft.AspNetCore.Http;
            class C
            {
                void M(HttpResponse response)
                {
                    {|#0:response.Cookies.Append("layout", "wide", new CookieOptions { Secure = true, MaxAge = TimeSpan.FromDays(730) })|};
                    {|#1:response.Cookies.Append("theme", "dark", new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(5) })|};
                    {|#2:response.Cookies.Append("forever", "1", new CookieOptions { MaxAge = TimeSpan.MaxValue })|};
                    {|#3:response.Headers.Append("Set-Cookie", "raw=1; Max-Age=63072000")|};
                }
            }
            """)
            .Expecting(
                Capped(0, "'layout'", "730 days", "MaxAge"),
                Capped(1, "'theme'", "1825 days", "Expires"),
                Capped(2, "'forever'", "forever", "MaxAge"),
                Capped(3, "'raw'", "730 days", "Max-Age in the Set-Cookie header"))
            .Verify();

    [Fact]
    public Task Four_hundred_days_exactly_and_a_lifetime_from_configuration_are_clean() => Verify("""
        using System;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Configuration;
        class C
        {
            void M(HttpResponse response, IConfiguration configuration)
            {
                response.Cookies.Append("a", "1", new CookieOptions { MaxAge = TimeSpan.FromDays(400) });
                response.Cookies.Append("b", "1", new CookieOptions { Expires = DateTimeOffset.UtcNow.AddDays(400) });
                response.Cookies.Append("c", "1", new CookieOptions { MaxAge = TimeSpan.FromDays(configuration.GetValue<int>("Cookies:Days")) });
                response.Cookies.Append("d", "1", new CookieOptions { MaxAge = configuration.GetValue<TimeSpan>("Cookies:Lifetime") });
            }
        }
        """);

    [Fact]
    public Task Max_Age_decides_over_Expires() => Verify("""
        using System;
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, TimeSpan lifetime)
            {
                response.Cookies.Append("a", "1", new CookieOptions { MaxAge = TimeSpan.FromDays(30), Expires = DateTimeOffset.MaxValue });
                response.Cookies.Append("b", "1", new CookieOptions { MaxAge = lifetime, Expires = DateTimeOffset.MaxValue });
            }
        }
        """);

    [Fact]
    public Task Builder_names_with_a_prefix_are_judged_on_the_builder() => Verify("""
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                {|STATE010:services.AddSession(o => o.Cookie.Name = "__Host-session")|};
                services.AddAntiforgery(o =>
                {
                    o.Cookie.Name = "__Host-xsrf";
                    o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                    {|STATE010:o.Cookie.Path = "/app"|};
                });
                services.AddAuthentication().AddCookie(o => o.Cookie.Name = "__Host-auth");
            }
        }
        """, SessionSources.RunsSessionMiddleware);
}
