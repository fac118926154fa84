using StateAnalyzers.Cli.Tests.Infrastructure;

namespace StateAnalyzers.Cli.Tests.Scans;

/// <summary>
/// A generated .slnx with two web apps and a class library; the second app has a compile error. Scanned once, with a
/// SARIF log, for the coverage tests.
/// </summary>
public sealed class ThreeProjectScan : IAsyncLifetime
{
    private readonly TempFolder _folder = new("stateanalyzers-three");

    internal ToolRun Run { get; private set; } = null!;

    public string SarifPath => _folder.Of("out/three.sarif");

    public async Task InitializeAsync()
    {
        WebProjects.WriteWebApp(_folder, "Shop", WebProjects.ThemeProgram);
        WebProjects.WriteWebApp(_folder, "Admin", WebProjects.ThemeProgram.Replace("app.Run();", "app.Run(undefinedVariable);", StringComparison.Ordinal));
        _folder.File("Shared/Shared.csproj", WebProjects.LibraryProjectFile);
        _folder.File("Shared/Money.cs", "namespace Shared;\n\npublic readonly record struct Money(decimal Amount, string Currency);\n");
        _folder.File("Store.slnx", """
            <Solution>
              <Project Path="Admin/Admin.csproj" />
              <Project Path="Shared/Shared.csproj" />
              <Project Path="Shop/Shop.csproj" />
            </Solution>
            """);
        Directory.CreateDirectory(_folder.Of("out"));
        Run = await Tool.RunAsync("scan", _folder.Of("Store.slnx"), "--sarif", SarifPath);
    }

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}
