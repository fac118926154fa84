using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using StateAnalyzers.CodeFixes.TightenCookie;
using StateAnalyzers.Rules;
using StateAnalyzers.Tests.Infrastructure;

namespace StateAnalyzers.Tests.CodeFixes;

/// <summary>
/// The STATE010 fix (the TightenCookie fix's edits for the browser's limits): Secure added, Path set to <c>/</c>, Domain
/// removed, the lifetime capped at 400 days, in <c>CookieOptions</c>, builders and raw header literals; Fix All.
/// </summary>
public class BrowserLimitFixTests
{
    private static CodeFixSpec<TightenCookieCodeFix> Browser() => Fix.With<TightenCookieCodeFix>(new BrowserRejectedCookieAnalyzer());

    private static DiagnosticResult Capped(int location) =>
        new DiagnosticResult("STATE010", DiagnosticSeverity.Info).WithLocation(location).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    [Fact]
    public Task A_bare_Append_of_a_prefixed_cookie_gets_options_with_Secure_only() => Browser().File(
        """
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response) => {|STATE010:response.Cookies.Append("__Host-theme", "dark")|};
        }
        """,
        """
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response) => response.Cookies.Append("__Host-theme", "dark", new CookieOptions { Secure = true });
        }
        """).Verify();

    [Fact]
    public Task Secure_Path_and_Domain_are_fixed_in_the_initializer() => Browser().File(
        """
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response) =>
                {|STATE010:{|STATE010:{|STATE010:response.Cookies.Append("__Host-id", "1", new CookieOptions { Secure = false, Domain = "example.com", Path = "/account", HttpOnly = true })|}|}|};
        }
        """,
        """
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response) =>
                response.Cookies.Append("__Host-id", "1", new CookieOptions { Secure = true, Path = "/", HttpOnly = true });
        }
        """).Verify();

    [Fact]
    public Task A_Domain_assignment_statement_is_removed_and_a_Path_assignment_corrected() => Browser().File(
        """
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                var options = new CookieOptions { Secure = true };
                options.Domain = "example.com";
                options.Path = "/account"; // only for the account pages
                {|STATE010:{|STATE010:response.Cookies.Append("__Host-id", "1", options)|}|};
            }
        }
        """,
        """
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                var options = new CookieOptions { Secure = true };
                options.Path = "/";
                response.Cookies.Append("__Host-id", "1", options);
            }
        }
        """).Verify();

    [Fact]
    public Task A_session_builder_gets_SecurePolicy_Always_and_its_Path_corrected() => Browser().File(
        """
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                {|STATE010:services.AddSession(o =>
                {
                    o.Cookie.Name = "__Host-session";
                    {|STATE010:o.Cookie.Path = "/shop"|};
                })|};
            }
        }
        """,
        """
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.AddSession(o =>
                {
                    o.Cookie.Name = "__Host-session";
                    o.Cookie.Path = "/";
                    o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                });
            }
        }
        """).File(SessionSources.RunsSessionMiddleware, SessionSources.RunsSessionMiddleware).Verify();

    [Fact]
    public Task A_raw_header_is_fixed_in_its_literal() => Browser().File(
        """
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, string id) =>
                {|STATE010:{|STATE010:response.Headers.Append("Set-Cookie", $"__Host-id={id}; Domain=example.com; Path=/account; Secure; HttpOnly")|}|};
        }
        """,
        """
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, string id) =>
                response.Headers.Append("Set-Cookie", $"__Host-id={id}; Secure; HttpOnly; Path=/");
        }
        """).Verify();

    [Fact]
    public Task No_fix_removes_a_Domain_the_literal_does_not_hold() => Browser().File(
        """
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, string id) =>
                {|STATE010:response.Headers.Append("Set-Cookie", "__Host-id=1; Domain=example.com; Secure; Path=/" + id + "; HttpOnly")|};
        }
        """,
        """
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, string id) =>
                {|STATE010:response.Headers.Append("Set-Cookie", "__Host-id=1; Domain=example.com; Secure; Path=/" + id + "; HttpOnly")|};
        }
        """).Verify();

    [Fact]
    public Task Lifetimes_are_capped_at_400_days_the_way_the_code_wrote_them() => Browser().File(
        """
        using System;
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                {|#0:response.Cookies.Append("a", "1", new CookieOptions { Secure = true, MaxAge = TimeSpan.FromDays(3650) })|};
                {|#1:response.Cookies.Append("b", "1", new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(5) })|};
                var options = new CookieOptions();
                options.MaxAge = TimeSpan.MaxValue;
                {|#2:response.Cookies.Append("c", "1", options)|};
                {|#3:response.Cookies.Append("d", "1", new CookieOptions { Expires = new DateTimeOffset(2999, 1, 1, 0, 0, 0, TimeSpan.Zero) })|};
                {|#4:response.Headers.Append("Set-Cookie", "e=1; Max-Age=63072000; Secure")|};
                {|#5:response.Cookies.Append("f", "1", new CookieOptions { MaxAge = new TimeSpan(730, 0, 0, 0) })|};
            }
        }
        """,
        """
        using System;
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                response.Cookies.Append("a", "1", new CookieOptions { Secure = true, MaxAge = TimeSpan.FromDays(400) });
                response.Cookies.Append("b", "1", new CookieOptions { Expires = DateTimeOffset.UtcNow.AddDays(400) });
                var options = new CookieOptions();
                options.MaxAge = TimeSpan.FromDays(400);
                response.Cookies.Append("c", "1", options);
                response.Cookies.Append("d", "1", new CookieOptions { Expires = DateTimeOffset.UtcNow.AddDays(400) });
                response.Headers.Append("Set-Cookie", "e=1; Secure; Max-Age=34560000");
                response.Cookies.Append("f", "1", new CookieOptions { MaxAge = new TimeSpan(400, 0, 0, 0) });
            }
        }
        """).Expecting(Capped(0), Capped(1), Capped(2), Capped(3), Capped(4), Capped(5)).Verify();

    [Fact]
    public Task Fix_all_fixes_every_finding_of_the_document() => Browser().File(
        """
        using System;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        public class PreferencesController : Controller
        {
            public IActionResult Save(string theme)
            {
                {|STATE010:Response.Cookies.Append("__Secure-theme", theme, new CookieOptions { HttpOnly = true })|};
                {|STATE010:Response.Cookies.Append("__Host-lang", "en", new CookieOptions { Secure = true, Domain = "shop.example" })|};
                {|STATE010:Response.Headers.Append("Set-Cookie", "__Host-seen=1; Secure")|};
                {|#0:Response.Cookies.Append("layout", "wide", new CookieOptions { Secure = true, MaxAge = TimeSpan.FromDays(1000) })|};
                return Ok();
            }
        }
        """,
        """
        using System;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        public class PreferencesController : Controller
        {
            public IActionResult Save(string theme)
            {
                Response.Cookies.Append("__Secure-theme", theme, new CookieOptions { HttpOnly = true, Secure = true });
                Response.Cookies.Append("__Host-lang", "en", new CookieOptions { Secure = true });
                Response.Headers.Append("Set-Cookie", "__Host-seen=1; Secure; Path=/");
                Response.Cookies.Append("layout", "wide", new CookieOptions { Secure = true, MaxAge = TimeSpan.FromDays(400) });
                return Ok();
            }
        }
        """).Expecting(Capped(0)).Verify();
}
