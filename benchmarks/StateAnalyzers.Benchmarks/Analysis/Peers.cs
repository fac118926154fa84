using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace StateAnalyzers.Benchmarks.Analysis;

/// <summary>
/// Loads the analyzers of a peer package from its folder next to the program (copied there from the NuGet package at
/// build time), each peer in a load context of its own so its private dependencies stay apart, while the Roslyn
/// assemblies are shared with the host.
/// </summary>
internal static class Peers
{
    public static string Folder(string peer) => Path.Combine(AppContext.BaseDirectory, "peers", peer);

    /// <summary>Every C# analyzer in <paramref name="peer"/>'s DLLs that supports at least one of <paramref name="ids"/>.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Load(string peer, IReadOnlyCollection<string> ids)
    {
        var folder = Folder(peer);
        if (!Directory.Exists(folder))
        {
            throw new InvalidOperationException($"No analyzers at {folder}: build the benchmark project (dotnet build -c Release) so the peer packages are copied.");
        }

        var context = new PeerLoadContext(folder);
        var analyzers = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.dll").OrderBy(f => f, StringComparer.Ordinal))
        {
            var assembly = context.LoadFromAssemblyPath(file);
            foreach (var type in LoadableTypes(assembly))
            {
                if (type.IsAbstract || !typeof(DiagnosticAnalyzer).IsAssignableFrom(type) || type.GetConstructor(Type.EmptyTypes) is null)
                {
                    continue;
                }

                var attribute = type.GetCustomAttribute<DiagnosticAnalyzerAttribute>();
                if (attribute is null || !attribute.Languages.Contains(LanguageNames.CSharp))
                {
                    continue;
                }

                DiagnosticAnalyzer analyzer;
                try
                {
                    analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(type)!;
                }
                catch (TargetInvocationException)
                {
                    continue;
                }

                if (analyzer.SupportedDiagnostics.Any(d => ids.Contains(d.Id)))
                {
                    analyzers.Add(analyzer);
                }
            }
        }

        return analyzers.ToImmutable();
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }

    private sealed class PeerLoadContext : AssemblyLoadContext
    {
        private readonly string _folder;

        public PeerLoadContext(string folder)
            : base("peer:" + Path.GetFileName(folder))
        {
            _folder = folder;
        }

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            // What the peer ships comes from its folder; Roslyn and the framework (not shipped) from the host.
            if (assemblyName.Name is null)
            {
                return null;
            }

            var candidate = Path.Combine(_folder, assemblyName.Name + ".dll");
            return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
        }
    }
}
