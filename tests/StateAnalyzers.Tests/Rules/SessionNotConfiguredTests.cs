using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using StateAnalyzers.Rules;
using StateAnalyzers.Tests.Infrastructure;

namespace StateAnalyzers.Tests.Rules;

/// <summary>
/// The analyzer of STATE007 (session used but not configured): positives and the tricky clean cases; the fix is tested in
/// <see cref="CodeFixes.ConfigureSessionTests"/>.
/// </summary>
public class SessionNotConfiguredTests
{
    /// <summary>A controller that touches the session.</summary>
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

    private static AnalyzerSpec<SessionNotConfiguredAnalyzer> Program(string program) =>
        Analyze.With<SessionNotConfiguredAnalyzer>(program).AndSource(WizardController).AsProgram();

    private static DiagnosticResult Expected(int location, string missing) =>
        new DiagnosticResult("STATE007", DiagnosticSeverity.Warning)
            .WithLocation(location)
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
            .WithMessage($"Session is used but not configured: {missing}; the app throws \"Session has not been configured for this application or request\"");

    private static DiagnosticResult ExpectedServicesMissing(int location, string missing) =>
        new DiagnosticResult("STATE007", DiagnosticSeverity.Warning)
            .WithLocation(location)
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
            .WithMessage($"Session is used but not configured: {missing}; the session middleware cannot start without the services AddSession() registers");

