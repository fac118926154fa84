namespace StateAnalyzers.Benchmarks.Corpus;

/// <summary>
/// <c>--write-project DIR [files]</c>: the benchmark corpus written out as a web project, so the stateanalyzers tool
/// and <c>dotnet build</c> with the package can be timed on the same code (docs/performance.md).
/// <c>-p:StateAnalyzersVersion=V</c> on the build adds the StateAnalyzers package.
/// </summary>
internal static class CorpusProject
{
    private const string ProjectFile = """
        <Project Sdk="Microsoft.NET.Sdk.Web">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
            <RootNamespace>Corpus</RootNamespace>
          </PropertyGroup>
          <ItemGroup Condition="'$(StateAnalyzersVersion)' != ''">
            <PackageReference Include="StateAnalyzers" Version="$(StateAnalyzersVersion)" PrivateAssets="all" />
          </ItemGroup>
        </Project>
        """;

    public static int Write(string directory, int fileCount)
    {
        var corpus = CorpusGenerator.Generate(fileCount);
        foreach (var file in corpus.Files)
        {
            var path = System.IO.Path.Combine(directory, file.Path);
            System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            System.IO.File.WriteAllText(path, file.Text);
        }

        System.IO.File.WriteAllText(System.IO.Path.Combine(directory, "Corpus.csproj"), ProjectFile + "\n");
        System.Console.WriteLine($"{corpus.Files.Count} files written to {directory}");
        return 0;
    }
}
