using StateAnalyzers.Rules;
using StateAnalyzers.Tests.Infrastructure;

namespace StateAnalyzers.Tests.Rules;

/// <summary>
/// A write whose options expire the cookie at once (an Expires already past, a MaxAge of zero or less) deletes it:
/// no attribute rule judges it, nor the content rules (RULES.md: cookie deletes are never findings). The rule test
/// classes point here.
/// </summary>
public class CookieDeleteTests
{
    private static async Task NoAttributeFinding(string source)
    {
        await Analyze.With<HttpOnlyCookieAnalyzer>(source).Verify();
        await Analyze.With<SecureCookieAnalyzer>(source).Verify();
        await Analyze.With<SameSiteCookieAnalyzer>(source).Verify();
    }

    private static string Writing(string options) => $$"""
        using System;
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response) => response.Cookies.Append("consent", ".", {{options}});
        }
        """;

    [Theory]
    [InlineData("new CookieOptions { Expires = new DateTime(2000, 1, 1) }")]
    [InlineData("new CookieOptions { Expires = new DateTimeOffset(1999, 12, 31, 23, 59, 59, TimeSpan.Zero) }")]
    [InlineData("new CookieOptions { Expires = DateTimeOffset.UnixEpoch }")]
    [InlineData("new CookieOptions { Expires = DateTime.UnixEpoch }")]
    [InlineData("new CookieOptions { Expires = DateTime.MinValue }")]
    [InlineData("new CookieOptions { Expires = DateTimeOffset.UtcNow.AddDays(-1) }")]
    [InlineData("new CookieOptions { Expires = DateTime.Now.AddYears(-1) }")]
    [InlineData("new CookieOptions { Expires = DateTimeOffset.UtcNow - TimeSpan.FromHours(1) }")]
    [InlineData("new CookieOptions { Expires = DateTime.UtcNow.Subtract(TimeSpan.FromDays(1)) }")]
    [InlineData("new CookieOptions { Expires = DateTime.UtcNow }")]
    [InlineData("new CookieOptions { MaxAge = TimeSpan.Zero }")]
    [InlineData("new CookieOptions { MaxAge = TimeSpan.FromSeconds(-1) }")]
    [InlineData("new CookieOptions { MaxAge = new TimeSpan(0) }")]
    public Task A_write_that_expires_the_cookie_at_once_is_a_delete(string options) => NoAttributeFinding(Writing(options));

    [Fact]
    public Task A_past_Expires_assigned_to_a_local_before_the_write_is_a_delete() => NoAttributeFinding("""
        using System;
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                var expired = DateTimeOffset.UtcNow.AddDays(-1);
                var options = new CookieOptions { Path = "/" };
                options.Expires = expired;
                response.Cookies.Append("consent", string.Empty, options);
            }
        }
        """);

    [Fact]
    public Task A_raw_header_with_Max_Age_zero_or_a_past_Expires_is_a_delete() => NoAttributeFinding("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                response.Headers.Append("Set-Cookie", "consent=; Max-Age=0; Path=/");
                response.Headers.Append("Set-Cookie", "theme=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/");
            }
        }
        """);

    [Fact]
    public Task A_raw_header_Expires_a_browser_cannot_read_deletes_nothing() => Analyze.With<HttpOnlyCookieAnalyzer>("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                // RFC 6265 5.1.1 finds no time in "1/1/2000": the browser ignores the attribute and keeps the cookie.
                {|STATE004:response.Headers.Append("Set-Cookie", "theme=dark; Expires=1/1/2000; Secure; SameSite=Lax")|};
                response.Headers.Append("Set-Cookie", "theme=; Expires=Sat, 01 Jan 2000 00:00:00 GMT; Secure; SameSite=Lax");
            }
        }
        """).Verify();

    [Fact]
    public Task A_sensitive_cookie_deleted_by_a_past_Expires_is_not_STATE001() => Analyze.With<SensitiveCookieAnalyzer>("""
        using System;
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response) => response.Cookies.Append("jwt", string.Empty, new CookieOptions { Expires = DateTimeOffset.UnixEpoch });
        }
        """).Verify();

    [Theory]
    [InlineData("new CookieOptions { Secure = true, SameSite = SameSiteMode.Lax, Expires = DateTimeOffset.UtcNow.AddDays(30) }")]
    [InlineData("new CookieOptions { Secure = true, SameSite = SameSiteMode.Lax, Expires = new DateTime(2999, 1, 1) }")]
    [InlineData("new CookieOptions { Secure = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(1) }")]
    [InlineData("new CookieOptions { Secure = true, SameSite = SameSiteMode.Lax, Expires = DateTime.MaxValue }")]
    public Task A_lifetime_ahead_is_not_a_delete(string options) => Analyze.With<HttpOnlyCookieAnalyzer>($$"""
        using System;
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response) => {|STATE004:response.Cookies.Append("consent", "yes", {{options}})|};
        }
        """).Verify();

    [Fact]
    public Task An_Expires_from_a_parameter_or_set_only_sometimes_is_not_a_delete() => Analyze.With<HttpOnlyCookieAnalyzer>("""
        using System;
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, DateTimeOffset until, bool forget)
            {
                {|STATE004:response.Cookies.Append("consent", "yes", new CookieOptions { Expires = until })|};
                var options = new CookieOptions();
                if (forget)
                {
                    options.Expires = DateTimeOffset.UnixEpoch;
                }

                {|STATE004:response.Cookies.Append("theme", "dark", options)|};
            }
        }
        """).Verify();
}
