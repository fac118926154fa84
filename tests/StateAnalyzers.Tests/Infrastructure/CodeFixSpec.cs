using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace StateAnalyzers.Tests.Infrastructure;

/// <summary>
/// A code fix run: the sources with <c>{|STATE00N:...|}</c> markup, the expected fixed sources, and the analyzers
/// that produce the diagnostics. The framework applies the fix one diagnostic at a time and with Fix All in
/// document, project and solution scope, and requires the same result every time.
/// </summary>
public sealed class CodeFixSpec<TCodeFix>
    where TCodeFix : CodeFixProvider, new()
{
    private readonly Test _test = new();
    private int _files;

    public CodeFixSpec(params DiagnosticAnalyzer[] analyzers)
    {
        _test.Analyzers = analyzers;
        _test.ReferenceAssemblies = AspNetCoreReferences.Net80;
        _test.MarkupOptions = MarkupOptions.UseFirstDescriptor;
    }

    /// <summary>One file before and after the fix.</summary>
    public CodeFixSpec<TCodeFix> File(string before, string after)
    {
        var name = $"/0/File{_files++}.cs";
        _test.TestState.Sources.Add((name, before));
        _test.FixedState.Sources.Add((name, after));
        return this;
    }

    /// <summary>Adds .editorconfig lines for every source file (e.g. <c>STATE009.max_auth_lifetime = 12h</c>).</summary>
    public CodeFixSpec<TCodeFix> WithOptions(params string[] lines)
    {
        _test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + string.Join("\n", lines) + "\n"));
        return this;
    }

    public CodeFixSpec<TCodeFix> AsProgram()
    {
        _test.TestState.OutputKind = OutputKind.ConsoleApplication;
        return this;
    }

    /// <summary>For fixes whose single application leaves work a second diagnostic's fix completes.</summary>
    public CodeFixSpec<TCodeFix> Iterations(int count)
    {
        _test.NumberOfIncrementalIterations = count;
        return this;
    }

    /// <summary>Diagnostics the markup cannot state (an Info-level message of a Warning rule: STATE010's lifetime cap).</summary>
    public CodeFixSpec<TCodeFix> Expecting(params DiagnosticResult[] diagnostics)
    {
        _test.TestState.ExpectedDiagnostics.AddRange(diagnostics);
        return this;
    }

    public Task Verify() => _test.RunAsync();

    private sealed class Test : CSharpCodeFixTest<EmptyAnalyzer, TCodeFix, DefaultVerifier>
    {
        public DiagnosticAnalyzer[] Analyzers { get; set; } = [];

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => Analyzers;
    }

    /// <summary>Placeholder for the generic parameter; the real analyzers come from <see cref="Test.Analyzers"/>.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class EmptyAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [];

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        }
    }
}

public static class Fix
{
    public static CodeFixSpec<TCodeFix> With<TCodeFix>(params DiagnosticAnalyzer[] analyzers)
        where TCodeFix : CodeFixProvider, new() => new(analyzers);
}
