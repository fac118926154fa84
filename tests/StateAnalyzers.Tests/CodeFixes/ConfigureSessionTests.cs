using StateAnalyzers.CodeFixes.ConfigureSession;
using StateAnalyzers.Rules;
using StateAnalyzers.Tests.Infrastructure;

namespace StateAnalyzers.Tests.CodeFixes;

public class ConfigureSessionTests
{
    /// <summary>A controller that touches the session; the fix leaves it alone.</summary>
    private const string WizardController = """
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        public class WizardController : Controller
        {
            public IActionResult Start()
            {
                HttpContext.Session.SetString("step", "1");
                return Ok();
            }
        }
        """;

    private const string StartupProgram = """
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.Extensions.Hosting;
        public static class Program
        {
            public static void Main(string[] args) =>
                Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.UseStartup<Startup>()).Build().Run();
        }
        """;

    private static CodeFixSpec<ConfigureSessionCodeFix> Configure() =>
        Fix.With<ConfigureSessionCodeFix>(new SessionNotConfiguredAnalyzer()).AsProgram().File(WizardController, WizardController);

    [Fact]
    public Task A_program_gets_AddSession_after_its_registrations_and_UseSession_before_its_endpoints() => Configure().File(
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllersWithViews();
        builder.Services.AddAuthentication().AddCookie();

        var app = {|STATE007:builder.Build()|};
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
        }

        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();

