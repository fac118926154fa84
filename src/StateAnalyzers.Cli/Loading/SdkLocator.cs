using Microsoft.Build.Locator;

namespace StateAnalyzers.Cli.Loading;

/// <summary>
/// Picks the .NET SDK the way <c>dotnet build</c> in the scanned folder would (its <c>global.json</c>), so the projects
/// are evaluated by the MSBuild their owners build with.
/// </summary>
internal static class SdkLocator
{
    public static string? Register(string workingDirectory)
    {
        if (MSBuildLocator.IsRegistered)
        {
            return null;
        }

        var instance = MSBuildLocator.QueryVisualStudioInstances(new VisualStudioInstanceQueryOptions
        {
            DiscoveryTypes = DiscoveryType.DotNetSdk,
            WorkingDirectory = workingDirectory,
        }).FirstOrDefault() ?? throw new UsageException(
            $"no .NET SDK found for {workingDirectory} (is the SDK that its global.json asks for installed? try 'dotnet --list-sdks')");
        MSBuildLocator.RegisterInstance(instance);
        return $"{instance.Version} ({instance.MSBuildPath})";
    }
}
