using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using StateAnalyzers.Rules;
using StateAnalyzers.Tests.Infrastructure;

namespace StateAnalyzers.Tests.Rules;

/// <summary>
/// The analyzer of STATE008 (a sign-in keeps the session from before it): positives and the tricky clean cases. The fix
/// is tested in <see cref="CodeFixes.ClearSessionBeforeSignInTests"/>.
/// </summary>
public class SignInKeepsSessionTests
{
    /// <summary>A second file that makes the project one that uses session.</summary>
    private const string CartUsesSession = """
        using Microsoft.AspNetCore.Http;
        public class CartStore
        {
            private readonly IHttpContextAccessor _accessor;
            public CartStore(IHttpContextAccessor accessor) => _accessor = accessor;
            public void Add(string sku) => _accessor.HttpContext!.Session.SetString("cart", sku);
        }
        """;

    /// <summary>The runtime companion's renewal API, declared under its full name as the package declares it (the meta-test
    /// <see cref="Meta.SessionRenewalApiTests"/> checks that the package's public API has it under this name).</summary>
    private const string RenewalApi = """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        namespace StateAnalyzers.AspNetCore
        {
            public static class StateGuardHttpContextExtensions
            {
                public static Task RenewSessionAsync(this HttpContext context) => Task.CompletedTask;
            }
        }
        """;

    private static Task Verify(params string[] sources) =>
        Analyze.With<SignInKeepsSessionAnalyzer>(sources).AndSource(CartUsesSession).Verify();

    [Fact]
    public Task A_controller_login_that_keeps_the_session_is_reported_as_info() =>
        Analyze.With<SignInKeepsSessionAnalyzer>("""
            using System.Security.Claims;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Authentication;
            using Microsoft.AspNetCore.Mvc;
            public class AccountController : Controller
            {
                [HttpPost]
                public async Task<IActionResult> Login(ClaimsPrincipal user)
                {
                    await {|#0:HttpContext.SignInAsync("Cookies", user)|};
                    return RedirectToAction("Index", "Home");
                }
            }
            """)
            .AndSource(CartUsesSession)
            .Expecting(new DiagnosticResult("STATE008", DiagnosticSeverity.Info).WithLocation(0)
                .WithMessage("'HttpContext.SignInAsync' signs the user in but keeps the session from before the login; call Session.Clear() before signing in"))
            .Verify();

    [Fact]
    public Task Every_sign_in_API_is_a_sign_in() => Verify("""
        using System.Security.Claims;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.AspNetCore.Mvc;
        public class Logins
        {
            public static Task A(HttpContext context, ClaimsPrincipal user) => {|STATE008:context.SignInAsync(user)|};
            public static Task B(HttpContext context, ClaimsPrincipal user) => {|STATE008:context.SignInAsync(user, new AuthenticationProperties())|};
            public static Task C(IAuthenticationService auth, HttpContext context, ClaimsPrincipal user) => {|STATE008:auth.SignInAsync(context, "Cookies", user, null)|};
            public static IResult D(ClaimsPrincipal user) => {|STATE008:Results.SignIn(user)|};
            public static IResult E(ClaimsPrincipal user) => {|STATE008:TypedResults.SignIn(user, authenticationScheme: "Cookies")|};

            public static async Task F(SignInManager<IdentityUser> manager, IdentityUser user)
            {
                await {|STATE008:manager.SignInAsync(user, isPersistent: false)|};
                await {|STATE008:manager.PasswordSignInAsync("ann", "secret", false, lockoutOnFailure: true)|};
                await {|STATE008:manager.SignInWithClaimsAsync(user, false, new Claim[0])|};
                await {|STATE008:manager.ExternalLoginSignInAsync("Google", "key", false)|};
                await {|STATE008:manager.TwoFactorAuthenticatorSignInAsync("123456", false, false)|};
                await {|STATE008:manager.TwoFactorRecoveryCodeSignInAsync("code")|};
            }
        }

        public class PageController : Controller
        {
            public IActionResult Login(ClaimsPrincipal user) => {|STATE008:SignIn(user, "Cookies")|};
        }
        """);

