using StateAnalyzers.CodeFixes.MoveToSession;
using StateAnalyzers.Rules;
using StateAnalyzers.Tests.Infrastructure;

namespace StateAnalyzers.Tests.CodeFixes;

public class MoveToSessionTests
{
    private static CodeFixSpec<MoveToSessionCodeFix> Sensitive() => Fix.With<MoveToSessionCodeFix>(new SensitiveCookieAnalyzer());

    private static CodeFixSpec<MoveToSessionCodeFix> Oversized() => Fix.With<MoveToSessionCodeFix>(new OversizedCookieAnalyzer());

    [Fact]
    public Task A_controller_cookie_and_its_reads_in_another_file_move_into_the_session() => Sensitive()
        .File(
            """
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            public class AccountController : Controller
            {
                public IActionResult Login(string token)
                {
                    // keep the API token for later calls
                    {|STATE001:Response.Cookies.Append("api_token", token, new CookieOptions { HttpOnly = true })|};
                    return Ok();
                }

                public IActionResult Logout()
                {
                    Response.Cookies.Delete("api_token");
                    return Ok();
                }
            }
            """,
            """
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            public class AccountController : Controller
            {
                public IActionResult Login(string token)
                {
                    // keep the API token for later calls
                    HttpContext.Session.SetString("api_token", token);
                    return Ok();
                }

                public IActionResult Logout()
                {
                    HttpContext.Session.Remove("api_token");
                    Response.Cookies.Delete("api_token");
                    return Ok();
                }
            }
            """)
        .File(
            """
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            public class OrdersController : Controller
            {
                public IActionResult Index()
                {
                    var token = Request.Cookies["api_token"];
                    if (!Request.Cookies.ContainsKey("api_token"))
                    {
                        return Unauthorized();
                    }

                    if (Request.Cookies.TryGetValue("api_token", out var again))
                    {
                        return Ok(again);
                    }

                    return Ok(token + Request.Cookies["theme"]);
                }
            }
            """,
            """
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            public class OrdersController : Controller
            {
                public IActionResult Index()
                {
                    var token = HttpContext.Session.GetString("api_token");
                    if (!(HttpContext.Session.GetString("api_token") is not null))
                    {
                        return Unauthorized();
                    }

                    if (HttpContext.Session.GetString("api_token") is { } again)
                    {
                        return Ok(again);
                    }

                    return Ok(token + Request.Cookies["theme"]);
                }
            }
            """)
        .Verify();

    [Fact]
    public Task A_Razor_Page_uses_its_HttpContext() => Sensitive().File(
        """
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc.RazorPages;
        public class ProfileModel : PageModel
        {
            public void OnPost(string email) => {|STATE001:Response.Cookies.Append("email", email)|};
        }
        """,
        """
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc.RazorPages;
        public class ProfileModel : PageModel
        {
            public void OnPost(string email) => HttpContext.Session.SetString("email", email);
        }
        """).Verify();

    [Fact]
    public Task A_minimal_API_endpoint_uses_its_context() => Sensitive().AsProgram().File(
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        var app = WebApplication.Create(args);
        app.MapPost("/login", (HttpContext context, string accessToken) => {|STATE001:context.Response.Cookies.Append("at", accessToken)|});
        app.MapGet("/me", (HttpContext context) => context.Request.Cookies["at"] ?? "anonymous");
        app.Run();
        """,
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        var app = WebApplication.Create(args);
        app.MapPost("/login", (HttpContext context, string accessToken) => context.Session.SetString("at", accessToken));
        app.MapGet("/me", (HttpContext context) => context.Session.GetString("at") ?? "anonymous");
        app.Run();
        """).Verify();

    [Fact]
    public Task Middleware_uses_the_request_context() => Sensitive().File(
        """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        class TokenMiddleware(RequestDelegate next)
        {
            public Task InvokeAsync(HttpContext context, string refreshToken)
            {
                {|STATE001:context.Response.Cookies.Append("refresh_token", refreshToken)|};
                return next(context);
            }
        }
        """,
        """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        class TokenMiddleware(RequestDelegate next)
        {
            public Task InvokeAsync(HttpContext context, string refreshToken)
            {
                context.Session.SetString("refresh_token", refreshToken);
                return next(context);
            }
        }
        """).Verify();

