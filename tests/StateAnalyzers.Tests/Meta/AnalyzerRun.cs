using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace StateAnalyzers.Tests.Meta;

/// <summary>
/// Runs analyzers over sources through <see cref="CompilationWithAnalyzers"/> and keeps everything a meta-test
/// needs to judge the run: compiler errors, analyzer diagnostics, and every exception an analyzer threw (which the
/// compiler would otherwise turn into an AD0001 warning and carry on).
/// </summary>
internal sealed class AnalyzerRun
{
    /// <summary>What a web project (<c>Microsoft.NET.Sdk.Web</c>, <c>ImplicitUsings</c> on, the template default) imports.</summary>
    public const string WebImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Net.Http.Json;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.AspNetCore.Hosting;
        global using Microsoft.AspNetCore.Http;
        global using Microsoft.AspNetCore.Routing;
        global using Microsoft.Extensions.Configuration;
        global using Microsoft.Extensions.DependencyInjection;
        global using Microsoft.Extensions.Hosting;
        global using Microsoft.Extensions.Logging;
        """;

    private static readonly ConcurrentDictionary<ReferenceAssemblies, Task<ImmutableArray<MetadataReference>>> References = new();

    private AnalyzerRun(ImmutableArray<Diagnostic> compilerErrors, ImmutableArray<Diagnostic> diagnostics, IReadOnlyList<string> exceptions)
    {
        CompilerErrors = compilerErrors;
        Diagnostics = diagnostics;
        Exceptions = exceptions;
    }

    public ImmutableArray<Diagnostic> CompilerErrors { get; }

    /// <summary>What the analyzers reported (AD0001 included, should one slip through).</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>One line per exception an analyzer threw.</summary>
    public IReadOnlyList<string> Exceptions { get; }

    public static async Task<AnalyzerRun> RunAsync(IEnumerable<DiagnosticAnalyzer> analyzers, ReferenceAssemblies referenceAssemblies, params string[] sources)
    {
        var references = await References.GetOrAdd(referenceAssemblies, r => r.ResolveAsync(LanguageNames.CSharp, CancellationToken.None));
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, parseOptions, path: $"/0/File{i}.cs")).ToArray();
        var hasTopLevelStatements = trees.Any(t => t.GetRoot().ChildNodes().OfType<GlobalStatementSyntax>().Any());
        var compilation = CSharpCompilation.Create(
            "Probe",
            trees,
            references,
            new CSharpCompilationOptions(hasTopLevelStatements ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary));

        var exceptions = new ConcurrentQueue<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, diagnostic) => exceptions.Enqueue($"{analyzer.GetType().Name}: {exception.GetType().Name}: {exception.Message}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        var withAnalyzers = compilation.WithAnalyzers(analyzers.ToImmutableArray(), options);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        return new AnalyzerRun(errors, diagnostics, exceptions.ToArray());
    }

    public string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join("\n", diagnostics.Select(d => $"  {d.Id} at {d.Location.GetLineSpan()}: {d.GetMessage()}"));
}
