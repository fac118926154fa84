using StateAnalyzers.Rules;
using StateAnalyzers.Tests.Infrastructure;

namespace StateAnalyzers.Tests.Rules;

/// <summary>
/// Writes in code that does not fully bind (a missing type, a call being typed): when every overload the compiler
/// tried is the same cookie API, the write is judged from the arguments that did bind; a look-alike or a candidate
/// set that mixes in another API stays clean. The rule test classes point here.
/// </summary>
public class UnboundWriteTests
{
    private static Task HttpOnly(string source) => Analyze.With<HttpOnlyCookieAnalyzer>(source).IgnoringCompilerErrors().Verify();

    private static Task Sensitive(string source) => Analyze.With<SensitiveCookieAnalyzer>(source).IgnoringCompilerErrors().Verify();

    [Fact]
    public Task An_Append_with_an_argument_too_many_is_judged_from_its_options() => HttpOnly("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, string theme) =>
                {|STATE004:response.Cookies.Append("theme", theme, new CookieOptions { Secure = true }, 30)|};
        }
        """);

    [Fact]
    public Task An_Append_whose_value_has_a_missing_type_is_judged_without_options() => HttpOnly("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, ThemeSettings settings) =>
                {|STATE004:response.Cookies.Append("theme", settings)|};
        }
        """);

    [Fact]
    public Task An_unbound_Append_of_a_token_is_STATE001() => Sensitive("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, string token) =>
                {|STATE001:response.Cookies.Append("jwt", token, new CookieOptions { HttpOnly = true }, true)|};
        }
        """);

    [Fact]
    public Task An_unbound_Append_whose_options_have_a_missing_type_is_not_guessed_at() => HttpOnly("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response) =>
                response.Cookies.Append("theme", "dark", new HardenedCookieOptions(), 1);
        }
        """);

    [Fact]
    public Task An_unbound_Set_Cookie_header_append_is_judged_from_its_value() => HttpOnly("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response) =>
                {|STATE004:response.Headers.Append("Set-Cookie", "theme=dark; Secure; SameSite=Lax", 1)|};
        }
        """);

    [Fact]
    public Task An_unbound_Append_of_a_user_type_is_clean() => HttpOnly("""
        class AuditLog
        {
            public void Append(string key, string value) { }
        }

        class C
        {
            void M(AuditLog log) => log.Append("theme", 5);
        }
        """);

    [Fact]
    public Task An_unbound_Append_on_a_receiver_of_a_missing_type_is_clean() => HttpOnly("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(LegacyCookies cookies) => cookies.Append("theme", "dark");
        }
        """);

    [Fact]
    public Task An_unbound_call_whose_candidates_mix_in_another_type_is_clean() => HttpOnly("""
        using Microsoft.AspNetCore.Http;
        interface IAuditedCookies : IResponseCookies
        {
            void Append(string key, int value, string reason);
        }

        class C
        {
            void M(IAuditedCookies cookies) => cookies.Append("theme", 5);
        }
        """);

    [Fact]
    public Task An_Append_with_a_value_of_the_wrong_type_is_judged_without_options() => HttpOnly("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response) => {|STATE004:response.Cookies.Append("theme", 5)|};
        }
        """);

    [Fact]
    public Task An_unbound_Add_on_request_headers_is_clean() => HttpOnly("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpRequest request) => request.Headers.Append("Set-Cookie", "theme=dark", 1);
        }
        """);
}
