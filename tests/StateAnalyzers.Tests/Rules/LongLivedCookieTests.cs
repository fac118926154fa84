using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using StateAnalyzers.Rules;
using StateAnalyzers.Tests.Infrastructure;

namespace StateAnalyzers.Tests.Rules;

/// <summary>
/// The analyzer of STATE009 (authentication or session cookie lives too long): positives and the tricky clean cases.
/// The fix is tested in <see cref="CodeFixes.LimitLifetimeTests"/>.
/// </summary>
public class LongLivedCookieTests
{
    private static Task Verify(string source) => Analyze.With<LongLivedCookieAnalyzer>(source).Verify();

    private static DiagnosticResult Expected(int location, string message) =>
        new DiagnosticResult("STATE009", DiagnosticSeverity.Warning).WithLocation(location).WithMessage(message);

    [Fact]
    public Task A_year_long_authentication_cookie_is_reported_with_its_lifetime_and_the_maximum() =>
        Analyze.With<LongLivedCookieAnalyzer>("""
            using System;
            using Microsoft.Extensions.DependencyInjection;
            static class Auth
            {
                public static void Add(IServiceCollection services) =>
                    services.AddAuthentication().AddCookie(options => options.ExpireTimeSpan = {|#0:TimeSpan.FromDays(365)|});
            }
            """)
            .Expecting(Expected(0, "'ExpireTimeSpan' keeps the authentication cookie for 365 days, longer than the maximum of 30 days (STATE009.max_auth_lifetime); shorten it"))
            .Verify();

    [Fact]
    public Task Every_lifetime_of_the_auth_and_session_options_is_judged() => Verify("""
        using System;
        using Microsoft.AspNetCore.Authentication.Cookies;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        static class Setup
        {
            public static void Add(IServiceCollection services)
            {
                services.AddSession(options =>
                {
                    options.IdleTimeout = {|STATE009:TimeSpan.FromHours(48)|};
                    options.Cookie.MaxAge = {|STATE009:TimeSpan.FromDays(90)|};
                });
                services.ConfigureApplicationCookie(options =>
                {
                    options.Cookie.MaxAge = {|STATE009:new TimeSpan(60, 0, 0, 0)|};
                    options.ExpireTimeSpan = {|STATE009:TimeSpan.MaxValue|};
                });
                services.Configure<CookieAuthenticationOptions>("Cookies", o => o.ExpireTimeSpan = {|STATE009:TimeSpan.FromMinutes(60 * 24 * 31)|});
                services.Configure<SessionOptions>(o => o.IdleTimeout = {|STATE009:TimeSpan.FromDays(2)|});
            }
        }
        """);

    [Fact]
    public Task Options_builders_and_DateTime_expiries_are_judged_too() => Verify("""
        using System;
        using System.Security.Claims;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Authentication.Cookies;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        static class Setup
        {
            public static void Add(IServiceCollection services)
            {
                services.AddOptions<CookieAuthenticationOptions>("Cookies").Configure(o => o.ExpireTimeSpan = {|STATE009:TimeSpan.FromDays(90)|});
                services.PostConfigure<CookieAuthenticationOptions>("Cookies", o => o.Cookie.MaxAge = {|STATE009:TimeSpan.FromDays(45)|});
            }

            public static Task Login(HttpContext context, ClaimsPrincipal user)
            {
                var properties = new AuthenticationProperties { IsPersistent = true };
                properties.ExpiresUtc = {|STATE009:DateTime.UtcNow.AddMonths(6)|};
                return context.SignInAsync(user, properties);
            }
        }
        """);

    [Fact]
    public Task The_session_idle_timeout_message_names_the_idle_maximum() =>
        Analyze.With<LongLivedCookieAnalyzer>("""
            using System;
            using Microsoft.Extensions.DependencyInjection;
            static class Setup
            {
                public static void Add(IServiceCollection services) =>
                    services.AddSession(options => options.IdleTimeout = {|#0:TimeSpan.FromDays(7)|});
            }
            """)
            .Expecting(Expected(0, "'IdleTimeout' keeps the idle session for 7 days, longer than the maximum of 1 day (STATE009.max_session_idle); shorten it"))
            .Verify();

    [Fact]
    public Task A_constant_ExpiresUtc_at_a_sign_in_is_reported() => Verify("""
        using System;
        using System.Security.Claims;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Mvc;
        public class AccountController : Controller
        {
            public async Task<IActionResult> Login(ClaimsPrincipal user)
            {
                await HttpContext.SignInAsync("Cookies", user, new AuthenticationProperties
                {
                    IsPersistent = true,
                    ExpiresUtc = {|STATE009:DateTimeOffset.UtcNow.AddYears(1)|},
                });
                var remembered = new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow + {|STATE009:TimeSpan.FromDays(120)|} };
                await HttpContext.SignInAsync(user, remembered);
                var forever = new AuthenticationProperties();
                forever.ExpiresUtc = {|STATE009:DateTimeOffset.MaxValue|};
                return SignIn(user, forever, "Cookies");
            }
        }
        """);

