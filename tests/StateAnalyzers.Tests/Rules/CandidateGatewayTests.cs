using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using StateAnalyzers.Rules;
using StateAnalyzers.Tests.Infrastructure;

namespace StateAnalyzers.Tests.Rules;

/// <summary>
/// The rules read only the candidate nodes a syntax walk finds (CandidateIndex), then decide by symbol. The walk must be
/// a superset of what the recognizers accept: every shape the symbol-based recognizers report must still reach them,
/// however the code spells it, and look-alikes must still come out clean.
/// </summary>
public class CandidateGatewayTests
{
    /// <summary>A second file that makes the project one that uses session (STATE003 only reports in such a project).</summary>
    private const string CartUsesSession = """
        using Microsoft.AspNetCore.Http;
        public class CartStore
        {
            private readonly IHttpContextAccessor _accessor;
            public CartStore(IHttpContextAccessor accessor) => _accessor = accessor;
            public void Add(string sku) => _accessor.HttpContext!.Session.SetString("cart", sku);
        }
        """;

    private static Task HttpOnly(params string[] sources) => Analyze.With<HttpOnlyCookieAnalyzer>(sources).Verify();

    private static Task Sensitive(params string[] sources) => Analyze.With<SensitiveCookieAnalyzer>(sources).Verify();

    private static Task SignOut(params string[] sources) =>
        Analyze.With<SignOutWithoutSessionClearAnalyzer>(sources).AndSource(CartUsesSession).Verify();

    // ---- 1. The Set-Cookie header named through constants the walk must follow ----

    [Fact]
    public Task A_header_name_constant_declared_in_another_file_is_followed_by_the_indexer() => HttpOnly(
        """
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response) => {|STATE004:response.Headers[H.Cookie] = "a=b"|};
        }
        """,
        """
        static class H
        {
            public const string Cookie = "Set-Cookie";
        }
        """);

    [Fact]
    public Task A_header_name_constant_declared_in_another_file_is_followed_by_Append() => HttpOnly(
        """
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response) => {|STATE004:response.Headers.Append(H.Cookie, "a=b")|};
        }
        """,
        """
        static class H
        {
            public const string Cookie = "Set-Cookie";
        }
        """);

    [Fact]
    public Task A_header_name_constant_declared_in_another_file_is_followed_by_Add_and_TryAdd() => HttpOnly(
        """
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                {|STATE004:response.Headers.Add(H.Cookie, "a=b")|};
                {|STATE004:response.Headers.TryAdd(H.Cookie, "c=d")|};
            }
        }
        """,
        """
        static class H
        {
            public const string Cookie = "Set-Cookie";
        }
        """);

    [Fact]
    public Task A_header_name_constant_chained_through_another_constant_is_followed() => HttpOnly("""
        using Microsoft.AspNetCore.Http;
        static class Names
        {
            public const string A = "set-cookie";
            public const string B = A;
        }

        class C
        {
            const string Alias = Names.B;
            void M(HttpResponse response)
            {
                {|STATE004:response.Headers[Names.B] = "a=b"|};
                {|STATE004:response.Headers[Alias] = "c=d"|};
                {|STATE004:response.Headers.Add(Alias, "e=f")|};
            }
        }
        """);