    [Fact]
    public Task A_program_without_AddSession_and_UseSession_is_reported_at_Build() => Program("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllersWithViews();
        var app = {|STATE007:builder.Build()|};
        app.MapDefaultControllerRoute();
        app.Run();
        """).Verify();

    [Fact]
    public Task The_message_says_both_calls_are_missing() =>
        Analyze.With<SessionNotConfiguredAnalyzer>("""
            using Microsoft.AspNetCore.Builder;
            var builder = WebApplication.CreateBuilder(args);
            var app = {|#0:builder.Build()|};
            app.Run();
            """)
            .AndSource(WizardController)
            .AsProgram()
            .Expecting(Expected(0, "AddSession() and UseSession() are never called"))
            .Verify();

    [Fact]
    public Task A_missing_UseSession_is_named() =>
        Analyze.With<SessionNotConfiguredAnalyzer>("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddDistributedMemoryCache();
            builder.Services.AddSession();
            var app = {|#0:builder.Build()|};
            app.MapControllers();
            app.Run();
            """)
            .AndSource(WizardController)
            .AsProgram()
            .Expecting(Expected(0, "UseSession() is never called"))
            .Verify();

    [Fact]
    public Task A_missing_AddSession_has_its_own_message() =>
        Analyze.With<SessionNotConfiguredAnalyzer>("""
            using Microsoft.AspNetCore.Builder;
            var builder = WebApplication.CreateBuilder(args);
            var app = {|#0:builder.Build()|};
            app.UseSession();
            app.MapControllers();
            app.Run();
            """)
            .AndSource(WizardController)
            .AsProgram()
            .Expecting(ExpectedServicesMissing(0, "AddSession() is never called"))
            .Verify();

    [Fact]
    public Task A_configured_program_is_clean() => Program("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllersWithViews();
        builder.Services.AddDistributedMemoryCache();
        builder.Services.AddSession();
        var app = builder.Build();
        app.UseRouting();
        app.UseSession();
        app.MapDefaultControllerRoute();
        app.Run();
        """).Verify();

    [Fact]
    public Task Map_calls_before_UseSession_are_fine_on_a_WebApplication() => Program("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllers();
        builder.Services.AddSession();
        var app = builder.Build();
        app.MapControllers();
        app.MapGet("/step", (HttpContext context) => context.Session.GetString("step"));
        app.MapRazorPages();
        app.UseSession();
        app.Run();
        """).Verify();

    [Fact]
    public Task UseSession_after_an_explicit_UseEndpoints_is_reported_at_UseSession() =>
        Analyze.With<SessionNotConfiguredAnalyzer>("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSession();
            var app = builder.Build();
            app.UseRouting();
            app.UseEndpoints(endpoints => endpoints.MapControllers());
            {|#0:app.UseSession()|};
            app.Run();
            """)
            .AndSource(WizardController)
            .AsProgram()
            .Expecting(Expected(0, "UseSession() comes after UseEndpoints(...), so it never runs before the endpoints"))
            .Verify();

    [Fact]
    public Task UseSession_after_a_terminal_Run_middleware_is_reported() =>
        Analyze.With<SessionNotConfiguredAnalyzer>("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.DependencyInjection;
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSession();
            var app = builder.Build();
            app.Run(async context => await context.Response.WriteAsync(context.Session.GetString("step") ?? "none"));
            {|#0:app.UseSession()|};
            """)
            .AsProgram()
            .Expecting(Expected(0, "UseSession() comes after the terminal Run(...) middleware, so it never runs"))
            .Verify();

    [Fact]
    public Task UseSession_after_the_host_starts_running_is_reported() =>
        Analyze.With<SessionNotConfiguredAnalyzer>("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSession();
            var app = builder.Build();
            app.MapControllers();
            await app.RunAsync();
            {|#0:app.UseSession()|};
            """)
            .AndSource(WizardController)
            .AsProgram()
            .Expecting(Expected(0, "UseSession() comes after app.RunAsync(), when the pipeline is already built"))
            .Verify();

    [Fact]
    public Task A_misplaced_UseSession_and_a_missing_AddSession_are_reported_together_at_the_host() =>
        Analyze.With<SessionNotConfiguredAnalyzer>("""
            using Microsoft.AspNetCore.Builder;
            var builder = WebApplication.CreateBuilder(args);
            var app = {|#0:builder.Build()|};
            app.UseRouting();
            app.UseEndpoints(endpoints => endpoints.MapControllers());
            app.UseSession();
            app.Run();
            """)
            .AndSource(WizardController)
            .AsProgram()
            .Expecting(ExpectedServicesMissing(0, "AddSession() is never called, and UseSession() comes after UseEndpoints(...)"))
            .Verify();

    [Fact]
    public Task A_UseEndpoints_that_runs_only_sometimes_does_not_make_UseSession_misplaced() => Program("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSession();
        var app = builder.Build();
        if (args.Length > 0)
        {
            app.UseEndpoints(endpoints => endpoints.MapControllers());
        }

        app.UseSession();
        app.Run();
        """).Verify();

    [Fact]
    public Task UseSession_in_a_branch_pipeline_is_not_compared_with_the_main_pipeline() => Program("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSession();
        var app = builder.Build();
        app.UseRouting();
        app.UseEndpoints(endpoints => endpoints.MapControllers());
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/wizard"), branch => branch.UseSession());
        app.Run();
        """).Verify();

    [Fact]
    public Task A_well_placed_UseSession_makes_a_late_second_one_harmless() => Program("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSession();
        var app = builder.Build();
        app.UseSession();
        app.UseRouting();
        app.UseEndpoints(endpoints => endpoints.MapControllers());
        app.UseSession();
        app.Run();
        """).Verify();

    [Fact]
    public Task UseSession_before_UseRouting_is_fine() => Program("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSession();
        var app = builder.Build();
        app.UseSession();
        app.UseRouting();
        app.UseAuthorization();
        app.UseEndpoints(endpoints => endpoints.MapControllers());
        app.Run();
        """).Verify();

    [Fact]
    public Task UseMiddleware_of_SessionMiddleware_counts_as_UseSession() => Program("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Session;
        using Microsoft.Extensions.DependencyInjection;
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSession();
        var app = builder.Build();
        app.UseMiddleware<SessionMiddleware>();
        app.MapControllers();
        app.Run();
        """).Verify();

    [Fact]
    public Task AddSession_and_UseSession_in_helpers_in_source_count() =>
        Analyze.With<SessionNotConfiguredAnalyzer>("""
            using Microsoft.AspNetCore.Builder;
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddShopServices();
            var app = builder.Build();
            app.UseShopPipeline();
            app.Run();
            """, """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            public static class ShopSetup
            {
                public static IServiceCollection AddShopServices(this IServiceCollection services) => services.AddControllers().Services.AddSession();
                public static WebApplication UseShopPipeline(this WebApplication app)
                {
                    app.UseSession();
                    app.MapControllers();
                    return app;
                }
            }
            """).AndSource(WizardController).AsProgram().Verify();

    [Fact]
    public Task Configuring_SessionOptions_does_not_register_the_session_services() =>
        Analyze.With<SessionNotConfiguredAnalyzer>("""
            using System;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<SessionOptions>(options => options.IdleTimeout = TimeSpan.FromMinutes(20));
            var app = {|#0:builder.Build()|};
            app.UseSession();
            app.Run();
            """)
            .AndSource(WizardController)
            .AsProgram()
            .Expecting(ExpectedServicesMissing(0, "AddSession() is never called"))
            .Verify();

    [Fact]
    public Task A_project_that_never_touches_the_session_is_clean() =>
        Analyze.With<SessionNotConfiguredAnalyzer>("""
            using Microsoft.AspNetCore.Builder;
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapGet("/", () => "hello");
            app.Run();
            """).AsProgram().Verify();

    [Fact]
    public Task Session_used_in_a_minimal_API_handler_in_the_program_is_reported() =>
        Analyze.With<SessionNotConfiguredAnalyzer>("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            var builder = WebApplication.CreateBuilder(args);
            var app = {|STATE007:builder.Build()|};
            app.MapGet("/visits", (HttpContext context) =>
            {
                var visits = (context.Session.GetInt32("visits") ?? 0) + 1;
                context.Session.SetInt32("visits", visits);
                return visits;
            });
            app.Run();
            """).AsProgram().Verify();

    [Fact]
    public Task An_ISession_parameter_in_a_service_is_session_use() =>
        Analyze.With<SessionNotConfiguredAnalyzer>("""
            using Microsoft.AspNetCore.Builder;
            var builder = WebApplication.CreateBuilder(args);
            var app = {|STATE007:builder.Build()|};
            app.Run();
            """, """
            using Microsoft.AspNetCore.Http;
            public class Basket
            {
                public void Add(ISession session, string sku) => session.Set(sku, new byte[] { 1 });
            }
            """).AsProgram().Verify();

    [Fact]
    public Task A_type_named_ISession_from_another_library_is_not_session_use() =>
        Analyze.With<SessionNotConfiguredAnalyzer>("""
            using Microsoft.AspNetCore.Builder;
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.Run();
            """, """
            namespace Orm
            {
                public interface ISession { void Save(object entity); }
                public class Unit
                {
                    public Unit(ISession session) => Session = session;
                    public ISession Session { get; }
                }
            }
            """).AsProgram().Verify();

    [Fact]
    public Task A_class_library_without_a_host_is_never_reported() =>
        Analyze.With<SessionNotConfiguredAnalyzer>(WizardController).Verify();

    [Fact]
    public Task A_Startup_class_in_a_class_library_is_a_module_not_a_host() =>
        Analyze.With<SessionNotConfiguredAnalyzer>("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services) => services.AddControllers();
                public void Configure(IApplicationBuilder app) => app.UseRouting();
            }
            """).AndSource(WizardController).Verify();

    [Fact]
    public Task A_Main_method_that_builds_a_WebApplication_is_a_host() =>
        Analyze.With<SessionNotConfiguredAnalyzer>("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            public static class Program
            {
                public static void Main(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    builder.Services.AddControllers();
                    builder.Services.AddSession();
                    var app = {|STATE007:builder.Build()|};
                    app.MapControllers();
                    app.Run();
                }
            }
            """).AndSource(WizardController).AsProgram().Verify();

    [Fact]
    public Task WebApplication_Create_is_a_host_too() =>
        Analyze.With<SessionNotConfiguredAnalyzer>("""
            using Microsoft.AspNetCore.Builder;
            var app = {|STATE007:WebApplication.Create(args)|};
            app.MapControllers();
            app.Run();
            """).AndSource(WizardController).AsProgram().Verify();

    [Fact]
    public Task A_Startup_class_without_UseSession_is_reported_at_Configure() =>
        Analyze.With<SessionNotConfiguredAnalyzer>(StartupProgram, """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddControllersWithViews();
                    services.AddSession();
                }

                public void {|#0:Configure|}(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseEndpoints(endpoints => endpoints.MapDefaultControllerRoute());
                }
            }
            """)
            .AndSource(WizardController)
            .AsProgram()
            .Expecting(Expected(0, "UseSession() is never called"))
            .Verify();

    [Fact]
    public Task A_Startup_class_without_AddSession_is_reported_at_ConfigureServices() =>
        Analyze.With<SessionNotConfiguredAnalyzer>(StartupProgram, """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            public class Startup
            {
                public void {|#0:ConfigureServices|}(IServiceCollection services) => services.AddControllersWithViews();

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseSession();
                    app.UseEndpoints(endpoints => endpoints.MapDefaultControllerRoute());
                }
            }
            """)
            .AndSource(WizardController)
            .AsProgram()
            .Expecting(ExpectedServicesMissing(0, "AddSession() is never called"))
            .Verify();

    [Fact]
    public Task A_Startup_class_used_by_UseStartup_is_a_host_whatever_its_name() =>
        Analyze.With<SessionNotConfiguredAnalyzer>("""
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.Hosting;
            public static class Program
            {
                public static void Main(string[] args) =>
                    Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.UseStartup<ShopConfiguration>()).Build().Run();
            }
            """, """
            using Microsoft.AspNetCore.Builder;
            public class ShopConfiguration
            {
                public void {|STATE007:Configure|}(IApplicationBuilder app) => app.UseRouting();
            }
            """).AndSource(WizardController).AsProgram().Verify();

    [Fact]
    public Task A_configured_Startup_class_is_clean() =>
        Analyze.With<SessionNotConfiguredAnalyzer>(StartupProgram, """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddControllersWithViews();
                    services.AddDistributedMemoryCache();
                    services.AddSession();
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseSession();
                    app.UseEndpoints(endpoints => endpoints.MapDefaultControllerRoute());
                }
            }
            """).AndSource(WizardController).AsProgram().Verify();

    [Fact]
    public Task A_Startup_UseSession_after_UseEndpoints_is_reported_at_UseSession() =>
        Analyze.With<SessionNotConfiguredAnalyzer>(StartupProgram, """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services) => services.AddSession();

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseEndpoints(endpoints => endpoints.MapDefaultControllerRoute());
                    {|STATE007:app.UseSession()|};
                }
            }
            """).AndSource(WizardController).AsProgram().Verify();

    [Fact]
    public Task Nothing_is_reported_without_ASP_NET_Core() =>
        Analyze.With<SessionNotConfiguredAnalyzer>("""
            var session = new System.Collections.Generic.Dictionary<string, string>();
            session["step"] = "1";
            System.Console.WriteLine(session["step"]);
            """).WithoutAspNetCore().AsProgram().Verify();

    private const string StartupProgram = """
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.Extensions.Hosting;
        public static class Program
        {
            public static void Main(string[] args) =>
                Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.UseStartup<Startup>()).Build().Run();
        }
        """;
}
