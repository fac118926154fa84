using StateAnalyzers.CodeFixes.ClearSession;
using StateAnalyzers.Rules;
using StateAnalyzers.Tests.Infrastructure;

namespace StateAnalyzers.Tests.CodeFixes;

public class ClearSessionOnSignOutTests
{
    /// <summary>A file that makes the project one that uses session; the fix leaves it alone.</summary>
    private const string CartUsesSession = """
        using Microsoft.AspNetCore.Http;
        public class CartStore
        {
            private readonly IHttpContextAccessor _accessor;
            public CartStore(IHttpContextAccessor accessor) => _accessor = accessor;
            public void Add(string sku) => _accessor.HttpContext!.Session.SetString("cart", sku);
        }
        """;

    private static CodeFixSpec<ClearSessionOnSignOutCodeFix> Clear() =>
        Fix.With<ClearSessionOnSignOutCodeFix>(new SignOutWithoutSessionClearAnalyzer()).File(CartUsesSession, CartUsesSession);

    [Fact]
    public Task A_controller_logout_clears_HttpContext_Session_first_and_keeps_its_comment() => Clear().File(
        """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Mvc;
        public class AccountController : Controller
        {
            [HttpPost]
            public async Task<IActionResult> Logout()
            {
                var home = Url.Content("~/");

                // end the login
                await {|STATE003:HttpContext.SignOutAsync("Cookies")|}; // the auth cookie
                return Redirect(home);
            }
        }
        """,
        """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Mvc;
        public class AccountController : Controller
        {
            [HttpPost]
            public async Task<IActionResult> Logout()
            {
                var home = Url.Content("~/");

                // end the login
                HttpContext.Session.Clear();
                await HttpContext.SignOutAsync("Cookies"); // the auth cookie
                return Redirect(home);
            }
        }
        """).Verify();

    [Fact]
    public Task The_session_comes_from_the_HttpContext_the_sign_out_uses() => Clear().File(
        """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Http;
        static class Logout
        {
            public static async Task Run(HttpContext context, HttpContext other)
            {
                await {|STATE003:other.SignOutAsync()|};
            }
        }
        """,
        """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Http;
        static class Logout
        {
            public static async Task Run(HttpContext context, HttpContext other)
            {
                other.Session.Clear();
                await other.SignOutAsync();
            }
        }
        """).Verify();

    [Fact]
    public Task A_return_SignOut_gets_the_Clear_before_the_return() => Clear().File(
        """
        using Microsoft.AspNetCore.Mvc;
        public class AccountController : Controller
        {
            public IActionResult Logout()
            {
                return {|STATE003:SignOut("Cookies")|};
            }
        }
        """,
        """
        using Microsoft.AspNetCore.Mvc;
        public class AccountController : Controller
        {
            public IActionResult Logout()
            {
                HttpContext.Session.Clear();
                return SignOut("Cookies");
            }
        }
        """).Verify();

    [Fact]
    public Task An_expression_bodied_action_becomes_a_block_that_returns() => Clear().File(
        """
        using Microsoft.AspNetCore.Mvc;
        public class AccountController : Controller
        {
            public IActionResult Logout() => {|STATE003:SignOut("Cookies")|};

            public IActionResult Index() => Ok();
        }
        """,
        """
        using Microsoft.AspNetCore.Mvc;
        public class AccountController : Controller
        {
            public IActionResult Logout()
            {
                HttpContext.Session.Clear();
                return SignOut("Cookies");
            }

            public IActionResult Index() => Ok();
        }
        """).Verify();

    [Fact]
    public Task An_expression_bodied_async_method_keeps_its_await_as_a_statement() => Clear().File(
        """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Mvc.RazorPages;
        public class LogoutModel : PageModel
        {
            public async Task OnPostAsync() => await {|STATE003:HttpContext.SignOutAsync()|};
        }
        """,
        """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Mvc.RazorPages;
        public class LogoutModel : PageModel
        {
            public async Task OnPostAsync()
            {
                HttpContext.Session.Clear();
                await HttpContext.SignOutAsync();
            }
        }
        """).Verify();

