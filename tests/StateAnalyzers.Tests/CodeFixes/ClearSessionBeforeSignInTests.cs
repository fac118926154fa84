using StateAnalyzers.CodeFixes.ClearSession;
using StateAnalyzers.Rules;
using StateAnalyzers.Tests.Infrastructure;

namespace StateAnalyzers.Tests.CodeFixes;

/// <summary>The STATE008 fix: <c>Session.Clear()</c> just before the sign-in, through the session in reach; Fix All in one pass.</summary>
public class ClearSessionBeforeSignInTests
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

    private static CodeFixSpec<ClearSessionBeforeSignInCodeFix> Clear() =>
        Fix.With<ClearSessionBeforeSignInCodeFix>(new SignInKeepsSessionAnalyzer()).File(CartUsesSession, CartUsesSession);

    [Fact]
    public Task A_controller_login_clears_HttpContext_Session_first() => Clear().File(
        """
        using System.Security.Claims;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        public class AccountController : Controller
        {
            public IActionResult Basket() => Content(HttpContext.Session.GetString("cart") ?? "");

            [HttpPost]
            public async Task<IActionResult> Login(ClaimsPrincipal user)
            {
                // start the login
                await {|STATE008:HttpContext.SignInAsync("Cookies", user)|};
                return Redirect("/");
            }

            public IActionResult Quick(ClaimsPrincipal user) => {|STATE008:SignIn(user, "Cookies")|};
        }
        """,
        """
        using System.Security.Claims;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        public class AccountController : Controller
        {
            public IActionResult Basket() => Content(HttpContext.Session.GetString("cart") ?? "");

            [HttpPost]
            public async Task<IActionResult> Login(ClaimsPrincipal user)
            {
                // start the login
                HttpContext.Session.Clear();
                await HttpContext.SignInAsync("Cookies", user);
                return Redirect("/");
            }

            public IActionResult Quick(ClaimsPrincipal user)
            {
                HttpContext.Session.Clear();
                return SignIn(user, "Cookies");
            }
        }
        """).Verify();

    [Fact]
    public Task A_service_clears_through_the_accessor_and_the_context_the_sign_in_uses() => Clear().File(
        """
        using System.Security.Claims;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Identity;
        public class LoginService
        {
            private readonly IHttpContextAccessor _accessor;
            private readonly SignInManager<IdentityUser> _signIn;
            public LoginService(IHttpContextAccessor accessor, SignInManager<IdentityUser> signIn) { _accessor = accessor; _signIn = signIn; }

            public async Task<bool> LoginAsync(string name, string password)
            {
                var result = await {|STATE008:_signIn.PasswordSignInAsync(name, password, false, true)|};
                return result.Succeeded;
            }

            public static async Task Direct(HttpContext context, ClaimsPrincipal user)
            {
                if (user.Identity?.IsAuthenticated == true)
                    await {|STATE008:context.SignInAsync(user)|};
            }
        }
        """,
        """
        using System.Security.Claims;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Identity;
        public class LoginService
        {
            private readonly IHttpContextAccessor _accessor;
            private readonly SignInManager<IdentityUser> _signIn;
            public LoginService(IHttpContextAccessor accessor, SignInManager<IdentityUser> signIn) { _accessor = accessor; _signIn = signIn; }

            public async Task<bool> LoginAsync(string name, string password)
            {
                _accessor.HttpContext!.Session.Clear();
                var result = await _signIn.PasswordSignInAsync(name, password, false, true);
                return result.Succeeded;
            }

            public static async Task Direct(HttpContext context, ClaimsPrincipal user)
            {
                if (user.Identity?.IsAuthenticated == true)
                {
                    context.Session.Clear();
                    await context.SignInAsync(user);
                }
            }
        }
        """).Verify();
}
