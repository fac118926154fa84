using StateAnalyzers.CodeFixes.TempDataProvider;
using StateAnalyzers.Rules;
using StateAnalyzers.Tests.Infrastructure;

namespace StateAnalyzers.Tests.CodeFixes;

/// <summary>
/// The STATE011 fix: the MVC registration keeps TempData in the session, and the session is configured with a hardened
/// cookie when the host lacks it. The session and cookie analyzers run too, so the fixed code must carry no STATE005 or
/// STATE007 either.
/// </summary>
public class SwitchTempDataProviderTests
{
    private const string CartController = """
        using System.Collections.Generic;
        using System.Text.Json;
        using Microsoft.AspNetCore.Mvc;
        public class CartController : Controller
        {
            public IActionResult Checkout(List<string> items)
            {
                {|STATE011:TempData["Cart"] = JsonSerializer.Serialize(items)|};
                return RedirectToAction("Review");
            }
        }
        """;

    private const string FixedCartController = """
        using System.Collections.Generic;
        using System.Text.Json;
        using Microsoft.AspNetCore.Mvc;
        public class CartController : Controller
        {
            public IActionResult Checkout(List<string> items)
            {
                TempData["Cart"] = JsonSerializer.Serialize(items);
                return RedirectToAction("Review");
            }
        }
        """;

    private static CodeFixSpec<SwitchTempDataProviderCodeFix> Switch() =>
        Fix.With<SwitchTempDataProviderCodeFix>(
                new TempDataInCookieAnalyzer(), new SessionNotConfiguredAnalyzer(), new SecureCookieAnalyzer(), new HttpOnlyCookieAnalyzer(), new SameSiteCookieAnalyzer())
            .AsProgram();

    [Fact]
    public Task A_program_gets_the_session_provider_and_a_hardened_session() => Switch()
        .File(
            """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllersWithViews();

            var app = builder.Build();
            app.UseRouting();
            app.UseAuthorization();
            app.MapDefaultControllerRoute();
            app.Run();
            """,
            """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllersWithViews().AddSessionStateTempDataProvider();
            builder.Services.AddDistributedMemoryCache();
            builder.Services.AddSession(options =>
            {
                options.Cookie.HttpOnly = true;
                options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                options.Cookie.SameSite = SameSiteMode.Lax;
            });

            var app = builder.Build();
            app.UseRouting();
            app.UseAuthorization();
            app.UseSession();
            app.MapDefaultControllerRoute();
            app.Run();
            """)
        .File(CartController, FixedCartController)
        .Verify();
}