    [Fact]
    public Task Exactly_the_maximum_and_shorter_lifetimes_are_clean() => Verify("""
        using System;
        using System.Security.Claims;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        static class Setup
        {
            public static void Add(IServiceCollection services)
            {
                services.AddSession(options => options.IdleTimeout = TimeSpan.FromHours(24));
                services.AddAuthentication().AddCookie(options =>
                {
                    options.ExpireTimeSpan = TimeSpan.FromDays(30);
                    options.Cookie.MaxAge = new TimeSpan(720, 0, 0);
                    options.SlidingExpiration = true;
                });
            }

            public static Task SignIn(HttpContext context, ClaimsPrincipal user) =>
                context.SignInAsync(user, new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow.AddDays(30) });
        }
        """);

    [Fact]
    public Task Lifetimes_from_configuration_or_computed_at_run_time_are_unknown_and_clean() => Verify("""
        using System;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        static class Setup
        {
            public static void Add(IServiceCollection services, IConfiguration configuration, int days)
            {
                services.AddAuthentication().AddCookie(options =>
                {
                    options.ExpireTimeSpan = TimeSpan.FromDays(configuration.GetValue<int>("Auth:LifetimeDays"));
                    options.Cookie.MaxAge = configuration.GetValue<TimeSpan>("Auth:MaxAge");
                });
                services.AddSession(options => options.IdleTimeout = TimeSpan.FromDays(days));
            }
        }
        """);

    [Fact]
    public Task The_last_write_wins_and_a_write_inside_an_if_is_unknown() => Verify("""
        using System;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        static class Setup
        {
            public static void Add(IServiceCollection services, bool development)
            {
                services.AddAuthentication().AddCookie(options =>
                {
                    options.ExpireTimeSpan = TimeSpan.FromDays(365);
                    options.ExpireTimeSpan = TimeSpan.FromDays(14);
                    options.Cookie.MaxAge = TimeSpan.FromDays(400);
                    options.Cookie = new CookieBuilder { Name = "auth" };
                });
                services.AddSession(options =>
                {
                    if (development)
                    {
                        options.IdleTimeout = TimeSpan.FromDays(30);
                    }
                });
                services.AddSession(options =>
                {
                    options.Cookie = new CookieBuilder { Name = "s", MaxAge = {|STATE009:TimeSpan.FromDays(31)|} };
                });
            }
        }
        """);

    [Fact]
    public Task Other_cookies_and_look_alike_properties_are_not_judged() => Verify("""
        using System;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        class Options { public TimeSpan ExpireTimeSpan { get; set; } public TimeSpan IdleTimeout { get; set; } }
        static class Setup
        {
            public static void Add(IServiceCollection services, Action<Action<Options>> configure, HttpResponse response)
            {
                services.AddAntiforgery(options => options.Cookie.MaxAge = TimeSpan.FromDays(365));
                configure(o => { o.ExpireTimeSpan = TimeSpan.FromDays(365); o.IdleTimeout = TimeSpan.MaxValue; });
                response.Cookies.Append("theme", "dark", new CookieOptions { MaxAge = TimeSpan.FromDays(365) });
            }
        }
        """);

    [Fact]
    public Task The_options_set_the_maximums() =>
        Analyze.With<LongLivedCookieAnalyzer>("""
            using System;
            using Microsoft.Extensions.DependencyInjection;
            static class Setup
            {
                public static void Add(IServiceCollection services)
                {
                    services.AddAuthentication().AddCookie(options => options.ExpireTimeSpan = {|STATE009:TimeSpan.FromHours(13)|});
                    services.AddAuthentication().AddCookie("Short", options => options.ExpireTimeSpan = TimeSpan.FromHours(12));
                    services.AddSession(options => options.IdleTimeout = {|STATE009:TimeSpan.FromMinutes(31)|});
                    services.AddSession(options => options.IdleTimeout = TimeSpan.FromMinutes(30));
                }
            }
            """)
            .WithOptions("STATE009.max_auth_lifetime = 12h", "STATE009.max_session_idle = 00:30:00")
            .Verify();

    [Fact]
    public Task An_option_that_does_not_parse_keeps_the_default() =>
        Analyze.With<LongLivedCookieAnalyzer>("""
            using System;
            using Microsoft.Extensions.DependencyInjection;
            static class Setup
            {
                public static void Add(IServiceCollection services)
                {
                    services.AddAuthentication().AddCookie(options => options.ExpireTimeSpan = TimeSpan.FromDays(30));
                    services.AddAuthentication().AddCookie("b", options => options.ExpireTimeSpan = {|STATE009:TimeSpan.FromDays(31)|});
                }
            }
            """)
            .WithOptions("STATE009.max_auth_lifetime = a month", "STATE009.max_session_idle = -1d")
            .Verify();
}