    [Fact]
    public Task Clearing_the_session_before_signing_in_is_clean_also_in_a_helper() => Verify("""
        using System.Security.Claims;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Mvc;
        public class AccountController : Controller
        {
            public async Task<IActionResult> Login(ClaimsPrincipal user)
            {
                HttpContext.Session.Clear();
                await HttpContext.SignInAsync(user);
                return Redirect("/");
            }

            public async Task<IActionResult> LoginAgain(ClaimsPrincipal user)
            {
                StartFresh();
                await HttpContext.SignInAsync(user);
                return Redirect("/");
            }

            private void StartFresh() => ForgetVisitor();

            private void ForgetVisitor() => HttpContext.Session.Clear();
        }
        """);

    [Fact]
    public Task A_clear_after_the_sign_in_or_removing_one_key_is_still_reported() => Verify("""
        using System.Security.Claims;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Mvc;
        public class AccountController : Controller
        {
            public async Task<IActionResult> Login(ClaimsPrincipal user)
            {
                HttpContext.Session.Remove("cart");
                await {|STATE008:HttpContext.SignInAsync(user)|};
                HttpContext.Session.Clear();
                return Redirect("/");
            }
        }
        """);

    [Fact]
    public Task Sign_ins_to_the_external_and_two_factor_schemes_are_not_logins() => Verify("""
        using System.Security.Claims;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.AspNetCore.Mvc;
        public class ExternalController : Controller
        {
            public async Task<IActionResult> Callback(ClaimsPrincipal external)
            {
                await HttpContext.SignInAsync(IdentityConstants.ExternalScheme, external);
                await HttpContext.SignInAsync("Identity.TwoFactorUserId", external);
                await HttpContext.SignInAsync(IdentityConstants.TwoFactorRememberMeScheme, external, new AuthenticationProperties());
                return SignIn(external, IdentityConstants.ExternalScheme);
            }
        }
        """);

    [Fact]
    public Task Re_issuing_the_cookie_inside_a_validation_event_is_not_a_login() => Verify("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Authentication.Cookies;
        using Microsoft.Extensions.DependencyInjection;
        public class RefreshingEvents : CookieAuthenticationEvents
        {
            public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
            {
                await context.HttpContext.SignInAsync(context.Principal!);
            }
        }

        static class Setup
        {
            public static void Add(IServiceCollection services) =>
                services.AddAuthentication().AddCookie(o => o.Events.OnValidatePrincipal = c => c.HttpContext.SignInAsync(c.Principal!));
        }
        """);

    [Fact]
    public Task A_project_that_never_uses_session_is_clean() =>
        Analyze.With<SignInKeepsSessionAnalyzer>("""
            using System.Security.Claims;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Authentication;
            using Microsoft.AspNetCore.Http;
            static class Login
            {
                public static Task Run(HttpContext context, ClaimsPrincipal user) => context.SignInAsync(user);
            }
            """).Verify();

    [Fact]
    public Task Each_lambda_is_a_method_of_its_own() => Analyze.With<SignInKeepsSessionAnalyzer>("""
        using System.Security.Claims;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        var app = WebApplication.Create(args);
        app.MapPost("/reset", (HttpContext context) => context.Session.Clear());
        app.MapPost("/login", (HttpContext context, ClaimsPrincipal user) => {|STATE008:context.SignInAsync(user)|});
        app.MapPost("/login2", async (HttpContext context, ClaimsPrincipal user) =>
        {
            context.Session.Clear();
            await context.SignInAsync(user);
        });
        app.Run();
        """).AsProgram().Verify();

    [Fact]
    public Task A_sign_in_through_a_small_wrapper_is_reported_where_the_wrapper_is_called() => Verify("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.AspNetCore.Mvc;
        public class AccountService
        {
            private readonly SignInManager<IdentityUser> _signIn;
            public AccountService(SignInManager<IdentityUser> signIn) => _signIn = signIn;
            public Task SignInAsync(IdentityUser user) => _signIn.SignInAsync(user, isPersistent: false);
        }

        public class AccountController : Controller
        {
            private readonly AccountService _accounts;
            public AccountController(AccountService accounts) => _accounts = accounts;

            public async Task<IActionResult> Login(IdentityUser user)
            {
                await {|STATE008:_accounts.SignInAsync(user)|};
                return Redirect("/");
            }

            public async Task<IActionResult> Register(IdentityUser user)
            {
                HttpContext.Session.Clear();
                await _accounts.SignInAsync(user);
                return Redirect("/");
            }
        }
        """);

