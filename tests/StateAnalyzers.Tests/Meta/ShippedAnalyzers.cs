using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace StateAnalyzers.Tests.Meta;

/// <summary>
/// Every analyzer the StateAnalyzers assembly ships, found by reflection the way the compiler finds them:
/// non-abstract <see cref="DiagnosticAnalyzer"/> types carrying <see cref="DiagnosticAnalyzerAttribute"/>.
/// </summary>
internal static class ShippedAnalyzers
{
    public static Assembly Assembly { get; } = typeof(global::StateAnalyzers.Rules.Descriptors).Assembly;

    public static IReadOnlyList<Type> Types { get; } = Assembly.GetTypes()
        .Where(t => !t.IsAbstract
            && typeof(DiagnosticAnalyzer).IsAssignableFrom(t)
            && t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any())
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToArray();

    /// <summary>Type names, for theories (xunit data must be serializable).</summary>
    public static TheoryData<string> TypeNames
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var type in Types)
            {
                data.Add(type.FullName!);
            }

            return data;
        }
    }

    public static DiagnosticAnalyzer Create(string typeName) =>
        (DiagnosticAnalyzer)Activator.CreateInstance(Types.Single(t => t.FullName == typeName))!;

    public static IEnumerable<DiagnosticAnalyzer> CreateAll() => Types.Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!);

    /// <summary>Every descriptor of every analyzer, with the analyzer that supports it.</summary>
    public static IEnumerable<(Type Analyzer, DiagnosticDescriptor Descriptor)> Descriptors() =>
        Types.SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics.Select(d => (t, d)));

    public static IReadOnlySet<string> SupportedIds() =>
        Descriptors().Select(d => d.Descriptor.Id).ToHashSet(StringComparer.Ordinal);
}