    [Fact]
    public Task A_minimal_API_lambda_with_an_expression_body_becomes_a_block() => Clear().AsProgram().File(
        """
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        var app = WebApplication.CreateBuilder(args).Build();
        app.MapPost("/logout", async (HttpContext context) => await {|STATE003:context.SignOutAsync()|});
        app.MapPost("/logout/plain", (HttpContext context) => {|STATE003:context.SignOutAsync()|});
        app.Run();
        """,
        """
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        var app = WebApplication.CreateBuilder(args).Build();
        app.MapPost("/logout", async (HttpContext context) =>
        {
            context.Session.Clear();
            await context.SignOutAsync();
        });
        app.MapPost("/logout/plain", (HttpContext context) =>
        {
            context.Session.Clear();
            return context.SignOutAsync();
        });
        app.Run();
        """).Verify();

    [Fact]
    public Task A_handler_without_an_HttpContext_gets_one_as_a_parameter() => Clear().AsProgram().File(
        """
        using Microsoft.AspNetCore.Builder;
        var app = WebApplication.CreateBuilder(args).Build();
        app.MapPost("/logout", () => {|STATE003:Microsoft.AspNetCore.Http.Results.SignOut()|});
        app.MapPost("/logout/{reason}", (string reason) =>
        {
            System.Console.WriteLine(reason);
            return {|STATE003:Microsoft.AspNetCore.Http.TypedResults.SignOut()|};
        });
        app.Run();
        """,
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        var app = WebApplication.CreateBuilder(args).Build();
        app.MapPost("/logout", (HttpContext httpContext) =>
        {
            httpContext.Session.Clear();
            return Microsoft.AspNetCore.Http.Results.SignOut();
        });
        app.MapPost("/logout/{reason}", (string reason, HttpContext httpContext) =>
        {
            System.Console.WriteLine(reason);
            httpContext.Session.Clear();
            return Microsoft.AspNetCore.Http.TypedResults.SignOut();
        });
        app.Run();
        """).Verify();

    [Fact]
    public Task A_service_clears_through_its_IHttpContextAccessor() => Clear().File(
        """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Identity;
        public class AccountService
        {
            private readonly SignInManager<IdentityUser> _signInManager;
            private readonly IHttpContextAccessor _accessor;
            public AccountService(SignInManager<IdentityUser> signInManager, IHttpContextAccessor accessor)
            {
                _signInManager = signInManager;
                _accessor = accessor;
            }

            public async Task LogoutAsync(string reason)
            {
                System.Console.WriteLine(reason);
                await {|STATE003:_signInManager.SignOutAsync()|};
            }
        }
        """,
        """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Identity;
        public class AccountService
        {
            private readonly SignInManager<IdentityUser> _signInManager;
            private readonly IHttpContextAccessor _accessor;
            public AccountService(SignInManager<IdentityUser> signInManager, IHttpContextAccessor accessor)
            {
                _signInManager = signInManager;
                _accessor = accessor;
            }

            public async Task LogoutAsync(string reason)
            {
                System.Console.WriteLine(reason);
                _accessor.HttpContext!.Session.Clear();
                await _signInManager.SignOutAsync();
            }
        }
        """).Verify();

    [Fact]
    public Task A_sign_out_that_is_not_in_a_block_is_wrapped_in_one() => Clear().File(
        """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Http;
        static class Logout
        {
            public static async Task Run(HttpContext context, bool everywhere)
            {
                if (everywhere)
                    await {|STATE003:context.SignOutAsync()|};
            }
        }
        """,
        """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Http;
        static class Logout
        {
            public static async Task Run(HttpContext context, bool everywhere)
            {
                if (everywhere)
                {
                    context.Session.Clear();
                    await context.SignOutAsync();
                }
            }
        }
        """).Verify();

    [Fact]
    public Task A_sign_out_in_a_switch_section_gets_the_Clear_in_that_section() => Clear().File(
        """
        using Microsoft.AspNetCore.Mvc;
        public class AccountController : Controller
        {
            public IActionResult Leave(string how)
            {
                switch (how)
                {
                    case "logout":
                        return {|STATE003:SignOut()|};
                    default:
                        return Ok();
                }
            }
        }
        """,
        """
        using Microsoft.AspNetCore.Mvc;
        public class AccountController : Controller
        {
            public IActionResult Leave(string how)
            {
                switch (how)
                {
                    case "logout":
                        HttpContext.Session.Clear();
                        return SignOut();
                    default:
                        return Ok();
                }
            }
        }
        """).Verify();

    [Fact]
    public Task A_wrapper_call_site_gets_the_Clear() => Clear().File(
        """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.AspNetCore.Mvc;
        public class AccountService
        {
            private readonly SignInManager<IdentityUser> _signInManager;
            public AccountService(SignInManager<IdentityUser> signInManager) => _signInManager = signInManager;
            public Task LogoutAsync() => _signInManager.SignOutAsync();
        }

        public class AccountController : Controller
        {
            private readonly AccountService _accounts;
            public AccountController(AccountService accounts) => _accounts = accounts;

            public async Task<IActionResult> Logout()
            {
                await {|STATE003:_accounts.LogoutAsync()|};
                return Redirect("/");
            }
        }
        """,
        """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.AspNetCore.Mvc;
        public class AccountService
        {
            private readonly SignInManager<IdentityUser> _signInManager;
            public AccountService(SignInManager<IdentityUser> signInManager) => _signInManager = signInManager;
            public Task LogoutAsync() => _signInManager.SignOutAsync();
        }

        public class AccountController : Controller
        {
            private readonly AccountService _accounts;
            public AccountController(AccountService accounts) => _accounts = accounts;

            public async Task<IActionResult> Logout()
            {
                HttpContext.Session.Clear();
                await _accounts.LogoutAsync();
                return Redirect("/");
            }
        }
        """).Verify();

    [Fact]
    public Task Two_sign_outs_in_one_statement_get_one_Clear() => Clear().File(
        """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Http;
        static class Logout
        {
            public static Task Run(HttpContext context)
            {
                return Task.WhenAll({|STATE003:context.SignOutAsync("Cookies")|}, {|STATE003:context.SignOutAsync("oidc")|});
            }
        }
        """,
        """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Http;
        static class Logout
        {
            public static Task Run(HttpContext context)
            {
                context.Session.Clear();
                return Task.WhenAll(context.SignOutAsync("Cookies"), context.SignOutAsync("oidc"));
            }
        }
        """).Verify();

    [Fact]
    public Task Fix_All_clears_every_logout_across_files() => Clear().File(
        """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Mvc;
        public class AccountController : Controller
        {
            public async Task<IActionResult> Logout()
            {
                await {|STATE003:HttpContext.SignOutAsync()|};
                return Redirect("/");
            }

            public IActionResult LogoutEverywhere() => {|STATE003:SignOut("Cookies", "oidc")|};
        }
        """,
        """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Mvc;
        public class AccountController : Controller
        {
            public async Task<IActionResult> Logout()
            {
                HttpContext.Session.Clear();
                await HttpContext.SignOutAsync();
                return Redirect("/");
            }

            public IActionResult LogoutEverywhere()
            {
                HttpContext.Session.Clear();
                return SignOut("Cookies", "oidc");
            }
        }
        """).File(
        """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Http;
        public class LogoutMiddleware
        {
            private readonly RequestDelegate _next;
            private readonly IAuthenticationService _auth;
            public LogoutMiddleware(RequestDelegate next, IAuthenticationService auth) { _next = next; _auth = auth; }
            public async Task InvokeAsync(HttpContext context)
            {
                if (context.Request.Path == "/logout")
                {
                    await {|STATE003:_auth.SignOutAsync(context, "Cookies", null)|};
                    return;
                }

                await _next(context);
            }
        }
        """,
        """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Http;
        public class LogoutMiddleware
        {
            private readonly RequestDelegate _next;
            private readonly IAuthenticationService _auth;
            public LogoutMiddleware(RequestDelegate next, IAuthenticationService auth) { _next = next; _auth = auth; }
            public async Task InvokeAsync(HttpContext context)
            {
                if (context.Request.Path == "/logout")
                {
                    context.Session.Clear();
                    await _auth.SignOutAsync(context, "Cookies", null);
                    return;
                }

                await _next(context);
            }
        }
        """).Verify();

    [Fact]
    public Task No_fix_is_offered_for_a_sign_out_in_one_branch_of_a_conditional() => Clear().File(
        """
        using Microsoft.AspNetCore.Mvc;
        public class AccountController : Controller
        {
            public IActionResult Leave(bool signOut) => signOut ? {|STATE003:SignOut()|} : Ok();
        }
        """,
        """
        using Microsoft.AspNetCore.Mvc;
        public class AccountController : Controller
        {
            public IActionResult Leave(bool signOut) => signOut ? {|STATE003:SignOut()|} : Ok();
        }
        """).Verify();

    [Fact]
    public Task No_fix_is_offered_where_nothing_in_scope_reaches_the_request() => Clear().File(
        """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Identity;
        static class Accounts
        {
            public static async Task LogoutAsync(SignInManager<IdentityUser> signInManager, string reason)
            {
                System.Console.WriteLine(reason);
                await {|STATE003:signInManager.SignOutAsync()|};
            }
        }
        """,
        """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Identity;
        static class Accounts
        {
            public static async Task LogoutAsync(SignInManager<IdentityUser> signInManager, string reason)
            {
                System.Console.WriteLine(reason);
                await {|STATE003:signInManager.SignOutAsync()|};
            }
        }
        """).Verify();

    [Fact]
    public Task The_added_parameter_compiles_in_a_file_that_imports_Microsoft_Net_Http_Headers() => Clear().AsProgram().File(
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Net.Http.Headers;
        var app = WebApplication.CreateBuilder(args).Build();
        app.MapPost("/logout", () => {|STATE003:Results.SignOut()|});
        app.MapGet("/cache", (HttpResponse response) => response.Headers.Append(HeaderNames.CacheControl, "no-store"));
        app.Run();
        """,
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Net.Http.Headers;
        var app = WebApplication.CreateBuilder(args).Build();
        app.MapPost("/logout", (HttpContext httpContext) =>
        {
            httpContext.Session.Clear();
            return Results.SignOut();
        });
        app.MapGet("/cache", (HttpResponse response) => response.Headers.Append(HeaderNames.CacheControl, "no-store"));
        app.Run();
        """).Verify();

    [Fact]
    public Task The_parameter_type_stays_qualified_where_a_using_would_make_a_name_ambiguous() => Clear().AsProgram().File(
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Net.Http.Headers;
        var app = WebApplication.CreateBuilder(args).Build();
        var probe = new SetCookieHeaderValue("probe") { SameSite = SameSiteMode.Strict };
        app.MapPost("/logout", () => {|STATE003:Microsoft.AspNetCore.Http.Results.SignOut()|});
        app.Run();
        """,
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Net.Http.Headers;
        var app = WebApplication.CreateBuilder(args).Build();
        var probe = new SetCookieHeaderValue("probe") { SameSite = SameSiteMode.Strict };
        app.MapPost("/logout", (Microsoft.AspNetCore.Http.HttpContext httpContext) =>
        {
            httpContext.Session.Clear();
            return Microsoft.AspNetCore.Http.Results.SignOut();
        });
        app.Run();
        """).Verify();
}
