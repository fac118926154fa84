using StateAnalyzers.CodeFixes.LimitLifetime;
using StateAnalyzers.Rules;
using StateAnalyzers.Tests.Infrastructure;

namespace StateAnalyzers.Tests.CodeFixes;

/// <summary>The STATE009 fix: the lifetime set to the configured maximum, written the way the code wrote it; Fix All in one pass.</summary>
public class LimitLifetimeTests
{
    private static CodeFixSpec<LimitLifetimeCodeFix> Limit() => Fix.With<LimitLifetimeCodeFix>(new LongLivedCookieAnalyzer());

    [Fact]
    public Task Each_factory_keeps_its_form_in_the_natural_unit() => Limit().File(
        """
        using System;
        using Microsoft.Extensions.DependencyInjection;
        static class Setup
        {
            public static void Add(IServiceCollection services)
            {
                services.AddAuthentication().AddCookie(options =>
                {
                    options.ExpireTimeSpan = {|STATE009:TimeSpan.FromDays(365)|}; // a year
                    options.Cookie.MaxAge = {|STATE009:System.TimeSpan.FromHours(9000)|};
                });
                services.AddSession(options =>
                {
                    options.IdleTimeout = {|STATE009:new TimeSpan(2, 0, 0, 0)|};
                    options.Cookie.MaxAge = {|STATE009:TimeSpan.MaxValue|};
                });
            }
        }
        """,
        """
        using System;
        using Microsoft.Extensions.DependencyInjection;
        static class Setup
        {
            public static void Add(IServiceCollection services)
            {
                services.AddAuthentication().AddCookie(options =>
                {
                    options.ExpireTimeSpan = TimeSpan.FromDays(30); // a year
                    options.Cookie.MaxAge = System.TimeSpan.FromDays(30);
                });
                services.AddSession(options =>
                {
                    options.IdleTimeout = new TimeSpan(1, 0, 0, 0);
                    options.Cookie.MaxAge = TimeSpan.FromDays(30);
                });
            }
        }
        """).Verify();

    [Fact]
    public Task A_sign_in_expiry_stays_now_plus_the_maximum() => Limit().File(
        """
        using System;
        using System.Security.Claims;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Http;
        static class Login
        {
            public static async Task Run(HttpContext context, ClaimsPrincipal user)
            {
                await context.SignInAsync(user, new AuthenticationProperties { ExpiresUtc = {|STATE009:DateTimeOffset.UtcNow.AddYears(2)|} });
                await context.SignInAsync(user, new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow.Add({|STATE009:TimeSpan.FromDays(90)|}) });
                await context.SignInAsync(user, new AuthenticationProperties { ExpiresUtc = {|STATE009:DateTimeOffset.MaxValue|} });
            }
        }
        """,
        """
        using System;
        using System.Security.Claims;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Http;
        static class Login
        {
            public static async Task Run(HttpContext context, ClaimsPrincipal user)
            {
                await context.SignInAsync(user, new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow.AddDays(30) });
                await context.SignInAsync(user, new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow.Add(TimeSpan.FromDays(30)) });
                await context.SignInAsync(user, new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow.AddDays(30) });
            }
        }
        """).Verify();

    [Fact]
    public Task The_configured_maximum_is_written_in_its_own_unit() => Limit()
        .WithOptions("STATE009.max_auth_lifetime = 12h", "STATE009.max_session_idle = 90m")
        .File(
        """
        using System;
        using Microsoft.Extensions.DependencyInjection;
        static class Setup
        {
            public static void Add(IServiceCollection services)
            {
                services.AddAuthentication().AddCookie(options => options.ExpireTimeSpan = {|STATE009:TimeSpan.FromDays(1)|});
                services.AddSession(options => options.IdleTimeout = {|STATE009:TimeSpan.FromHours(2)|});
            }
        }
        """,
        """
        using System;
        using Microsoft.Extensions.DependencyInjection;
        static class Setup
        {
            public static void Add(IServiceCollection services)
            {
                services.AddAuthentication().AddCookie(options => options.ExpireTimeSpan = TimeSpan.FromHours(12));
                services.AddSession(options => options.IdleTimeout = TimeSpan.FromMinutes(90));
            }
        }
        """).Verify();
}
