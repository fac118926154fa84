using Microsoft.CodeAnalysis.Testing;

namespace StateAnalyzers.Tests.Infrastructure;

/// <summary>
/// The net8.0 ASP.NET Core targeting pack as reference assemblies. The pack keeps its assemblies under
/// ref/net8.0, so it must be the reference-assembly package itself, with the .NET pack added to it.
/// </summary>
public static class AspNetCoreReferences
{
    public static ReferenceAssemblies Net80 { get; } =
        new ReferenceAssemblies(
                "net8.0",
                new PackageIdentity("Microsoft.AspNetCore.App.Ref", "8.0.0"),
                Path.Combine("ref", "net8.0"))
            .AddPackages([new PackageIdentity("Microsoft.NETCore.App.Ref", "8.0.0")]);
}