    [Fact]
    public Task A_service_uses_its_IHttpContextAccessor() => Sensitive().File(
        """
        using Microsoft.AspNetCore.Http;
        class ProfileService(IHttpContextAccessor accessor)
        {
            public void Remember(string phoneNumber) => {|STATE001:accessor.HttpContext!.Response.Cookies.Append("phone", phoneNumber)|};
            public string? Recall() => accessor.HttpContext!.Request.Cookies["phone"];
        }
        """,
        """
        using Microsoft.AspNetCore.Http;
        class ProfileService(IHttpContextAccessor accessor)
        {
            public void Remember(string phoneNumber) => accessor.HttpContext!.Session.SetString("phone", phoneNumber);
            public string? Recall() => accessor.HttpContext!.Session.GetString("phone");
        }
        """).Verify();

    [Fact]
    public Task A_bare_HttpResponse_reaches_the_session_through_its_HttpContext() => Sensitive().File(
        """
        using Microsoft.AspNetCore.Http;
        static class Remember
        {
            public static void Save(HttpResponse response, string apiKey) => {|STATE001:response.Cookies.Append("key", apiKey)|};
        }
        """,
        """
        using Microsoft.AspNetCore.Http;
        static class Remember
        {
            public static void Save(HttpResponse response, string apiKey) => response.HttpContext.Session.SetString("key", apiKey);
        }
        """).Verify();

    [Fact]
    public Task An_int_is_kept_as_an_int() => Sensitive().File(
        """
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        public class CheckoutController : Controller
        {
            public IActionResult Pay(int cvv)
            {
                {|STATE001:Response.Cookies.Append("cvv", cvv.ToString())|};
                return Ok(Request.Cookies["cvv"]);
            }
        }
        """,
        """
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        public class CheckoutController : Controller
        {
            public IActionResult Pay(int cvv)
            {
                HttpContext.Session.SetInt32("cvv", cvv);
                return Ok(HttpContext.Session.GetInt32("cvv")?.ToString());
            }
        }
        """).Verify();

    [Fact]
    public Task A_large_cart_moves_into_the_session() => Oversized().File(
        """
        using System.Collections.Generic;
        using System.Text.Json;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        public class CartController : Controller
        {
            public IActionResult Add(List<string> lines)
            {
                {|STATE002:Response.Cookies.Append("cart", JsonSerializer.Serialize(lines))|};
                var raw = Request.Cookies.TryGetValue("cart", out string? json) ? json : "[]";
                return Ok(raw);
            }
        }
        """,
        """
        using System.Collections.Generic;
        using System.Text.Json;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        public class CartController : Controller
        {
            public IActionResult Add(List<string> lines)
            {
                HttpContext.Session.SetString("cart", JsonSerializer.Serialize(lines));
                var raw = (HttpContext.Session.GetString("cart") is { } json) ? json : "[]";
                return Ok(raw);
            }
        }
        """).Verify();

    [Fact]
    public Task An_existing_out_variable_is_assigned() => Sensitive().File(
        """
        using Microsoft.AspNetCore.Http;
        class C
        {
            string? M(HttpContext context, string token)
            {
                {|STATE001:context.Response.Cookies.Append("token", token)|};
                string? value;
                return context.Request.Cookies.TryGetValue("token", out value) ? value : null;
            }
        }
        """,
        """
        using Microsoft.AspNetCore.Http;
        class C
        {
            string? M(HttpContext context, string token)
            {
                context.Session.SetString("token", token);
                string? value;
                return ((value = context.Session.GetString("token")) is not null) ? value : null;
            }
        }
        """).Verify();

