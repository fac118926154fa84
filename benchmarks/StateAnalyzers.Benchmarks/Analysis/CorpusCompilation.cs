using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using StateAnalyzers.Benchmarks.Corpus;

namespace StateAnalyzers.Benchmarks.Analysis;

/// <summary>
/// The generated corpus parsed and compiled once against the net8.0 ASP.NET Core and .NET reference packs (the same
/// packs the analyzer tests use, restored by this project's PackageDownload items).
/// </summary>
internal static class CorpusCompilation
{
    private const string PackVersion = "8.0.0";
    private static readonly ConcurrentDictionary<int, (GeneratedCorpus Corpus, CSharpCompilation Compilation)> Cache = new();
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    /// <summary>The corpus of <paramref name="files"/> files and its compilation, built once per size and process.</summary>
    public static (GeneratedCorpus Corpus, CSharpCompilation Compilation) For(int files) => Cache.GetOrAdd(files, Create);

    /// <summary>The corpus of <paramref name="files"/> files plus <paramref name="userFiles"/> files of <c>User...</c> calls (<see cref="UserCallsCorpus"/>).</summary>
    public static CSharpCompilation WithUserCalls(int files, int userFiles)
    {
        var (_, compilation) = For(files);
        var parseOptions = (CSharpParseOptions)compilation.SyntaxTrees.First().Options;
        return compilation.AddSyntaxTrees(UserCallsCorpus.Generate(userFiles)
            .Select(f => CSharpSyntaxTree.ParseText(f.Text, parseOptions, path: "/corpus/" + f.Path, encoding: System.Text.Encoding.UTF8)));
    }

    private static (GeneratedCorpus, CSharpCompilation) Create(int files)
    {
        var corpus = CorpusGenerator.Generate(files);
        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
        var trees = corpus.Files
            .Select(f => CSharpSyntaxTree.ParseText(f.Text, parseOptions, path: "/corpus/" + f.Path, encoding: System.Text.Encoding.UTF8))
            .ToArray();
        var options = new CSharpCompilationOptions(
            OutputKind.ConsoleApplication,
            nullableContextOptions: NullableContextOptions.Enable,
            concurrentBuild: false);
        var compilation = CSharpCompilation.Create("Shop", trees, References.Value, options);
        return (corpus, compilation);
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var root = PackageRoot();
        var directories = new[]
        {
            Path.Combine(root, "microsoft.netcore.app.ref", PackVersion, "ref", "net8.0"),
            Path.Combine(root, "microsoft.aspnetcore.app.ref", PackVersion, "ref", "net8.0"),
        };
        foreach (var directory in directories.Where(d => !Directory.Exists(d)))
        {
            throw new InvalidOperationException($"Reference pack not found at {directory}: run 'dotnet restore' on the benchmark project first.");
        }

        return directories
            .SelectMany(d => Directory.EnumerateFiles(d, "*.dll"))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }

    private static string PackageRoot()
    {
        var fromBuild = typeof(CorpusCompilation).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "NuGetPackageRoot")?.Value;
        var candidates = new[]
        {
            Environment.GetEnvironmentVariable("NUGET_PACKAGES"),
            fromBuild,
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
        };
        return candidates.FirstOrDefault(c => !string.IsNullOrEmpty(c) && Directory.Exists(Path.Combine(c, "microsoft.aspnetcore.app.ref")))
            ?? throw new InvalidOperationException("No NuGet packages folder with Microsoft.AspNetCore.App.Ref: run 'dotnet restore' on the benchmark project first.");
    }
}