    [Fact]
    public Task Look_alikes_and_the_framework_plumbing_are_not_sign_ins() => Verify("""
        using System.Security.Claims;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.Logging;
        using Microsoft.Extensions.Options;
        class Door { public Task SignInAsync(string user) => Task.CompletedTask; }
        static class Gate
        {
            public static Task Open(Door door) => door.SignInAsync("ann");
        }

        class AuditedSignInManager : SignInManager<IdentityUser>
        {
            public AuditedSignInManager(UserManager<IdentityUser> users, IHttpContextAccessor accessor, IUserClaimsPrincipalFactory<IdentityUser> factory,
                IOptions<IdentityOptions> options, ILogger<SignInManager<IdentityUser>> logger, IAuthenticationSchemeProvider schemes, IUserConfirmation<IdentityUser> confirmation)
                : base(users, accessor, factory, options, logger, schemes, confirmation) { }

            public override Task SignInWithClaimsAsync(IdentityUser user, AuthenticationProperties? properties, System.Collections.Generic.IEnumerable<Claim> claims) =>
                base.SignInWithClaimsAsync(user, properties, claims);
        }
        """);

    [Fact]
    public Task Renewing_the_session_with_the_runtime_companion_before_signing_in_is_clean_also_in_a_helper() => Verify(RenewalApi, """
        using System.Security.Claims;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Mvc;
        using StateAnalyzers.AspNetCore;
        public class AccountController : Controller
        {
            public async Task<IActionResult> Login(ClaimsPrincipal user)
            {
                await HttpContext.RenewSessionAsync();
                await HttpContext.SignInAsync(user);
                return Redirect("/");
            }

            public async Task<IActionResult> Elevate(ClaimsPrincipal admin)
            {
                await StartPrivileged();
                await HttpContext.SignInAsync(admin);
                return Redirect("/admin");
            }

            private Task StartPrivileged() => StateGuardHttpContextExtensions.RenewSessionAsync(HttpContext);
        }
        """);

    [Fact]
    public Task Renewing_the_session_after_the_sign_in_is_still_reported() => Verify(RenewalApi, """
        using System.Security.Claims;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Mvc;
        using StateAnalyzers.AspNetCore;
        public class AccountController : Controller
        {
            public async Task<IActionResult> Login(ClaimsPrincipal user)
            {
                await {|STATE008:HttpContext.SignInAsync(user)|};
                await HttpContext.RenewSessionAsync();
                return Redirect("/");
            }
        }
        """);

    [Fact]
    public Task A_RenewSessionAsync_of_another_type_is_not_the_runtime_companions_and_is_still_reported() => Verify(RenewalApi, """
        using System.Security.Claims;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        namespace MyApp
        {
            public static class StateGuardHttpContextExtensions
            {
                public static Task RenewSessionAsync(this HttpContext context) => Task.CompletedTask;
            }

            public static class SessionTools
            {
                public static Task RenewSessionAsync(HttpContext context, bool force) => Task.CompletedTask;
            }

            public class AccountController : Controller
            {
                public async Task<IActionResult> Login(ClaimsPrincipal user)
                {
                    await StateGuardHttpContextExtensions.RenewSessionAsync(HttpContext);
                    await SessionTools.RenewSessionAsync(HttpContext, force: true);
                    await {|STATE008:HttpContext.SignInAsync(user)|};
                    return Redirect("/");
                }
            }
        }
        """);
}
