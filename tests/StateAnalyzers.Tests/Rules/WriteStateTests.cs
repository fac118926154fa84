using StateAnalyzers.Rules;
using StateAnalyzers.Tests.Infrastructure;

namespace StateAnalyzers.Tests.Rules;

/// <summary>
/// Every write is judged on the state at that write (RULES.md), for STATE004-006: one <c>CookieOptions</c> written
/// several times and changed in between, locals holding constants, deconstruction, and the calls that do not change
/// the options. The rule test classes point here; deletes are in <see cref="CookieDeleteTests"/>.
/// </summary>
public class WriteStateTests
{
    private static Task HttpOnly(string source) => Analyze.With<HttpOnlyCookieAnalyzer>(source).Verify();

    private static Task Secure(string source) => Analyze.With<SecureCookieAnalyzer>(source).Verify();

    private static Task SameSite(string source) => Analyze.With<SameSiteCookieAnalyzer>(source).Verify();

    // ---- One options object, several writes ----

    [Fact]
    public Task A_second_write_of_reused_options_is_reported_for_HttpOnly() => HttpOnly("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                var options = new CookieOptions { Secure = true };
                {|STATE004:response.Cookies.Append("a", "1", options)|};
                options.Secure = true;
                {|STATE004:response.Cookies.Append("b", "2", options)|};
            }
        }
        """);

    [Fact]
    public Task A_second_write_of_reused_options_is_reported_for_SameSite() => SameSite("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                var options = new CookieOptions { Secure = true };
                {|STATE006:response.Cookies.Append("a", "1", options)|};
                options.Path = "/x";
                {|STATE006:response.Cookies.Append("b", "2", options)|};
            }
        }
        """);

    [Fact]
    public Task A_flag_set_before_both_writes_holds_for_both() => HttpOnly("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                var options = new CookieOptions();
                options.HttpOnly = true;
                response.Cookies.Append("a", "1", options);
                response.Cookies.Append("b", "2", options);
            }
        }
        """);

    [Fact]
    public Task A_flag_set_between_two_writes_holds_only_for_the_second() => HttpOnly("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                var options = new CookieOptions();
                {|STATE004:response.Cookies.Append("a", "1", options)|};
                options.HttpOnly = true;
                response.Cookies.Append("b", "2", options);
            }
        }
        """);

    [Fact]
    public Task A_flag_weakened_between_two_writes_is_reported_only_on_the_second() => HttpOnly("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                var options = new CookieOptions { HttpOnly = true };
                response.Cookies.Append("a", "1", options);
                options.HttpOnly = false;
                {|STATE004:response.Cookies.Append("b", "2", options)|};
            }
        }
        """);

    [Fact]
    public Task A_flag_set_inside_an_if_between_two_writes_is_unknown_for_the_second() => HttpOnly("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, bool internalOnly)
            {
                var options = new CookieOptions();
                {|STATE004:response.Cookies.Append("a", "1", options)|};
                if (internalOnly)
                {
                    options.HttpOnly = true;
                }

                response.Cookies.Append("b", "2", options);
            }
        }
        """);

    [Fact]
    public Task A_flag_set_inside_a_loop_between_two_writes_is_unknown_for_the_second() => SameSite("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, string[] modes)
            {
                var options = new CookieOptions();
                {|STATE006:response.Cookies.Append("a", "1", options)|};
                foreach (var mode in modes)
                {
                    options.SameSite = SameSiteMode.Strict;
                }

                response.Cookies.Append("b", "2", options);
            }
        }
        """);

    [Fact]
    public Task A_flag_set_inside_a_try_with_a_catch_is_unknown_after_the_try() => HttpOnly("""
        using System;
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, Func<bool> load)
            {
                var options = new CookieOptions { HttpOnly = true };
                try
                {
                    load();
                    options.HttpOnly = false;
                }
                catch (InvalidOperationException)
                {
                }

                response.Cookies.Append("b", "2", options);
            }
        }
        """);

    [Fact]
    public Task A_flag_set_inside_a_try_is_known_for_a_write_in_the_same_try() => HttpOnly("""
        using System;
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                var options = new CookieOptions { HttpOnly = true };
                try
                {
                    options.HttpOnly = false;
                    {|STATE004:response.Cookies.Append("b", "2", options)|};
                }
                catch (InvalidOperationException)
                {
                }
            }
        }
        """);

    [Fact]
    public Task A_flag_set_later_in_a_loop_around_the_write_is_unknown_for_the_next_turn() => HttpOnly("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, string[] names)
            {
                var options = new CookieOptions();
                foreach (var name in names)
                {
                    response.Cookies.Append(name, "1", options);
                    options.HttpOnly = true;
                }
            }
        }
        """);

    [Fact]
    public Task Options_created_inside_the_loop_start_again_on_every_turn() => HttpOnly("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, string[] names)
            {
                foreach (var name in names)
                {
                    var options = new CookieOptions();
                    {|STATE004:response.Cookies.Append(name, "1", options)|};
                    options.HttpOnly = true;
                }
            }
        }
        """);

    [Fact]
    public Task Options_replaced_between_two_writes_are_judged_afresh() => HttpOnly("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                var options = new CookieOptions { HttpOnly = true };
                response.Cookies.Append("a", "1", options);
                options = new CookieOptions { Secure = true };
                {|STATE004:response.Cookies.Append("b", "2", options)|};
            }
        }
        """);

    [Fact]
    public Task Options_replaced_inside_an_if_are_unknown_for_the_next_write() => HttpOnly("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, CookieOptions configured, bool useConfigured)
            {
                var options = new CookieOptions();
                if (useConfigured)
                {
                    options = configured;
                }

                response.Cookies.Append("b", "2", options);
            }
        }
        """);

    // ---- Calls that do not change the options, and calls that may ----

    [Fact]
    public Task Options_passed_to_Delete_before_the_Append_keep_their_attributes() => HttpOnly("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                var options = new CookieOptions { Secure = true, SameSite = SameSiteMode.Lax };
                response.Cookies.Delete("old-theme", options);
                {|STATE004:response.Cookies.Append("theme", "dark", options)|};
            }
        }
        """);

    [Fact]
    public Task Options_copied_by_the_CookieOptions_constructor_keep_their_attributes() => HttpOnly("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                var options = new CookieOptions();
                var strict = new CookieOptions(options) { HttpOnly = true };
                response.Cookies.Append("a", "1", strict);
                {|STATE004:response.Cookies.Append("b", "2", options)|};
            }
        }
        """);

    [Fact]
    public Task A_copy_is_taken_as_the_original_stands_at_the_copy() => HttpOnly("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                var options = new CookieOptions { HttpOnly = true };
                var copy = new CookieOptions(options);
                options.HttpOnly = false;
                response.Cookies.Append("a", "1", copy);
            }
        }
        """);

    [Fact]
    public Task Options_passed_to_a_method_in_source_before_the_write_are_unknown() => HttpOnly("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                var options = new CookieOptions();
                Harden(options);
                response.Cookies.Append("a", "1", options);
            }

            static void Harden(CookieOptions options) => options.HttpOnly = true;
        }
        """);

    [Fact]
    public Task Options_changed_through_another_variable_are_unknown() => HttpOnly("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                var options = new CookieOptions();
                var alias = options;
                alias.HttpOnly = true;
                response.Cookies.Append("a", "1", options);
            }
        }
        """);

    // ---- Locals and constants holding a known value ----

    [Fact]
    public Task A_local_holding_false_is_false() => Secure("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                var options = new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax };
                bool secure = false;
                options.Secure = secure;
                {|STATE005:response.Cookies.Append("a", "1", options)|};
            }
        }
        """);

    [Fact]
    public Task A_const_local_in_the_initializer_is_folded() => HttpOnly("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                const bool readableByScript = false;
                {|STATE004:response.Cookies.Append("a", "1", new CookieOptions { HttpOnly = readableByScript })|};
            }
        }
        """);

    [Fact]
    public Task A_local_holding_true_protects_the_cookie() => HttpOnly("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                var httpOnly = true;
                response.Cookies.Append("a", "1", new CookieOptions { HttpOnly = httpOnly });
            }
        }
        """);

    [Fact]
    public Task A_local_holding_an_enum_constant_is_folded() => SameSite("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                var mode = SameSiteMode.Unspecified;
                var options = new CookieOptions { HttpOnly = true, Secure = true };
                options.SameSite = mode;
                {|STATE006:response.Cookies.Append("a", "1", options)|};
            }
        }
        """);

    [Fact]
    public Task A_local_reassigned_inside_an_if_is_unknown() => HttpOnly("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, bool fromScript)
            {
                var httpOnly = false;
                if (!fromScript)
                {
                    httpOnly = true;
                }

                response.Cookies.Append("a", "1", new CookieOptions { HttpOnly = httpOnly });
            }
        }
        """);

    [Fact]
    public Task A_local_is_read_as_it_stands_at_the_assignment() => HttpOnly("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                var httpOnly = false;
                var options = new CookieOptions { HttpOnly = httpOnly };
                httpOnly = true;
                {|STATE004:response.Cookies.Append("a", "1", options)|};
            }
        }
        """);

    [Fact]
    public Task A_local_changed_inside_a_lambda_is_unknown() => HttpOnly("""
        using System;
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, Action<Action> run)
            {
                var httpOnly = false;
                run(() => httpOnly = true);
                response.Cookies.Append("a", "1", new CookieOptions { HttpOnly = httpOnly });
            }
        }
        """);

    [Fact]
    public Task A_local_computed_at_run_time_is_unknown() => HttpOnly("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                var httpOnly = response.HttpContext.Request.IsHttps;
                response.Cookies.Append("a", "1", new CookieOptions { HttpOnly = httpOnly });
            }
        }
        """);

    // ---- Deconstruction ----

    [Fact]
    public Task A_deconstruction_assigning_false_is_an_assignment() => Secure("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                var options = new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax };
                int count;
                (options.Secure, count) = (false, 0);
                {|STATE005:response.Cookies.Append("a", count.ToString(), options)|};
            }
        }
        """);

    [Fact]
    public Task A_deconstruction_assigning_true_protects_the_cookie() => Secure("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                var options = new CookieOptions();
                (options.Secure, options.HttpOnly) = (true, true);
                response.Cookies.Append("a", "1", options);
            }
        }
        """);

    [Fact]
    public Task A_deconstruction_of_a_computed_tuple_is_unknown() => Secure("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                var options = new CookieOptions();
                (options.Secure, options.HttpOnly) = Read();
                response.Cookies.Append("a", "1", options);
            }

            static (bool, bool) Read() => (true, true);
        }
        """);

    [Fact]
    public Task A_local_declared_by_deconstruction_is_folded() => Secure("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                var (secure, days) = (false, 30);
                {|STATE005:response.Cookies.Append("a", days.ToString(), new CookieOptions { HttpOnly = true, Secure = secure, SameSite = SameSiteMode.Lax })|};
            }
        }
        """);

    [Fact]
    public Task Options_declared_by_deconstruction_are_followed() => HttpOnly("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                var (strict, loose) = (new CookieOptions { HttpOnly = true }, new CookieOptions());
                response.Cookies.Append("a", "1", strict);
                {|STATE004:response.Cookies.Append("b", "2", loose)|};
            }
        }
        """);
}