    [Fact]
    public Task A_local_constant_naming_the_header_is_followed() => HttpOnly("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                const string header = "Set-Cookie";
                {|STATE004:response.Headers[header] = "a=b"|};
                {|STATE004:response.Headers.Add(header, "c=d")|};
            }
        }
        """);

    [Fact]
    public Task HeaderNames_SetCookie_imported_with_using_static_is_followed() => HttpOnly("""
        using Microsoft.AspNetCore.Http;
        using static Microsoft.Net.Http.Headers.HeaderNames;
        class C
        {
            void M(HttpResponse response)
            {
                {|STATE004:response.Headers[SetCookie] = "a=b"|};
                {|STATE004:response.Headers.Add(SetCookie, "c=d")|};
            }
        }
        """);

    [Fact]
    public Task A_concatenated_constant_naming_the_header_is_followed() => HttpOnly("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            const string Prefix = "Set-";
            void M(HttpResponse response)
            {
                {|STATE004:response.Headers["Set-" + "Cookie"] = "a=b"|};
                {|STATE004:response.Headers[Prefix + "Cookie"] = "c=d"|};
                {|STATE004:response.Headers.Add(("Set" + "-Cookie"), "e=f")|};
            }
        }
        """);

    [Fact]
    public Task A_header_name_from_a_conditional_or_cast_constant_is_followed() => HttpOnly("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            const bool Legacy = false;
            void M(HttpResponse response)
            {
                {|STATE004:response.Headers[Legacy ? "X-Cookie" : "Set-Cookie"] = "a=b"|};
                {|STATE004:response.Headers[(string)"Set-Cookie"] = "c=d"|};
            }
        }
        """);

    [Fact]
    public Task A_header_name_constant_in_a_referenced_project_is_followed()
    {
        var test = new CSharpAnalyzerTest<HttpOnlyCookieAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = AspNetCoreReferences.Net80,
            MarkupOptions = MarkupOptions.UseFirstDescriptor,
            TestState =
            {
                Sources =
                {
                    """
                    using Microsoft.AspNetCore.Http;
                    using Shared;
                    class C
                    {
                        void M(HttpResponse response)
                        {
                            {|STATE004:response.Headers[WebHeaders.Cookie] = "a=b"|};
                            {|STATE004:response.Headers.Add(WebHeaders.Cookie, "c=d")|};
                            {|STATE004:response.Headers.Append(WebHeaders.Cookie, "e=f")|};
                        }
                    }
                    """,
                },
                AdditionalProjectReferences = { "Shared" },
                AdditionalProjects =
                {
                    ["Shared"] =
                    {
                        Sources =
                        {
                            """
                            namespace Shared
                            {
                                public static class WebHeaders
                                {
                                    public const string Cookie = "Set-Cookie";
                                }
                            }
                            """,
                        },
                    },
                },
            },
        };
        return test.RunAsync();
    }

    // ---- 2. Look-alikes that the walk may pick up but the recognizers must reject ----

    [Fact]
    public Task Add_naming_Set_Cookie_on_a_plain_dictionary_is_clean() => HttpOnly("""
        using System.Collections.Generic;
        class C
        {
            void M()
            {
                var list = new Dictionary<string, string>();
                list.Add("Set-Cookie", "a=b");
                list.TryAdd("Set-Cookie", "c=d");
                list["Set-Cookie"] = "e=f";
            }
        }
        """);

    [Fact]
    public Task Another_response_header_is_clean() => HttpOnly("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            const string Other = "X-Other";
            void M(HttpResponse response)
            {
                response.Headers["X-Other"] = "a=b";
                response.Headers[Other] = "a=b";
                response.Headers.Append("X-Other", "a=b");
                response.Headers.Add(Other, "a=b");
            }
        }
        """);

    [Fact]
    public Task Set_Cookie_on_the_request_headers_is_clean() => HttpOnly("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpRequest request)
            {
                request.Headers["Set-Cookie"] = "a=b";
                request.Headers.Append("Set-Cookie", "a=b");
            }
        }
        """);

    [Fact]
    public Task StringBuilder_Append_with_two_arguments_is_clean() => HttpOnly("""
        using System.Text;
        class C
        {
            void M(StringBuilder builder)
            {
                builder.Append('x', 2);
                builder.Append("Set-Cookie: a=b", 0, 10);
            }
        }
        """);

    [Fact]
    public Task An_Append_method_of_a_user_type_taking_two_strings_is_clean() => HttpOnly("""
        class Ledger
        {
            public void Append(string key, string value) { }
        }

        class C
        {
            void M(Ledger ledger) => ledger.Append("Set-Cookie", "a=b");
        }
        """);

    [Fact]
    public Task An_Append_method_of_a_user_type_is_not_a_cookie_helper() => Sensitive("""
        class Ledger
        {
            private readonly System.Collections.Generic.Dictionary<string, string> _entries = new();
            public void Append(string key, string value) => _entries[key] = value;
        }

        class C
        {
            void M(Ledger ledger, string password) => ledger.Append("auth_token", password);
        }
        """);

    // ---- 3. Cookie helpers in source, reported at their call sites ----

    [Fact]
    public Task A_helper_named_Add_is_reported_where_the_secret_is_passed() => Sensitive("""
        using Microsoft.AspNetCore.Mvc;
        public class AccountController : Controller
        {
            private void Add(string key, string value) => Response.Cookies.Append(key, value);

            public IActionResult Login(string token)
            {
                {|STATE001:Add("token", token)|};
                return Ok();
            }
        }
        """);

    [Fact]
    public Task A_helper_spelling_Append_with_a_unicode_escape_is_still_a_helper() => Sensitive("""
        using Microsoft.AspNetCore.Mvc;
        public class AccountController : Controller
        {
            private void Remember(string key, string value) => Response.Cookies.App\u0065nd(key, value);

            public IActionResult Login(string token)
            {
                {|STATE001:Remember("token", token)|};
                return Ok();
            }
        }
        """);

    [Fact]
    public Task A_helper_declared_as_a_local_function_is_reported_where_the_secret_is_passed() => Sensitive("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void Login(HttpResponse response, string password)
            {
                {|STATE001:Add("remember", password)|};

                void Add(string key, string value) => response.Cookies.Append(key, value);
            }
        }
        """);

    [Fact]
    public Task A_helper_declared_as_a_local_function_in_top_level_statements_is_reported() => Analyze.With<SensitiveCookieAnalyzer>("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        var app = WebApplication.Create(args);
        app.MapPost("/login", (HttpContext context, string password) =>
        {
            void Keep(string key, string value) => context.Response.Cookies.Append(key, value);
            {|STATE001:Keep("remember", password)|};
        });
        app.Run();
        """).AsProgram().Verify();

    [Fact]
    public Task A_helper_called_through_another_helper_is_reported_at_the_outer_call_site() => Sensitive("""
        using Microsoft.AspNetCore.Http;
        class Jar
        {
            private readonly HttpResponse _response;
            public Jar(HttpResponse response) => _response = response;
            public void Put(string key, string value) => Store(key, value);
            private void Store(string key, string value) => _response.Cookies.Append(key, value);
        }

        class C
        {
            void M(Jar jar, string password, string theme)
            {
                {|STATE001:jar.Put("remember", password)|};
                jar.Put("theme", theme);
            }
        }
        """);

    [Fact]
    public Task A_helper_three_calls_away_from_Append_is_followed() => Sensitive("""
        using Microsoft.AspNetCore.Http;
        static class Jar
        {
            public static void Outer(HttpResponse response, string value) => Middle(response, value);
            static void Middle(HttpResponse response, string value) => Inner(response, "remember", value);
            static void Inner(HttpResponse response, string key, string value) => response.Cookies.Append(key, value);
        }

        class C
        {
            void M(HttpResponse response, string password) => {|STATE001:Jar.Outer(response, password)|};
        }
        """);

    [Fact]
    public Task A_helper_called_through_conditional_access_is_reported() => Sensitive("""
        using Microsoft.AspNetCore.Http;
        class Jar
        {
            public void Put(HttpResponse response, string key, string value) => response.Cookies.Append(key, value);
        }

        class C
        {
            void M(Jar? jar, HttpResponse response, string password) => jar?{|STATE001:.Put(response, "remember", password)|};
        }
        """);

    [Fact]
    public Task A_helper_appending_inside_a_lambda_is_still_a_helper() => Sensitive("""
        using System;
        using Microsoft.AspNetCore.Http;
        static class Jar
        {
            public static void Later(HttpResponse response, string key, string value) =>
                response.OnStarting(() => { response.Cookies.Append(key, value); return System.Threading.Tasks.Task.CompletedTask; });
        }

        class C
        {
            void M(HttpResponse response, string password) => {|STATE001:Jar.Later(response, "remember", password)|};
        }
        """);

    // ---- 4. Framework cookies configured through a lambda handed to any call ----

    // ---- The pipeline name filter (issue 17, item 11) ----

    [Theory]
    [InlineData("Use", true)]
    [InlineData("UseSession", true)]
    [InlineData("UseCookiePolicy", true)]
    [InlineData("UseShopDefaults", true)]
    [InlineData("UserExists", false)]
    [InlineData("UsersInRole", false)]
    [InlineData("UsedStorage", false)]
    [InlineData("UsesTwoFactor", false)]
    [InlineData("Used", false)]
    [InlineData("Usefully", false)]
    public void Only_Use_followed_by_an_upper_case_letter_may_be_a_pipeline_registration(string name, bool candidate) =>
        Assert.Equal(candidate, StateAnalyzers.Internal.SyntaxNames.IsPipelineUse(name));

    [Theory]
    [InlineData("class C { void M(D d) { d.UserExists(1); d.UsesTwoFactor(2); } }", false)]
    [InlineData("class C { void M(D d) { d.UseShopDefaults(); } }", true)]
    [InlineData("class C { void M(D d) { d.UseÜberCookies(); } }", true)]
    public void A_file_whose_Use_names_are_all_User_or_Uses_is_skipped_by_the_text_search(string source, bool mayMention) =>
        Assert.Equal(mayMention, StateAnalyzers.Internal.TreeText.MayMention(CSharpSyntaxTree.ParseText(source), new[] { "UseSession" }, StateAnalyzers.Internal.SyntaxNames.PipelineUsePrefix, prefixThenUpper: true));

    /// <summary>A wrapper around the framework's cookies (issue 17, item 6): it forwards to its own overload with fresh options.</summary>
    private const string CountingResponseCookies = """
        using Microsoft.AspNetCore.Http;
        public sealed class CountingResponseCookies : IResponseCookies
        {
            private readonly IResponseCookies _inner;
            public CountingResponseCookies(IResponseCookies inner) => _inner = inner;
            public int Count { get; private set; }
            public void Append(string key, string value) => Append(key, value, new CookieOptions());
            public void Append(string key, string value, CookieOptions options)
            {
                Count++;
                _inner.Append(key, value, options);
            }
            public void Delete(string key) => Delete(key, new CookieOptions());
            public void Delete(string key, CookieOptions options) => _inner.Delete(key, options);
            private sealed class Replay
            {
                public void Into(IResponseCookies target, string token) => target.Append("token", token, new CookieOptions());
            }
        }
        """;

    [Fact]
    public Task An_IResponseCookies_implementation_is_plumbing_while_the_app_writing_through_it_is_judged() => HttpOnly(
        CountingResponseCookies,
        """
        using Microsoft.AspNetCore.Http;
        class ThemeEndpoint
        {
            void M(HttpContext context)
            {
                IResponseCookies cookies = new CountingResponseCookies(context.Response.Cookies);
                {|STATE004:cookies.Append("theme", "dark")|};
                cookies.Append("lang", "en", new CookieOptions { HttpOnly = true });
            }
        }
        """);

    [Fact]
    public Task An_IResponseCookies_implementation_is_not_judged_for_content_either() => Sensitive(
        CountingResponseCookies,
        """
        using Microsoft.AspNetCore.Http;
        class LoginEndpoint
        {
            void M(IResponseCookies cookies, string accessToken) => {|STATE001:cookies.Append("at", accessToken)|};
        }
        """);

    [Fact]
    public Task Configure_of_CookieAuthenticationOptions_is_read() => HttpOnly("""
        using Microsoft.AspNetCore.Authentication.Cookies;
        using Microsoft.Extensions.DependencyInjection;
        class Startup
        {
            public void ConfigureServices(IServiceCollection services) =>
                services.Configure<CookieAuthenticationOptions>(o => {|STATE004:o.Cookie.HttpOnly = false|});
        }
        """);

    [Fact]
    public Task Configure_with_a_cast_lambda_is_read() => HttpOnly("""
        using System;
        using Microsoft.AspNetCore.Authentication.Cookies;
        using Microsoft.Extensions.DependencyInjection;
        class Startup
        {
            public void ConfigureServices(IServiceCollection services) =>
                services.Configure((Action<CookieAuthenticationOptions>)(o => { {|STATE004:o.Cookie.HttpOnly = false|}; }));
        }
        """);

    [Fact]
    public Task Configure_with_an_anonymous_method_or_a_parenthesized_lambda_is_read() => HttpOnly("""
        using Microsoft.AspNetCore.Authentication.Cookies;
        using Microsoft.Extensions.DependencyInjection;
        class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.Configure<CookieAuthenticationOptions>(delegate (CookieAuthenticationOptions o) { {|STATE004:o.Cookie.HttpOnly = false|}; });
                services.PostConfigure<CookieAuthenticationOptions>("Cookies", ((o) => {|STATE004:o.Cookie.HttpOnly = false|}));
            }
        }
        """);

    [Fact]
    public Task Configure_in_top_level_statements_is_read() => Analyze.With<HttpOnlyCookieAnalyzer>("""
        using Microsoft.AspNetCore.Authentication.Cookies;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.Configure<CookieAuthenticationOptions>(o => {|STATE004:o.Cookie.HttpOnly = false|});
        var app = builder.Build();
        app.Run();
        """).AsProgram().Verify();

    [Fact]
    public Task Configure_with_a_cast_lambda_weakening_Secure_is_read() => Analyze.With<SecureCookieAnalyzer>("""
        using System;
        using Microsoft.AspNetCore.Authentication.Cookies;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        class Startup
        {
            public void ConfigureServices(IServiceCollection services) =>
                services.Configure((Action<CookieAuthenticationOptions>)(o => { {|STATE005:o.Cookie.SecurePolicy = CookieSecurePolicy.None|}; }));
        }
        """).Verify();

    // ---- 5. Sign-outs spelled through aliases or target-typed creations ----

    [Fact]
    public Task A_SignOutResult_created_through_a_using_alias_is_a_sign_out() => SignOut("""
        using Microsoft.AspNetCore.Mvc;
        using Out = Microsoft.AspNetCore.Mvc.SignOutResult;
        public class AccountController : Controller
        {
            [HttpPost]
            public IActionResult Logout()
            {
                return {|STATE003:new Out()|};
            }
        }
        """);

    [Fact]
    public Task A_SignOutResult_created_through_a_global_using_alias_in_another_file_is_a_sign_out() => SignOut(
        """
        using Microsoft.AspNetCore.Mvc;
        public class AccountController : Controller
        {
            [HttpPost]
            public IActionResult Logout()
            {
                return {|STATE003:new Bye("Cookies")|};
            }
        }
        """,
        """
        global using Bye = Microsoft.AspNetCore.Mvc.SignOutResult;
        """);

    [Fact]
    public Task A_SignOutResult_alias_of_an_alias_is_a_sign_out() => SignOut("""
        using Out = Microsoft.AspNetCore.Mvc.SignOutResult;
        namespace App
        {
            using Microsoft.AspNetCore.Mvc;
            using Bye = Out;
            public class AccountController : Controller
            {
                [HttpPost]
                public IActionResult Logout()
                {
                    return {|STATE003:new Bye()|};
                }
            }
        }
        """);

    [Fact]
    public Task A_target_typed_SignOutResult_is_a_sign_out() => SignOut("""
        using Microsoft.AspNetCore.Mvc;
        public class AccountController : Controller
        {
            [HttpPost]
            public IActionResult Logout()
            {
                SignOutResult r = {|STATE003:new()|};
                return r;
            }

            [HttpPost]
            public SignOutResult LogoutAll() => {|STATE003:new("Cookies")|};
        }
        """);

    [Fact]
    public Task A_look_alike_named_Out_is_not_a_sign_out() => SignOut("""
        using Microsoft.AspNetCore.Mvc;
        using Out = Microsoft.AspNetCore.Mvc.OkResult;
        public class AccountController : Controller
        {
            public IActionResult Logout()
            {
                OkResult ok = new();
                return new Out();
            }
        }
        """);

    // ---- 6. Writes in conditional accesses, lambdas in initializers, top-level statements ----

    [Fact]
    public Task A_write_through_conditional_access_is_reported() => HttpOnly("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse? response) => response?{|STATE004:.Cookies.Append("a", "b")|};
        }
        """);

    [Fact]
    public Task A_raw_header_write_through_conditional_access_is_reported() => HttpOnly("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse? response) => response?{|STATE004:.Headers.Append("Set-Cookie", "a=b")|};
        }
        """);

    [Fact]
    public Task A_write_inside_a_lambda_in_a_field_initializer_is_reported() => HttpOnly("""
        using System;
        using Microsoft.AspNetCore.Http;
        class C
        {
            private static readonly Action<HttpResponse> Write = r => {|STATE004:r.Cookies.Append("theme", "dark")|};
            private Action<HttpResponse> WriteRaw { get; } = r => {|STATE004:r.Headers["Set-Cookie"] = "a=b"|};
        }
        """);

    [Fact]
    public Task A_write_inside_a_lambda_in_top_level_statements_is_reported() => Analyze.With<HttpOnlyCookieAnalyzer>("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        const string Header = "Set-Cookie";
        var app = WebApplication.Create(args);
        app.MapGet("/", (HttpContext context) => {|STATE004:context.Response.Cookies.Append("theme", "dark")|});
        app.MapGet("/raw", (HttpContext context) => {|STATE004:context.Response.Headers[Header] = "a=b"|});
        app.Run();
        """).AsProgram().Verify();

    // ---- 7. Generated code stays out ----

    [Fact]
    public Task Generated_code_is_not_reported() => HttpOnly("""
        // <auto-generated/>
        using Microsoft.AspNetCore.Http;
        class C
        {
            const string Header = "Set-Cookie";
            void M(HttpResponse response)
            {
                response.Cookies.Append("theme", "dark");
                response.Headers[Header] = "a=b";
            }
        }
        """);

    [Fact]
    public Task A_generated_sign_out_is_not_reported() => SignOut("""
        // <auto-generated/>
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Mvc;
        using Out = Microsoft.AspNetCore.Mvc.SignOutResult;
        public class AccountController : Controller
        {
            public async Task Logout() => await HttpContext.SignOutAsync();
            public IActionResult LogoutResult() => new Out();
        }
        """);

    [Fact]
    public Task Code_marked_with_GeneratedCode_is_not_reported() => HttpOnly("""
        using Microsoft.AspNetCore.Http;
        [System.CodeDom.Compiler.GeneratedCode("tool", "1.0")]
        class C
        {
            void M(HttpResponse response) => response.Cookies.Append("theme", "dark");
        }
        """);

    // ---- Shapes the recognizers accept that no invocation or assignment syntax spells ----

    [Fact]
    public Task A_parenthesized_assignment_target_is_a_header_write() => HttpOnly("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                {|STATE004:(response.Headers["Set-Cookie"]) = "a=b"|};
                {|STATE004:(response.Headers.SetCookie) = "c=d"|};
            }
        }
        """);

    [Fact]
    public Task A_nested_object_initializer_setting_the_header_is_a_header_write() => HttpOnly("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            HttpContext M() => new DefaultHttpContext
            {
                Response =
                {
                    Headers =
                    {
                        {|STATE004:["Set-Cookie"] = "a=b"|},
                        {|STATE004:SetCookie = "c=d"|},
                    },
                },
            };
        }
        """);

    [Fact]
    public Task A_collection_initializer_adding_the_header_is_a_header_write() => HttpOnly("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            HttpContext M() => new DefaultHttpContext
            {
                Response =
                {
                    Headers =
                    {
                        {|STATE004:{ "Set-Cookie", "a=b" }|},
                    },
                },
            };
        }
        """);
}