    [Fact]
    public Task A_computed_name_moves_the_write_only() => Sensitive().File(
        """
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpContext context, string name, string bearerToken)
            {
                {|STATE001:context.Response.Cookies.Append(name, bearerToken)|};
                var old = context.Request.Cookies[name];
            }
        }
        """,
        """
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpContext context, string name, string bearerToken)
            {
                context.Session.SetString(name, bearerToken);
                var old = context.Request.Cookies[name];
            }
        }
        """).Verify();

    [Fact]
    public Task The_using_is_added_for_the_session_extensions() => Sensitive().File(
        """
        class C
        {
            void M(Microsoft.AspNetCore.Http.HttpContext context, string token) => {|STATE001:context.Response.Cookies.Append("token", token)|};
        }
        """,
        """
        using Microsoft.AspNetCore.Http;

        class C
        {
            void M(Microsoft.AspNetCore.Http.HttpContext context, string token) => context.Session.SetString("token", token);
        }
        """).Verify();

    [Fact]
    public Task Fix_all_moves_every_cookie_and_every_read() => Sensitive()
        .File(
            """
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            public class AccountController : Controller
            {
                public IActionResult Login(string email, string token)
                {
                    {|STATE001:Response.Cookies.Append("email", email)|};
                    {|STATE001:Response.Cookies.Append("token", token)|};
                    Response.Cookies.Append("theme", "dark");
                    return Ok();
                }
            }
            """,
            """
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            public class AccountController : Controller
            {
                public IActionResult Login(string email, string token)
                {
                    HttpContext.Session.SetString("email", email);
                    HttpContext.Session.SetString("token", token);
                    Response.Cookies.Append("theme", "dark");
                    return Ok();
                }
            }
            """)
        .File(
            """
            using Microsoft.AspNetCore.Http;
            class Greeter(IHttpContextAccessor accessor)
            {
                public string Hello() => "Hello " + accessor.HttpContext!.Request.Cookies["email"] + accessor.HttpContext!.Request.Cookies["token"]?.Length;
            }
            """,
            """
            using Microsoft.AspNetCore.Http;
            class Greeter(IHttpContextAccessor accessor)
            {
                public string Hello() => "Hello " + accessor.HttpContext!.Session.GetString("email") + accessor.HttpContext!.Session.GetString("token")?.Length;
            }
            """)
        .Verify();

    [Fact]
    public Task No_fix_is_offered_at_a_helper_call_site() => Sensitive().File(
        """
        using Microsoft.AspNetCore.Http;
        static class Cookies
        {
            public static void Write(HttpResponse response, string name, string value) => response.Cookies.Append(name, value);
        }

        class C
        {
            void M(HttpResponse response, string password) => {|STATE001:Cookies.Write(response, "remember", password)|};
        }
        """,
        """
        using Microsoft.AspNetCore.Http;
        static class Cookies
        {
            public static void Write(HttpResponse response, string name, string value) => response.Cookies.Append(name, value);
        }

        class C
        {
            void M(HttpResponse response, string password) => {|STATE001:Cookies.Write(response, "remember", password)|};
        }
        """).Verify();

    [Fact]
    public Task No_fix_is_offered_for_a_raw_header() => Sensitive().File(
        """
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, string token) => {|STATE001:response.Headers.Append("Set-Cookie", $"t={token}; HttpOnly")|};
        }
        """,
        """
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, string token) => {|STATE001:response.Headers.Append("Set-Cookie", $"t={token}; HttpOnly")|};
        }
        """).Verify();

    [Fact]
    public Task A_password_is_not_moved_into_the_session() => Sensitive().File(
        """
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        public class LoginController : Controller
        {
            public IActionResult Login(string userName, string password)
            {
                {|STATE001:Response.Cookies.Append("remember", password)|};
                {|STATE001:Response.Cookies.Append("pwd", userName)|};
                return Ok();
            }
        }
        """,
        """
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        public class LoginController : Controller
        {
            public IActionResult Login(string userName, string password)
            {
                {|STATE001:Response.Cookies.Append("remember", password)|};
                {|STATE001:Response.Cookies.Append("pwd", userName)|};
                return Ok();
            }
        }
        """).Verify();

