namespace StateAnalyzers.Cli.Tests.Infrastructure;

/// <summary>Small projects written from scratch, shaped like real apps, for the scans to run on.</summary>
internal static class WebProjects
{
    public const string WebProjectFile = """
        <Project Sdk="Microsoft.NET.Sdk.Web">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
          </PropertyGroup>
        </Project>
        """;

    public const string LibraryProjectFile = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
          </PropertyGroup>
        </Project>
        """;

    /// <summary>A minimal API with a session (configured) and a theme cookie written without options: STATE004-006.</summary>
    public const string ThemeProgram = """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddDistributedMemoryCache();
        builder.Services.AddSession(o => o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.Always);
        var app = builder.Build();
        app.UseSession();
        app.MapGet("/theme/{name}", (HttpContext context, string name) =>
        {
            context.Response.Cookies.Append("theme", name);
            return Results.Ok();
        });
        app.Run();
        """;

    /// <summary>
    /// Uses the session without AddSession/UseSession (STATE007) and writes a cookie without options (STATE004-006):
    /// the fix for STATE007 adds AddSession(), whose cookie then needs STATE005's fix.
    /// </summary>
    public const string UnconfiguredSessionProgram = """
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGet("/visit", (HttpContext context) =>
        {
            context.Session.SetString("visited", "yes");
            context.Response.Cookies.Append("visitor", Guid.NewGuid().ToString());
            return Results.Ok();
        });
        app.Run();
        """;

    /// <summary>A clean app: its cookie is locked down.</summary>
    public const string CleanProgram = """
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGet("/theme/{name}", (HttpContext context, string name) =>
        {
            context.Response.Cookies.Append("theme", name, new CookieOptions { HttpOnly = true, Secure = true, SameSite = SameSiteMode.Lax });
            return Results.Ok();
        });
        app.Run();
        """;

    public static string WriteWebApp(TempFolder folder, string name, string program)
    {
        folder.File($"{name}/Program.cs", program);
        return folder.File($"{name}/{name}.csproj", WebProjectFile);
    }
}
