using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace StateAnalyzers.Tests.Infrastructure;

/// <summary>
/// One analyzer run over one or more C# sources with <c>{|STATE00N:...|}</c> markup, compiled against the real
/// ASP.NET Core reference assemblies. Reads as a sentence: <c>Analyze.With&lt;T&gt;(source).Expect()</c>.
/// </summary>
public sealed class AnalyzerSpec<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    private readonly CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> _test = new()
    {
        ReferenceAssemblies = AspNetCoreReferences.Net80,

        // STATE005 has two messages (two descriptors); markup checks the ID and the span, messages are checked explicitly.
        MarkupOptions = MarkupOptions.UseFirstDescriptor,
    };

    private int _files;

    public AnalyzerSpec(params string[] sources)
    {
        foreach (var source in sources)
        {
            AddSource(source);
        }
    }

    public AnalyzerSpec<TAnalyzer> AndSource(string source)
    {
        AddSource(source);
        return this;
    }

    /// <summary>Compiles as an executable, so top-level statements (a minimal-API Program.cs) are allowed.</summary>
    public AnalyzerSpec<TAnalyzer> AsProgram()
    {
        _test.TestState.OutputKind = OutputKind.ConsoleApplication;
        return this;
    }

    /// <summary>Adds .editorconfig lines for every source file (e.g. <c>STATE004.allowed_cookie_names = a, b</c>).</summary>
    public AnalyzerSpec<TAnalyzer> WithOptions(params string[] lines)
    {
        _test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + string.Join("\n", lines) + "\n"));
        return this;
    }

    /// <summary>Without the ASP.NET Core references: a plain console library.</summary>
    public AnalyzerSpec<TAnalyzer> WithoutAspNetCore()
    {
        _test.ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
        return this;
    }

    /// <summary>Code that does not compile (a missing type, a call being typed): compiler errors are not part of the expected set.</summary>
    public AnalyzerSpec<TAnalyzer> IgnoringCompilerErrors()
    {
        _test.CompilerDiagnostics = CompilerDiagnostics.None;
        return this;
    }

    public AnalyzerSpec<TAnalyzer> Expecting(params DiagnosticResult[] diagnostics)
    {
        _test.ExpectedDiagnostics.AddRange(diagnostics);
        return this;
    }

    /// <summary>Runs the analyzer; the markup in the sources (plus <see cref="Expecting"/>) is the whole expected set.</summary>
    public Task Verify() => _test.RunAsync();

    private void AddSource(string source) => _test.TestState.Sources.Add(($"/0/File{_files++}.cs", source));
}

public static class Analyze
{
    public static AnalyzerSpec<TAnalyzer> With<TAnalyzer>(params string[] sources)
        where TAnalyzer : DiagnosticAnalyzer, new() => new(sources);
}
