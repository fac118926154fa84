using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using StateAnalyzers.Rules;

namespace StateAnalyzers.Cli.Scanning;

/// <summary>
/// The analyzers and code fixes the tool runs: those of the StateAnalyzers assemblies it ships with, found the way a
/// compiler host finds them (their export attributes). A project's own copy of the package is never used.
/// </summary>
internal static class ToolRules
{
    public static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(StateAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public static readonly ImmutableArray<CodeFixProvider> CodeFixes = typeof(StateAnalyzers.CodeFixes.TightenCookie.TightenCookieCodeFix).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>The rule IDs the analyzers report, in ID order.</summary>
    public static readonly ImmutableArray<string> RuleIds = Analyzers
        .SelectMany(a => a.SupportedDiagnostics)
        .Select(d => d.Id)
        .Distinct()
        .Order(StringComparer.Ordinal)
        .ToImmutableArray();
}