        // the pages
        app.MapDefaultControllerRoute();
        app.Run();
        """,
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllersWithViews();
        builder.Services.AddAuthentication().AddCookie();
        builder.Services.AddDistributedMemoryCache();
        builder.Services.AddSession(options =>
        {
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            options.Cookie.SameSite = SameSiteMode.Lax;
        });

        var app = builder.Build();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
        }

        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseSession();

        // the pages
        app.MapDefaultControllerRoute();
        app.Run();
        """).Verify();

    [Fact]
    public Task UseSession_goes_before_the_first_endpoint_of_any_kind() => Configure().File(
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllersWithViews();
        builder.Services.AddSession();
        var app = {|STATE007:builder.Build()|};
        app.UseStaticFiles();
        app.MapPost("/ping", () => "pong");
        app.UseRouting();
        app.MapControllerRoute("default", "{controller=Home}/{action=Index}/{id?}");
        app.Run();
        """,
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllersWithViews();
        builder.Services.AddSession();
        var app = builder.Build();
        app.UseStaticFiles();
        app.UseSession();
        app.MapPost("/ping", () => "pong");
        app.UseRouting();
        app.MapControllerRoute("default", "{controller=Home}/{action=Index}/{id?}");
        app.Run();
        """).Verify();

    [Fact]
    public Task A_registered_distributed_cache_is_not_added_again() => Configure().File(
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddDistributedMemoryCache(options => options.SizeLimit = 1024 * 1024);
        builder.Services.AddControllers();
        var app = {|STATE007:builder.Build()|};
        app.MapControllers();
        app.Run();
        """,
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddDistributedMemoryCache(options => options.SizeLimit = 1024 * 1024);
        builder.Services.AddControllers();
        builder.Services.AddSession(options =>
        {
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            options.Cookie.SameSite = SameSiteMode.Lax;
        });
        var app = builder.Build();
        app.UseSession();
        app.MapControllers();
        app.Run();
        """).Verify();

    [Fact]
    public Task Only_the_missing_UseSession_is_added() => Configure().File(
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllers();
        builder.Services.AddSession();
        var app = {|STATE007:builder.Build()|};
        app.UseHttpsRedirection();
        app.MapControllers();
        app.Run();
        """,
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllers();
        builder.Services.AddSession();
        var app = builder.Build();
        app.UseHttpsRedirection();
        app.UseSession();
        app.MapControllers();
        app.Run();
        """).Verify();

    [Fact]
    public Task Only_the_missing_AddSession_is_added_through_the_same_services_variable() => Configure().File(
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        var builder = WebApplication.CreateBuilder(args);
        var services = builder.Services;
        services.AddControllers();
        var app = {|STATE007:builder.Build()|};
        app.UseSession();
        app.MapControllers();
        app.Run();
        """,
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        var builder = WebApplication.CreateBuilder(args);
        var services = builder.Services;
        services.AddControllers();
        services.AddDistributedMemoryCache();
        services.AddSession(options =>
        {
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            options.Cookie.SameSite = SameSiteMode.Lax;
        });
        var app = builder.Build();
        app.UseSession();
        app.MapControllers();
        app.Run();
        """).Verify();

    [Fact]
    public Task Without_registrations_AddSession_goes_just_before_Build_with_the_using_it_needs() => Configure().File(
        """
        using Microsoft.AspNetCore.Builder;
        var builder = WebApplication.CreateBuilder(args);
        var app = {|STATE007:builder.Build()|};
        app.MapControllers();
        app.Run();
        """,
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddDistributedMemoryCache();
        builder.Services.AddSession(options =>
        {
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            options.Cookie.SameSite = SameSiteMode.Lax;
        });
        var app = builder.Build();
        app.UseSession();
        app.MapControllers();
        app.Run();
        """).Verify();

    [Fact]
    public Task A_UseSession_after_UseEndpoints_is_moved_before_it_with_its_comment() => Configure().File(
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllers();
        builder.Services.AddSession();
        var app = builder.Build();
        app.UseRouting();
        app.UseAuthorization();
        app.UseEndpoints(endpoints => endpoints.MapControllers());

        // the basket lives in the session
        {|STATE007:app.UseSession()|};
        app.Run();
        """,
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllers();
        builder.Services.AddSession();
        var app = builder.Build();
        app.UseRouting();
        app.UseAuthorization();
        // the basket lives in the session
        app.UseSession();
        app.UseEndpoints(endpoints => endpoints.MapControllers());
        app.Run();
        """).Verify();

    [Fact]
    public Task A_UseSession_after_a_terminal_Run_is_moved_before_it() => Configure().File(
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSession();
        var app = builder.Build();
        app.Run(async context => await context.Response.WriteAsync(context.Session.GetString("step") ?? "none"));
        {|STATE007:app.UseSession(new SessionOptions())|};
        app.Run();
        """,
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSession();
        var app = builder.Build();
        app.UseSession(new SessionOptions());
        app.Run(async context => await context.Response.WriteAsync(context.Session.GetString("step") ?? "none"));
        app.Run();
        """).Verify();

    [Fact]
    public Task A_missing_AddSession_and_a_misplaced_UseSession_are_fixed_together() => Configure().File(
        """
        using Microsoft.AspNetCore.Builder;
        var builder = WebApplication.CreateBuilder(args);
        var app = {|STATE007:builder.Build()|};
        app.UseRouting();
        app.UseEndpoints(endpoints => endpoints.MapControllers());
        app.UseSession();
        app.Run();
        """,
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddDistributedMemoryCache();
        builder.Services.AddSession(options =>
        {
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            options.Cookie.SameSite = SameSiteMode.Lax;
        });
        var app = builder.Build();
        app.UseRouting();
        app.UseSession();
        app.UseEndpoints(endpoints => endpoints.MapControllers());
        app.Run();
        """).Verify();

    [Fact]
    public Task Top_level_statements_stay_before_the_types_that_follow_them() => Configure().File(
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSession();
        var app = {|STATE007:builder.Build()|};
        Routes.Map(app);

        static class Routes
        {
            public static void Map(WebApplication app) => app.MapControllers();
        }
        """,
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSession();
        var app = builder.Build();
        Routes.Map(app);
        app.UseSession();

        static class Routes
        {
            public static void Map(WebApplication app) => app.MapControllers();
        }
        """).Verify();

    [Fact]
    public Task A_Main_method_host_is_configured_in_place() => Configure().File(
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        public static class Program
        {
            public static void Main(string[] args)
            {
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddControllers();
                var app = {|STATE007:builder.Build()|};
                app.UseRouting();
                app.MapControllers();
                app.Run();
            }
        }
        """,
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        public static class Program
        {
            public static void Main(string[] args)
            {
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddControllers();
                builder.Services.AddDistributedMemoryCache();
                builder.Services.AddSession(options =>
                {
                    options.Cookie.HttpOnly = true;
                    options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                    options.Cookie.SameSite = SameSiteMode.Lax;
                });
                var app = builder.Build();
                app.UseRouting();
                app.UseSession();
                app.MapControllers();
                app.Run();
            }
        }
        """).Verify();

    [Fact]
    public Task A_Startup_class_gets_AddSession_in_ConfigureServices_and_UseSession_in_Configure() => Configure().File(StartupProgram, StartupProgram).File(
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        public class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.AddControllersWithViews();
            }

            public void {|STATE007:Configure|}(IApplicationBuilder app)
            {
                app.UseRouting();
                app.UseAuthorization();
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
                services.AddControllersWithViews();
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
                app.UseAuthorization();
                app.UseSession();
                app.UseEndpoints(endpoints => endpoints.MapDefaultControllerRoute());
            }
        }
        """).Verify();

    [Fact]
    public Task A_Startup_class_without_ConfigureServices_gets_one() => Configure().File(StartupProgram, StartupProgram).File(
        """
        using Microsoft.AspNetCore.Builder;
        public class Startup
        {
            public void {|STATE007:Configure|}(IApplicationBuilder app)
            {
                app.UseRouting();
                app.UseEndpoints(endpoints => endpoints.MapControllers());
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
                app.UseEndpoints(endpoints => endpoints.MapControllers());
            }
        }
        """).Verify();

    [Fact]
    public Task Expression_bodied_Startup_methods_become_blocks() => Configure().File(StartupProgram, StartupProgram).File(
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        public class Startup
        {
            public void ConfigureServices(IServiceCollection services) => services.AddControllers();

            public void {|STATE007:Configure|}(IApplicationBuilder app) => app.UseRouting().UseEndpoints(endpoints => endpoints.MapControllers());
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
                services.AddControllers();
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
                app.UseSession();
                app.UseRouting().UseEndpoints(endpoints => endpoints.MapControllers());
            }
        }
        """).Verify();

    [Fact]
    public Task A_Startup_UseSession_after_UseEndpoints_is_moved() => Configure().File(StartupProgram, StartupProgram).File(
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        public class Startup
        {
            public void ConfigureServices(IServiceCollection services) => services.AddSession();

            public void Configure(IApplicationBuilder app)
            {
                app.UseRouting();
                app.UseEndpoints(endpoints => endpoints.MapControllers());
                {|STATE007:app.UseSession()|};
            }
        }
        """,
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        public class Startup
        {
            public void ConfigureServices(IServiceCollection services) => services.AddSession();

            public void Configure(IApplicationBuilder app)
            {
                app.UseRouting();
                app.UseSession();
                app.UseEndpoints(endpoints => endpoints.MapControllers());
            }
        }
        """).Verify();

    [Fact]
    public Task No_fix_is_offered_when_there_is_no_builder_to_register_services_on() => Configure().File(
        """
        using Microsoft.AspNetCore.Builder;
        var app = {|STATE007:WebApplication.Create(args)|};
        app.MapControllers();
        app.Run();
        """,
        """
        using Microsoft.AspNetCore.Builder;
        var app = {|STATE007:WebApplication.Create(args)|};
        app.MapControllers();
        app.Run();
        """).Verify();

    /// <summary>The registration the fix writes is itself clean: no STATE005 (or STATE004/STATE006) follows it.</summary>
    [Fact]
    public Task The_session_registration_is_hardened_so_no_cookie_finding_follows() =>
        Fix.With<ConfigureSessionCodeFix>(new SessionNotConfiguredAnalyzer(), new SecureCookieAnalyzer(), new HttpOnlyCookieAnalyzer(), new SameSiteCookieAnalyzer())
            .AsProgram()
            .File(WizardController, WizardController)
            .File(
                """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;
                using Microsoft.Extensions.DependencyInjection;

                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddControllers();
                var app = {|STATE007:builder.Build()|};
                app.MapControllers();
                app.Run();
                """,
                """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;
                using Microsoft.Extensions.DependencyInjection;

                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddControllers();
                builder.Services.AddDistributedMemoryCache();
                builder.Services.AddSession(options =>
                {
                    options.Cookie.HttpOnly = true;
                    options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                    options.Cookie.SameSite = SameSiteMode.Lax;
                });
                var app = builder.Build();
                app.UseSession();
                app.MapControllers();
                app.Run();
                """)
            .Verify();

    [Fact]
    public Task The_registration_compiles_in_a_program_that_imports_Microsoft_Net_Http_Headers() => Configure().File(
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Net.Http.Headers;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllers();
        var options = new SetCookieHeaderValue("probe") { SameSite = Microsoft.Net.Http.Headers.SameSiteMode.Strict };
        var app = {|STATE007:builder.Build()|};
        app.MapGet("/probe", (HttpContext context) => context.Response.Headers.Append(HeaderNames.SetCookie, options.ToString()));
        app.MapControllers();
        app.Run();
        """,
        """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Net.Http.Headers;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllers();
        builder.Services.AddDistributedMemoryCache();
        builder.Services.AddSession(sessionOptions =>
        {
            sessionOptions.Cookie.HttpOnly = true;
            sessionOptions.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            sessionOptions.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax;
        });
        var options = new SetCookieHeaderValue("probe") { SameSite = Microsoft.Net.Http.Headers.SameSiteMode.Strict };
        var app = builder.Build();
        app.UseSession();
        app.MapGet("/probe", (HttpContext context) => context.Response.Headers.Append(HeaderNames.SetCookie, options.ToString()));
        app.MapControllers();
        app.Run();
        """).Verify();
}
