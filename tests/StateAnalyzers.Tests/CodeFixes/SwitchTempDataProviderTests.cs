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

    [Fact]
    public Task A_configured_session_only_gets_the_provider() => Switch()
        .File(
            """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRazorPages().AddRazorRuntimeCompilationIfAvailable();
            builder.Services.AddStackExchangeRedisCacheIfAvailable();
            builder.Services.AddSession(o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always);

            var app = builder.Build();
            app.UseSession();
            app.MapRazorPages();
            app.Run();

            static class Extensions
            {
                public static IMvcBuilder AddRazorRuntimeCompilationIfAvailable(this IMvcBuilder builder) => builder;
                public static IServiceCollection AddStackExchangeRedisCacheIfAvailable(this IServiceCollection services) => services.AddDistributedMemoryCache();
            }
            """,
            """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRazorPages().AddSessionStateTempDataProvider().AddRazorRuntimeCompilationIfAvailable();
            builder.Services.AddStackExchangeRedisCacheIfAvailable();
            builder.Services.AddSession(o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always);

            var app = builder.Build();
            app.UseSession();
            app.MapRazorPages();
            app.Run();

            static class Extensions
            {
                public static IMvcBuilder AddRazorRuntimeCompilationIfAvailable(this IMvcBuilder builder) => builder;
                public static IServiceCollection AddStackExchangeRedisCacheIfAvailable(this IServiceCollection services) => services.AddDistributedMemoryCache();
            }
            """)
        .File(CartController, FixedCartController)
        .Verify();

    [Fact]
    public Task A_Startup_class_gets_the_provider_and_the_session() =>
        Fix.With<SwitchTempDataProviderCodeFix>(new TempDataInCookieAnalyzer(), new SessionNotConfiguredAnalyzer(), new SecureCookieAnalyzer())
            .AsProgram()
            .File(
                """
                using Microsoft.AspNetCore.Hosting;
                using Microsoft.Extensions.Hosting;
                public static class Program
                {
                    public static void Main(string[] args) =>
                        Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.UseStartup<Startup>()).Build().Run();
                }
                """,
                """
                using Microsoft.AspNetCore.Hosting;
                using Microsoft.Extensions.Hosting;
                public static class Program
                {
                    public static void Main(string[] args) =>
                        Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.UseStartup<Startup>()).Build().Run();
                }
                """)
            .File(
                """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.DependencyInjection;

                public class Startup
                {
                    public void ConfigureServices(IServiceCollection services)
                    {
                        services.AddMvc();
                    }

                    public void Configure(IApplicationBuilder app)
                    {
                        app.UseRouting();
                        app.UseEndpoints(endpoints => endpoints.MapDefaultControllerRoute());
                    }
                }
                """,
                """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;
                using Microsoft.Extensions.DependencyInjection;

                public class Startup
                {
                    public void ConfigureServices(IServiceCollection services)
                    {
                        services.AddMvc().AddSessionStateTempDataProvider();
                        services.AddDistributedMemoryCache();
                        services.AddSession(options =>
                        {
                            options.Cookie.HttpOnly = true;
                            options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                            options.Cookie.SameSite = SameSiteMode.Lax;
                        });
                    }

                    public void Configure(IApplicationBuilder app)
                    {
                        app.UseRouting();
                        app.UseSession();
                        app.UseEndpoints(endpoints => endpoints.MapDefaultControllerRoute());
                    }
                }
                """)
            .File(CartController, FixedCartController)
            .Verify();

    [Fact]
    public Task Fix_All_edits_the_registration_once_for_every_finding() => Switch()
        .File(
            """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllersWithViews();
            builder.Services.AddDistributedMemoryCache();

            var app = builder.Build();
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
            app.UseSession();
            app.MapDefaultControllerRoute();
            app.Run();
            """)
        .File(CartController, FixedCartController)
        .File(
            """
            using System.Collections.Generic;
            using Microsoft.AspNetCore.Mvc;
            public class ImportController : Controller
            {
                public IActionResult Import(List<string> errors, string apiKey)
                {
                    {|STATE011:TempData["Errors"] = errors|};
                    {|STATE011:TempData.Add("Key", apiKey)|};
                    return RedirectToAction("Index");
                }
            }
            """,
            """
            using System.Collections.Generic;
            using Microsoft.AspNetCore.Mvc;
            public class ImportController : Controller
            {
                public IActionResult Import(List<string> errors, string apiKey)
                {
                    TempData["Errors"] = errors;
                    TempData.Add("Key", apiKey);
                    return RedirectToAction("Index");
                }
            }
            """)
        .Iterations(1)
        .Verify();
}