    [Fact]
    public Task A_private_key_is_not_moved_into_the_session() => Sensitive().File(
        """
        using Microsoft.AspNetCore.Http;
        class Signer(IHttpContextAccessor accessor)
        {
            public void Keep(string privateKeyPem) => {|STATE001:accessor.HttpContext!.Response.Cookies.Append("signing", privateKeyPem)|};
        }
        """,
        """
        using Microsoft.AspNetCore.Http;
        class Signer(IHttpContextAccessor accessor)
        {
            public void Keep(string privateKeyPem) => {|STATE001:accessor.HttpContext!.Response.Cookies.Append("signing", privateKeyPem)|};
        }
        """).Verify();

    [Fact]
    public Task Every_delete_of_the_cookie_is_kept_beside_the_session_remove() => Sensitive().File(
        """
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        public class AuthController : Controller
        {
            public IActionResult Login(string jwt)
            {
                {|STATE001:Response.Cookies.Append("jwt", jwt)|};
                return Ok();
            }

            public IActionResult Logout(bool everywhere)
            {
                // the browser must forget the token
                Response.Cookies.Delete("jwt");
                if (everywhere)
                    Response.Cookies.Delete("jwt", new CookieOptions { Path = "/" });
                return Ok();
            }

            public void Forget() => Response.Cookies.Delete("jwt");
        }
        """,
        """
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        public class AuthController : Controller
        {
            public IActionResult Login(string jwt)
            {
                HttpContext.Session.SetString("jwt", jwt);
                return Ok();
            }

            public IActionResult Logout(bool everywhere)
            {
                // the browser must forget the token
                HttpContext.Session.Remove("jwt");
                Response.Cookies.Delete("jwt");
                if (everywhere)
                {
                    HttpContext.Session.Remove("jwt");
                    Response.Cookies.Delete("jwt", new CookieOptions { Path = "/" });
                }
                return Ok();
            }

            public void Forget() => Response.Cookies.Delete("jwt");
        }
        """).Verify();

    [Fact]
    public Task The_move_compiles_in_a_file_that_imports_Microsoft_Net_Http_Headers() => Sensitive().File(
        """
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Net.Http.Headers;
        public class TokenController : Controller
        {
            public IActionResult Save(string refreshToken)
            {
                Response.Headers.Append(HeaderNames.CacheControl, "no-store");
                {|STATE001:Response.Cookies.Append("refresh", refreshToken, new CookieOptions { HttpOnly = true, Secure = true, SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict })|};
                return Ok(Request.Cookies["refresh"]);
            }
        }
        """,
        """
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Net.Http.Headers;
        public class TokenController : Controller
        {
            public IActionResult Save(string refreshToken)
            {
                Response.Headers.Append(HeaderNames.CacheControl, "no-store");
                HttpContext.Session.SetString("refresh", refreshToken);
                return Ok(HttpContext.Session.GetString("refresh"));
            }
        }
        """).Verify();

    /// <summary>The session extensions would need a using that makes <c>SameSiteMode</c> ambiguous: no fix rather than a broken build.</summary>
    [Fact]
    public Task No_fix_is_offered_where_the_session_using_would_make_a_name_ambiguous() => Sensitive().File(
        """
        using Microsoft.Net.Http.Headers;
        class C
        {
            SameSiteMode Mode => SameSiteMode.Strict;

            void M(Microsoft.AspNetCore.Http.HttpContext context, string token) => {|STATE001:context.Response.Cookies.Append("token", token)|};
        }
        """,
        """
        using Microsoft.Net.Http.Headers;
        class C
        {
            SameSiteMode Mode => SameSiteMode.Strict;

            void M(Microsoft.AspNetCore.Http.HttpContext context, string token) => {|STATE001:context.Response.Cookies.Append("token", token)|};
        }
        """).Verify();
}
