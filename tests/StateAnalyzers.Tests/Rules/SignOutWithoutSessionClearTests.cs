using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using StateAnalyzers.Rules;
using StateAnalyzers.Tests.Infrastructure;

namespace StateAnalyzers.Tests.Rules;

/// <summary>
/// The analyzer of STATE003 (sign-out without clearing the session): positives and the tricky clean cases. Cases every cookie rule shares (the candidate gateway) are in
/// <see cref="CandidateGatewayTests"/>; the fix is tested in
/// <see cref="CodeFixes.ClearSessionOnSignOutTests"/>.
/// </summary>
public class SignOutWithoutSessionClearTests
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

    private static Task Verify(params string[] sources) =>
        Analyze.With<SignOutWithoutSessionClearAnalyzer>(sources).AndSource(CartUsesSession).Verify();

    private static DiagnosticResult Expected(int location, string message) =>
        new DiagnosticResult("STATE003", DiagnosticSeverity.Warning).WithLocation(location).WithMessage(message);

    [Fact]
    public Task A_controller_logout_that_leaves_the_session_is_reported() => Verify("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Mvc;
        public class AccountController : Controller
        {
            [HttpPost]
            public async Task<IActionResult> Logout()
            {
                await {|STATE003:HttpContext.SignOutAsync("Cookies")|};
                return RedirectToAction("Index", "Home");
            }
        }
        """);

    [Fact]
    public Task The_message_names_the_sign_out_as_written() =>
        Analyze.With<SignOutWithoutSessionClearAnalyzer>("""
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Authentication;
            using Microsoft.AspNetCore.Mvc;
            public class AccountController : Controller
            {
                public async Task Logout() => await {|#0:HttpContext.SignOutAsync()|};
            }
            """)
            .AndSource(CartUsesSession)
            .Expecting(Expected(0, "'HttpContext.SignOutAsync' signs the user out but leaves the session alive; call Session.Clear() before signing out"))
            .Verify();

    [Fact]
    public Task Every_overload_of_HttpContext_SignOutAsync_is_a_sign_out() => Verify("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Http;
        static class Logouts
        {
            public static async Task A(HttpContext context) { await {|STATE003:context.SignOutAsync()|}; }
            public static async Task B(HttpContext context) { await {|STATE003:context.SignOutAsync("Cookies")|}; }
            public static async Task C(HttpContext context) { await {|STATE003:context.SignOutAsync(new AuthenticationProperties { RedirectUri = "/" })|}; }
            public static async Task D(HttpContext context) { await {|STATE003:context.SignOutAsync("Cookies", new AuthenticationProperties())|}; }
        }
        """);

    [Fact]
    public Task Clearing_the_session_before_signing_out_is_clean() => Verify("""
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
        }
        """);

    [Fact]
    public Task Clearing_the_session_after_signing_out_in_the_same_method_is_clean() => Verify("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Http;
        static class Logout
        {
            public static async Task Run(HttpContext context)
            {
                await context.SignOutAsync();
                context.Session.Clear();
            }
        }
        """);

    [Fact]
    public Task A_project_without_session_is_never_reported() =>
        Analyze.With<SignOutWithoutSessionClearAnalyzer>("""
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Authentication;
            using Microsoft.AspNetCore.Mvc;
            public class AccountController : Controller
            {
                public async Task<IActionResult> Logout()
                {
                    await HttpContext.SignOutAsync();
                    return Redirect("/");
                }
            }
            """).Verify();

    /// <summary>A logout in a controller, for the tests about whether the project has a usable session.</summary>
    private const string LogoutController = """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Mvc;
        public class AccountController : Controller
        {
            public Task Logout() => {|STATE003:HttpContext.SignOutAsync()|};
        }
        """;

    [Fact]
    public Task AddSession_with_UseSession_in_the_pipeline_makes_the_project_one_that_uses_session() =>
        Analyze.With<SignOutWithoutSessionClearAnalyzer>("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllersWithViews();
            builder.Services.AddShopSession();
            var app = builder.Build();
            app.UseSession();
            app.MapDefaultControllerRoute();
            app.Run();

            static class Services
            {
                public static IServiceCollection AddShopSession(this IServiceCollection services) => services.AddSession();
            }
            """, LogoutController).AsProgram().Verify();

    [Fact]
    public Task AddSession_without_UseSession_and_without_any_session_use_is_not_a_usable_session() =>
        Analyze.With<SignOutWithoutSessionClearAnalyzer>("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllersWithViews();
            builder.Services.AddSession();
            var app = builder.Build();
            app.MapDefaultControllerRoute();
            app.Run();
            """, LogoutController.Replace("{|STATE003:", "").Replace(")|};", ");")).AsProgram().Verify();

    [Fact]
    public Task AddSession_and_UseSession_in_setup_code_the_app_never_calls_are_not_a_usable_session() =>
        Analyze.With<SignOutWithoutSessionClearAnalyzer>("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllersWithViews();
            var app = builder.Build();
            app.MapDefaultControllerRoute();
            app.Run();

            public static class LegacySessionSetup
            {
                public static void AddLegacySession(this IServiceCollection services) => services.AddSession();
                public static void UseLegacySession(this WebApplication app) => app.UseSession();
                public static void AddAndUse(WebApplicationBuilder builder, WebApplication app)
                {
                    AddLegacySession(builder.Services);
                    app.UseLegacySession();
                }
            }
            """, LogoutController.Replace("{|STATE003:", "").Replace(")|};", ");")).AsProgram().Verify();

    [Fact]
    public Task Configuring_SessionOptions_alone_is_not_a_usable_session() =>
        Analyze.With<SignOutWithoutSessionClearAnalyzer>("""
            using System;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            static class Services
            {
                public static void Tune(IServiceCollection services) =>
                    services.Configure<SessionOptions>(o => o.IdleTimeout = TimeSpan.FromMinutes(5));
            }
            """, """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Authentication;
            using Microsoft.AspNetCore.Http;
            static class Logout
            {
                public static Task Run(HttpContext context) => context.SignOutAsync();
            }
            """).Verify();

    [Fact]
    public Task A_Startup_class_that_registers_and_runs_the_session_makes_the_project_one_that_uses_session() =>
        Analyze.With<SignOutWithoutSessionClearAnalyzer>("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services) => services.AddSession();
                public void Configure(IApplicationBuilder app) => ConfigurePipeline(app);
                private static void ConfigurePipeline(IApplicationBuilder app) => app.UseSession();
            }
            """, LogoutController).Verify();

    [Fact]
    public Task A_type_named_ISession_from_another_library_is_not_the_ASP_NET_Core_session() =>
        Analyze.With<SignOutWithoutSessionClearAnalyzer>("""
            namespace Orm
            {
                public interface ISession { void Save(object entity); void Clear(); }
                public class Repository
                {
                    private readonly ISession _session;
                    public Repository(ISession session) => _session = session;
                    public ISession Session => _session;
                    public void Save(object entity) => Session.Save(entity);
                }
            }
            """, """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Authentication;
            using Microsoft.AspNetCore.Http;
            static class Logout
            {
                public static Task Run(HttpContext context) => context.SignOutAsync();
            }
            """).Verify();

    [Fact]
    public Task Signing_out_of_the_external_scheme_on_a_login_page_is_not_a_logout() => Verify("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.AspNetCore.Mvc.RazorPages;
        public class LoginModel : PageModel
        {
            public async Task OnGetAsync()
            {
                // Clear the existing external cookie to ensure a clean login process
                await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
            }
        }
        """);

    /// <summary>An app with its own cookie and an external cookie that an OAuth login signs into first (issue 17, item 1).</summary>
    private const string ExternalLoginRegistration = """
        using Microsoft.AspNetCore.Authentication.Cookies;
        using Microsoft.Extensions.DependencyInjection;
        public static class MyAuthenticationSchemes
        {
            public const string ExternalCookie = "MyApp." + "External";
            public static readonly string PartnerCookie = "MyApp.Partner";
        }
        static class AuthenticationSetup
        {
            public static void AddLogins(this IServiceCollection services) =>
                services.AddAuthentication(o =>
                    {
                        o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                        o.DefaultSignInScheme = MyAuthenticationSchemes.PartnerCookie;
                    })
                    .AddCookie()
                    .AddCookie(MyAuthenticationSchemes.ExternalCookie)
                    .AddCookie(MyAuthenticationSchemes.PartnerCookie)
                    .AddOAuth("github", o =>
                    {
                        o.SignInScheme = MyAuthenticationSchemes.ExternalCookie;
                        o.ClientId = "id";
                        o.ClientSecret = "secret";
                        o.AuthorizationEndpoint = "https://github.com/login/oauth/authorize";
                        o.TokenEndpoint = "https://github.com/login/oauth/access_token";
                        o.CallbackPath = "/signin-github";
                    });
        }
        """;

    [Fact]
    public Task Signing_out_of_a_scheme_registered_as_a_remote_handler_sign_in_scheme_ends_a_login_step() => Verify(
        ExternalLoginRegistration,
        """
        using System.Security.Claims;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Authentication.Cookies;
        using Microsoft.AspNetCore.Mvc;
        public class ExternalLoginController : Controller
        {
            public async Task<IActionResult> Callback()
            {
                var external = await HttpContext.AuthenticateAsync(MyAuthenticationSchemes.ExternalCookie);
                await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(external.Principal!.Identity!));
                await HttpContext.SignOutAsync(MyAuthenticationSchemes.ExternalCookie);
                return LocalRedirect("/");
            }

            public async Task<IActionResult> PartnerCallback()
            {
                await HttpContext.SignOutAsync(MyAuthenticationSchemes.PartnerCookie);
                await HttpContext.SignOutAsync("MyApp.External");
                return LocalRedirect("/");
            }

            public IActionResult Cancel() => SignOut(MyAuthenticationSchemes.ExternalCookie, MyAuthenticationSchemes.PartnerCookie);
        }
        """);

    [Fact]
    public Task Signing_out_of_the_app_cookie_beside_an_external_one_is_still_a_logout() => Verify(
        ExternalLoginRegistration,
        """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Authentication.Cookies;
        using Microsoft.AspNetCore.Mvc;
        public class AccountController : Controller
        {
            public async Task<IActionResult> Logout()
            {
                await {|STATE003:HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme)|};
                return Redirect("/");
            }

            public IActionResult LogoutEverywhere() => {|STATE003:SignOut(CookieAuthenticationDefaults.AuthenticationScheme, MyAuthenticationSchemes.ExternalCookie)|};

            public async Task<IActionResult> LogoutDefault()
            {
                await {|STATE003:HttpContext.SignOutAsync()|};
                return Redirect("/");
            }
        }
        """);

    [Fact]
    public Task A_remote_handler_signing_into_the_app_cookie_itself_makes_that_sign_out_a_logout() => Verify(
        """
        using Microsoft.AspNetCore.Authentication.Cookies;
        using Microsoft.Extensions.DependencyInjection;
        static class AuthenticationSetup
        {
            public static void AddLogins(this IServiceCollection services) =>
                services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
                    .AddCookie()
                    .AddOAuth("corp", o =>
                    {
                        o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                        o.ClientId = "id";
                        o.CallbackPath = "/signin-corp";
                    });
        }
        """,
        """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Mvc;
        public class AccountController : Controller
        {
            public async Task Logout() => await {|STATE003:HttpContext.SignOutAsync("Cookies")|};
        }
        """);

    [Fact]
    public Task A_scheme_named_like_an_external_one_but_never_registered_as_a_sign_in_scheme_is_a_logout() => Verify("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Mvc;
        public static class Schemes { public const string ExternalCookie = "External"; }
        public class AccountController : Controller
        {
            public async Task Logout() => await {|STATE003:HttpContext.SignOutAsync(Schemes.ExternalCookie)|};
        }
        """);

    [Fact]
    public Task The_two_factor_schemes_are_not_a_logout_whether_named_by_field_or_by_value() => Verify("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Identity;
        static class TwoFactor
        {
            public static async Task Done(HttpContext context)
            {
                await context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
                await context.SignOutAsync(IdentityConstants.TwoFactorRememberMeScheme);
                await context.SignOutAsync("Identity.External");
                await context.SignOutAsync("Identity.TwoFactorUserId");
            }
        }
        """);

    [Fact]
    public Task A_sign_out_of_the_external_and_the_application_scheme_is_a_logout() => Verify("""
        using Microsoft.AspNetCore.Identity;
        using Microsoft.AspNetCore.Mvc;
        public class AccountController : Controller
        {
            public IActionResult Logout() => {|STATE003:SignOut(IdentityConstants.ExternalScheme, IdentityConstants.ApplicationScheme)|};
        }
        """);

    [Fact]
    public Task SignInManager_SignOutAsync_is_a_sign_out() => Verify("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.AspNetCore.Mvc;
        public class AccountController : Controller
        {
            private readonly SignInManager<IdentityUser> _signInManager;
            public AccountController(SignInManager<IdentityUser> signInManager) => _signInManager = signInManager;

            [HttpPost]
            public async Task<IActionResult> Logout(string returnUrl)
            {
                await {|STATE003:_signInManager.SignOutAsync()|};
                return LocalRedirect(returnUrl);
            }
        }
        """);

    [Fact]
    public Task A_derived_SignInManager_signs_out_too() => Verify("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.Logging;
        using Microsoft.Extensions.Options;
        public class ShopSignInManager : SignInManager<IdentityUser>
        {
            public ShopSignInManager(UserManager<IdentityUser> users, IHttpContextAccessor accessor, IUserClaimsPrincipalFactory<IdentityUser> factory,
                IOptions<IdentityOptions> options, ILogger<SignInManager<IdentityUser>> logger, IAuthenticationSchemeProvider schemes, IUserConfirmation<IdentityUser> confirmation)
                : base(users, accessor, factory, options, logger, schemes, confirmation) { }

            // The framework's own override is plumbing, not a logout.
            public override Task SignOutAsync() => base.SignOutAsync();
        }

        public class LogoutHandler
        {
            private readonly ShopSignInManager _signIn;
            public LogoutHandler(ShopSignInManager signIn) => _signIn = signIn;
            public async Task Handle(string reason)
            {
                System.Console.WriteLine(reason);
                await {|STATE003:_signIn.SignOutAsync()|};
            }
        }
        """);

    [Fact]
    public Task IAuthenticationService_SignOutAsync_is_a_sign_out() => Verify("""
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
        """);

    [Fact]
    public Task An_IAuthenticationService_decorator_is_plumbing_not_a_logout() => Verify("""
        using System.Security.Claims;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Http;
        public sealed class AuditingAuthenticationService : IAuthenticationService
        {
            private readonly IAuthenticationService _inner;
            public AuditingAuthenticationService(IAuthenticationService inner) => _inner = inner;
            public Task<AuthenticateResult> AuthenticateAsync(HttpContext context, string? scheme) => _inner.AuthenticateAsync(context, scheme);
            public Task ChallengeAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) => _inner.ChallengeAsync(context, scheme, properties);
            public Task ForbidAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) => _inner.ForbidAsync(context, scheme, properties);
            public Task SignInAsync(HttpContext context, string? scheme, ClaimsPrincipal principal, AuthenticationProperties? properties) => _inner.SignInAsync(context, scheme, principal, properties);
            public Task SignOutAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) => _inner.SignOutAsync(context, scheme, properties);
        }
        """);

    [Fact]
    public Task Returning_SignOut_from_a_controller_is_a_sign_out() => Verify("""
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Mvc;
        public class AccountController : Controller
        {
            [HttpPost]
            public IActionResult Logout()
            {
                return {|STATE003:SignOut(new AuthenticationProperties { RedirectUri = "/" }, "Cookies", "oidc")|};
            }
        }
        """);

    [Fact]
    public Task A_new_SignOutResult_is_a_sign_out() => Verify("""
        using Microsoft.AspNetCore.Mvc;
        public class AccountController : ControllerBase
        {
            public IActionResult Logout() => {|STATE003:new SignOutResult("Cookies")|};
        }
        """);

    [Fact]
    public Task Results_SignOut_in_a_minimal_API_is_a_sign_out() =>
        Analyze.With<SignOutWithoutSessionClearAnalyzer>("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapGet("/cart", (HttpContext context) => context.Session.GetString("cart"));
            app.MapPost("/logout", () => {|STATE003:Results.SignOut(authenticationSchemes: ["Cookies"])|});
            app.MapPost("/logout/typed", () => {|STATE003:TypedResults.SignOut()|});
            app.Run();
            """).AsProgram().Verify();

    [Fact]
    public Task Results_SignOut_of_the_external_scheme_only_is_not_a_logout() =>
        Analyze.With<SignOutWithoutSessionClearAnalyzer>("""
            using System.Collections.Generic;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Identity;
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapGet("/cart", (HttpContext context) => context.Session.GetString("cart"));
            app.MapPost("/external/cancel", () => Results.SignOut(authenticationSchemes: new List<string> { IdentityConstants.ExternalScheme }));
            app.Run();
            """).AsProgram().Verify();

    [Fact]
    public Task Each_lambda_is_a_method_of_its_own() =>
        Analyze.With<SignOutWithoutSessionClearAnalyzer>("""
            using Microsoft.AspNetCore.Authentication;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapPost("/session/reset", (HttpContext context) => context.Session.Clear());
            app.MapPost("/logout", async (HttpContext context) =>
            {
                await {|STATE003:context.SignOutAsync()|};
                return Results.Redirect("/");
            });
            app.MapPost("/logout/clean", async (HttpContext context) =>
            {
                context.Session.Clear();
                await context.SignOutAsync();
            });
            app.Run();
            """).AsProgram().Verify();

    [Fact]
    public Task A_local_function_belongs_to_its_method() => Verify("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Mvc;
        public class AccountController : Controller
        {
            public async Task<IActionResult> Logout()
            {
                HttpContext.Session.Clear();
                await SignOutEverywhere();
                return Redirect("/");

                async Task SignOutEverywhere()
                {
                    await HttpContext.SignOutAsync("Cookies");
                    await HttpContext.SignOutAsync("oidc");
                }
            }

            public async Task<IActionResult> LogoutHere()
            {
                await SignOutHere();
                return Redirect("/");

                Task SignOutHere() => {|STATE003:HttpContext.SignOutAsync("Cookies")|};
            }
        }
        """);

    [Fact]
    public Task A_Clear_in_a_helper_the_method_calls_counts() => Verify("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Mvc;
        public class AccountController : Controller
        {
            public async Task<IActionResult> Logout()
            {
                ForgetVisitor();
                await HttpContext.SignOutAsync();
                return Redirect("/");
            }

            private void ForgetVisitor() => HttpContext.Session.Clear();
        }
        """);

    [Fact]
    public Task A_Clear_two_calls_deep_counts() => Verify("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Http;
        static class SessionCleanup
        {
            public static void Forget(this HttpContext context) => Wipe(context.Session);
            private static void Wipe(ISession session) => session.Clear();
        }

        static class Logout
        {
            public static async Task Run(HttpContext context)
            {
                context.Forget();
                await context.SignOutAsync();
            }
        }
        """);

    [Fact]
    public Task A_Clear_three_calls_deep_is_too_far_to_follow() => Verify("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Http;
        static class SessionCleanup
        {
            public static void One(HttpContext context) => Two(context);
            private static void Two(HttpContext context) => Three(context.Session);
            private static void Three(ISession session) => session.Clear();
        }

        static class Logout
        {
            public static async Task Run(HttpContext context)
            {
                SessionCleanup.One(context);
                await {|STATE003:context.SignOutAsync()|};
            }
        }
        """);

    [Fact]
    public Task Removing_single_keys_is_not_clearing() => Verify("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        public class AccountController : Controller
        {
            public async Task<IActionResult> Logout()
            {
                HttpContext.Session.Remove("cart");
                HttpContext.Session.SetString("user", "");
                await {|STATE003:HttpContext.SignOutAsync()|};
                return Redirect("/");
            }
        }
        """);

    [Fact]
    public Task A_sign_out_through_a_small_wrapper_is_reported_at_the_call_site() => Verify("""
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

            [HttpPost]
            public async Task<IActionResult> Logout()
            {
                await {|STATE003:_accounts.LogoutAsync()|};
                return Redirect("/");
            }
        }
        """);

    [Fact]
    public Task The_message_at_a_wrapper_call_site_names_the_wrapper() =>
        Analyze.With<SignOutWithoutSessionClearAnalyzer>("""
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Authentication;
            using Microsoft.AspNetCore.Http;
            static class Auth
            {
                public static async Task LogoutAsync(HttpContext context)
                {
                    await context.SignOutAsync("Cookies").ConfigureAwait(false);
                }
            }

            static class Endpoint
            {
                public static Task Handle(HttpContext context) => {|#0:Auth.LogoutAsync(context)|};
            }
            """)
            .AndSource(CartUsesSession)
            .Expecting(Expected(0, "'Auth.LogoutAsync' signs the user out but leaves the session alive; call Session.Clear() before signing out"))
            .Verify();

    [Fact]
    public Task A_wrapper_call_site_that_clears_the_session_is_clean() => Verify("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.AspNetCore.Mvc;
        public class AccountService
        {
            private readonly SignInManager<IdentityUser> _signInManager;
            public AccountService(SignInManager<IdentityUser> signInManager) => _signInManager = signInManager;
            public async Task LogoutAsync() { await _signInManager.SignOutAsync(); }
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
        """);

    [Fact]
    public Task A_wrapper_that_nothing_in_the_project_calls_is_reported_inside() => Verify("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Identity;
        public class AccountService
        {
            private readonly SignInManager<IdentityUser> _signInManager;
            public AccountService(SignInManager<IdentityUser> signInManager) => _signInManager = signInManager;
            public Task LogoutAsync() => {|STATE003:_signInManager.SignOutAsync()|};
        }
        """);

    [Fact]
    public Task A_larger_method_that_signs_out_is_itself_the_place_to_report() => Verify("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.Logging;
        public class AccountService
        {
            private readonly SignInManager<IdentityUser> _signInManager;
            private readonly ILogger<AccountService> _logger;
            public AccountService(SignInManager<IdentityUser> signInManager, ILogger<AccountService> logger) { _signInManager = signInManager; _logger = logger; }
            public async Task LogoutAsync()
            {
                await {|STATE003:_signInManager.SignOutAsync()|};
                _logger.LogInformation("User logged out.");
            }
        }

        public class Caller
        {
            public Task Go(AccountService accounts) => accounts.LogoutAsync();
        }
        """);

    [Fact]
    public Task A_wrapper_scheme_parameter_is_judged_at_each_call_site() => Verify("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Identity;
        static class Auth
        {
            public static Task SignOutOf(this HttpContext context, string scheme) => context.SignOutAsync(scheme);
        }

        static class Pages
        {
            public static Task BeforeLogin(HttpContext context) => context.SignOutOf(IdentityConstants.ExternalScheme);
            public static Task Logout(HttpContext context) => {|STATE003:context.SignOutOf("Cookies")|};
        }
        """);

    [Fact]
    public Task A_sign_out_in_OnValidatePrincipal_revokes_rather_than_logs_out() => Verify("""
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Authentication.Cookies;
        using Microsoft.Extensions.DependencyInjection;
        static class Auth
        {
            public static void Add(IServiceCollection services) =>
                services.AddAuthentication().AddCookie(options =>
                {
                    options.Events.OnValidatePrincipal = async context =>
                    {
                        if (context.Principal?.FindFirst("stamp") is null)
                        {
                            context.RejectPrincipal();
                            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                        }
                    };
                });
        }
        """);

    [Fact]
    public Task A_sign_out_in_a_CookieAuthenticationEvents_subclass_revokes_rather_than_logs_out() => Verify("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Authentication.Cookies;
        public class RevokingEvents : CookieAuthenticationEvents
        {
            public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
            {
                if (await IsRevokedAsync(context))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync();
                }
            }

            private static Task<bool> IsRevokedAsync(CookieValidatePrincipalContext context) => Task.FromResult(context.Principal is null);

            private static Task SignOutEverywhere(Microsoft.AspNetCore.Http.HttpContext http) => http.SignOutAsync();
        }
        """);

    [Fact]
    public Task A_logout_in_a_service_that_uses_IHttpContextAccessor_is_reported() => Verify("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Http;
        public class SessionEnder
        {
            private readonly IHttpContextAccessor _accessor;
            public SessionEnder(IHttpContextAccessor accessor) => _accessor = accessor;
            public async Task EndAsync(string reason)
            {
                System.Console.WriteLine(reason);
                await {|STATE003:_accessor.HttpContext!.SignOutAsync()|};
            }
        }
        """);

    [Fact]
    public Task A_method_named_SignOutAsync_on_another_type_is_not_a_sign_out() => Verify("""
        using System.Threading.Tasks;
        public class SingleSignOnClient
        {
            public Task SignOutAsync(string scheme) => Task.CompletedTask;
        }

        public class Portal
        {
            public Task Leave(SingleSignOnClient client) => client.SignOutAsync("Cookies");
        }
        """);

    [Fact]
    public Task Nothing_is_reported_without_ASP_NET_Core() =>
        Analyze.With<SignOutWithoutSessionClearAnalyzer>("""
            using System.Threading.Tasks;
            public class Session { public void Clear() { } }
            public class HttpContext { public Session Session { get; } = new Session(); public Task SignOutAsync() => Task.CompletedTask; }
            static class Logout
            {
                public static Task Run(HttpContext context) => context.SignOutAsync();
            }
            """).WithoutAspNetCore().Verify();
}
