using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using StateAnalyzers.Analysis;
using StateAnalyzers.Tests.Infrastructure;

namespace StateAnalyzers.Tests.Meta;

/// <summary>
/// The project-wide facts are gathered from per-tree shares kept across compilations (the IDE's compilation after a
/// keystroke reuses every unchanged tree). An edit must never leave a stale share behind: after each edit, the new
/// compilation (the edited tree replaced, the others reused, analyzed after the old one) reports exactly what a fresh
/// compilation of the same sources reports. And the shares are reused only when the declarations they were bound
/// against stay (<see cref="DeclarationShape"/>).
/// </summary>
public class IncrementalFactsTests
{
    private const string Program = """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddDistributedMemoryCache();
        builder.Services.AddSession();
        builder.Services.AddControllers();
        var app = builder.Build();
        app.UseSession();
        app.MapControllers();
        app.Run();
        """;

    private const string Schemes = """
        namespace Shop;

        public static class Schemes
        {
            public const string Current = "Identity.External";
        }
        """;

    /// <summary>A sign-out wrapper whose scheme is a constant of another file, and a logout through it that leaves the session.</summary>
    private const string Account = """
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Mvc;

        namespace Shop;

        public static class SignOuts
        {
            public static Task OutAsync(HttpContext context) => context.SignOutAsync(Schemes.Current);
        }

        public class AccountController : Controller
        {
            public async Task<IActionResult> Logout()
            {
                HttpContext.Session.SetString("seen", "1");
                await SignOuts.OutAsync(HttpContext);
                return Ok();
            }
        }
        """;

    private const string Cart = """
        using Microsoft.AspNetCore.Mvc;

        namespace Shop;

        public class CartController : Controller
        {
            public IActionResult Save(string value)
            {
                var count = 1;
                Response.Cookies.Append("cart", value);
                return Ok(count);
            }
        }
        """;

    /// <summary>A method that will become a cookie helper by an edit of its body alone, and a call to it in another file.</summary>
    private const string Jar = """
        namespace Shop;

        public static class CookieJar
        {
            public static void Put(HttpResponse response, string name, string value)
            {
                response.Headers.Append("X-Seen", name);
            }
        }
        """;

    private const string Token = """
        using Microsoft.AspNetCore.Mvc;

        namespace Shop;

        public class TokenController : Controller
        {
            public IActionResult Save(string token)
            {
                CookieJar.Put(Response, "auth_token", token);
                return Ok();
            }
        }
        """;

    private static readonly string JarAsHelper = Jar.Replace("response.Headers.Append(\"X-Seen\", name);", "response.Cookies.Append(name, value);", StringComparison.Ordinal);

    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = ShippedAnalyzers.CreateAll().ToImmutableArray();

    [Fact]
    public async Task A_constant_changed_in_another_file_is_seen_by_the_unchanged_files_shares()
    {
        var edited = Schemes.Replace("\"Identity.External\"", "\"Cookies\"", StringComparison.Ordinal);
        var (before, incremental, fresh) = await EditAsync("/0/Schemes.cs", edited);

        Assert.Equal(Describe(fresh), Describe(incremental));
        Assert.NotEqual(Describe(before), Describe(fresh)); // the edit matters: a stale share would report as before
    }

    [Fact]
    public async Task An_edit_inside_a_method_body_reports_what_a_fresh_compilation_reports()
    {
        var edited = Cart.Replace("var count = 1;", "var count = 2;", StringComparison.Ordinal);
        var (before, incremental, fresh) = await EditAsync("/0/Cart.cs", edited);

        Assert.NotEmpty(fresh);
        Assert.Equal(Describe(fresh), Describe(incremental));
        Assert.Equal(Describe(before), Describe(fresh));
    }

    [Fact]
    public async Task Removing_the_session_registration_is_seen_at_once()
    {
        var edited = Program.Replace("builder.Services.AddSession();\n", string.Empty, StringComparison.Ordinal);
        var (before, incremental, fresh) = await EditAsync("/0/Program.cs", edited);

        Assert.Equal(Describe(fresh), Describe(incremental));
        Assert.NotEqual(Describe(before), Describe(fresh));
    }

    [Theory]
    [InlineData("var count = 1;", "var count = 2; count++;", true)] // a method body
    [InlineData("public IActionResult Save(string value)", "public IActionResult Save(string text)", false)] // a signature
    [InlineData("public class CartController", "public sealed class CartController", false)] // a modifier
    [InlineData("namespace Shop;", "namespace Shop; public static class Limits { public static int Max = 1; }", false)] // a new member
    public async Task Shapes_are_the_same_exactly_when_only_code_binding_cannot_see_changed(string from, string to, bool same)
    {
        var references = await AspNetCoreReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var first = Compile(references, ("/0/Program.cs", Program), ("/0/Cart.cs", Cart));
        var cart = first.SyntaxTrees.Single(t => t.FilePath == "/0/Cart.cs");
        var second = first.ReplaceSyntaxTree(cart, cart.WithChangedText(cart.GetText().Replace(cart.GetText().ToString().IndexOf(from, StringComparison.Ordinal), from.Length, to)));

        Assert.Equal(same, new DeclarationShape(first).SameAs(new DeclarationShape(second)));
    }

    [Fact]
    public async Task Non_constant_initializers_and_top_level_statements_are_not_declarations()
    {
        var references = await AspNetCoreReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        const string Limits = "namespace Shop; public static class Limits { public static int Max = 1; public static int Min { get; } = 0; }";
        var first = Compile(references, ("/0/Program.cs", Program), ("/0/Limits.cs", Limits));
        var limits = first.SyntaxTrees.Single(t => t.FilePath == "/0/Limits.cs");
        var program = first.SyntaxTrees.Single(t => t.FilePath == "/0/Program.cs");
        var second = first
            .ReplaceSyntaxTree(limits, limits.WithChangedText(limits.GetText().Replace(0, Limits.Length, Limits.Replace("= 1", "= 2", StringComparison.Ordinal).Replace("= 0", "= 3", StringComparison.Ordinal))));
        var third = second.ReplaceSyntaxTree(program, program.WithChangedText(program.GetText().Replace(0, 0, "System.Console.WriteLine();\n")));

        Assert.True(new DeclarationShape(first).SameAs(new DeclarationShape(second)));
        Assert.True(new DeclarationShape(second).SameAs(new DeclarationShape(third)));
    }

    [Fact]
    public async Task A_constant_is_a_declaration()
    {
        var references = await AspNetCoreReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var first = Compile(references, ("/0/Program.cs", Program), ("/0/Schemes.cs", Schemes));
        var schemes = first.SyntaxTrees.Single(t => t.FilePath == "/0/Schemes.cs");
        var second = first.ReplaceSyntaxTree(schemes, schemes.WithChangedText(schemes.GetText().Replace(0, Schemes.Length, Schemes.Replace("External", "Application", StringComparison.Ordinal))));

        Assert.False(new DeclarationShape(first).SameAs(new DeclarationShape(second)));
    }

    [Fact]
    public async Task A_body_edit_that_makes_a_method_a_cookie_helper_is_seen_at_its_callers_in_other_files()
    {
        var (before, incremental, fresh) = await EditAsync("/0/Jar.cs", JarAsHelper, ("/0/Jar.cs", Jar), ("/0/Token.cs", Token));

        Assert.Contains(fresh, d => d.Location.SourceTree?.FilePath == "/0/Token.cs");
        Assert.Equal(Describe(fresh), Describe(incremental));
        Assert.NotEqual(Describe(before), Describe(fresh));
    }

    [Fact]
    public async Task A_file_added_to_the_project_is_seen_by_the_merged_facts()
    {
        var sources = With(("/0/Token.cs", Token));
        var (before, incremental, fresh) = await ChangeAsync(
            sources, With(("/0/Token.cs", Token), ("/0/Jar.cs", JarAsHelper)), c => c.AddSyntaxTrees(Parse("/0/Jar.cs", JarAsHelper)));

        Assert.Contains(fresh, d => d.Location.SourceTree?.FilePath == "/0/Token.cs");
        Assert.Equal(Describe(fresh), Describe(incremental));
        Assert.NotEqual(Describe(before), Describe(fresh));
    }

    [Fact]
    public async Task A_file_removed_from_the_project_is_no_longer_seen_by_the_merged_facts()
    {
        var sources = With(("/0/Token.cs", Token), ("/0/Jar.cs", JarAsHelper));
        var (before, incremental, fresh) = await ChangeAsync(
            sources, sources.Where(s => s.Path != "/0/Jar.cs").ToArray(), c => c.RemoveSyntaxTrees(c.SyntaxTrees.Single(t => t.FilePath == "/0/Jar.cs")));

        Assert.Contains(before, d => d.Location.SourceTree?.FilePath == "/0/Token.cs");
        Assert.Equal(Describe(fresh), Describe(incremental));
        Assert.NotEqual(Describe(before), Describe(fresh));
    }

    [Fact]
    public async Task Shapes_found_equal_stay_apart_from_a_shape_with_other_declarations()
    {
        var references = await AspNetCoreReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var first = Compile(references, ("/0/Program.cs", Program), ("/0/Cart.cs", Cart));
        var second = Edit(first, "/0/Cart.cs", "var count = 1;", "var count = 2;");
        var third = Edit(second, "/0/Cart.cs", "public class CartController", "public sealed class CartController");
        var fourth = Edit(third, "/0/Cart.cs", "var count = 2;", "var count = 3;");
        var shapes = new[] { first, second, third, fourth }.Select(c => new DeclarationShape(c)).ToArray();

        Assert.True(shapes[1].SameAs(shapes[0]));
        Assert.True(shapes[3].SameAs(shapes[2]));
        Assert.False(shapes[2].SameAs(shapes[1]));
        Assert.False(shapes[3].SameAs(shapes[0]));
        Assert.True(shapes[0].SameAs(shapes[1]));
    }

    private static readonly (string Path, string Text)[] Project =
        { ("/0/Program.cs", Program), ("/0/Schemes.cs", Schemes), ("/0/Account.cs", Account), ("/0/Cart.cs", Cart) };

    private static (string Path, string Text)[] With(params (string Path, string Text)[] more) => Project.Concat(more).ToArray();

    /// <summary>Analyzes the project, edits one file in a new compilation that reuses the other trees, analyzes that, and a fresh compilation of the edited sources.</summary>
    private static Task<(ImmutableArray<Diagnostic> Before, ImmutableArray<Diagnostic> Incremental, ImmutableArray<Diagnostic> Fresh)> EditAsync(
        string path, string editedText, params (string Path, string Text)[] more)
    {
        var sources = With(more);
        return ChangeAsync(
            sources,
            sources.Select(s => s.Path == path ? (s.Path, editedText) : s).ToArray(),
            c =>
            {
                var old = c.SyntaxTrees.Single(t => t.FilePath == path);
                var oldText = old.GetText();
                return c.ReplaceSyntaxTree(old, old.WithChangedText(oldText.Replace(0, oldText.Length, editedText)));
            });
    }

    /// <summary>Analyzes the sources, changes their compilation into one that reuses the unchanged trees, analyzes that, and a fresh compilation of the changed sources.</summary>
    private static async Task<(ImmutableArray<Diagnostic> Before, ImmutableArray<Diagnostic> Incremental, ImmutableArray<Diagnostic> Fresh)> ChangeAsync(
        (string Path, string Text)[] sources, (string Path, string Text)[] changedSources, Func<CSharpCompilation, CSharpCompilation> change)
    {
        var references = await AspNetCoreReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var first = Compile(references, sources);
        var before = await AnalyzeAsync(first);
        var incremental = await AnalyzeAsync(change(first));
        return (before, incremental, await AnalyzeAsync(Compile(references, changedSources)));
    }

    private static CSharpCompilation Edit(CSharpCompilation compilation, string path, string from, string to)
    {
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        var text = tree.GetText();
        return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(text.Replace(text.ToString().IndexOf(from, StringComparison.Ordinal), from.Length, to)));
    }

    private static SyntaxTree Parse(string path, string text) => CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest), path: path);

    private static CSharpCompilation Compile(ImmutableArray<MetadataReference> references, params (string Path, string Text)[] sources)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = sources
            .Select(s => CSharpSyntaxTree.ParseText(s.Text, parseOptions, path: s.Path))
            .Append(CSharpSyntaxTree.ParseText(AnalyzerRun.WebImplicitUsings, parseOptions, path: "/0/GlobalUsings.cs"));
        return CSharpCompilation.Create("Shop", trees, references, new CSharpCompilationOptions(OutputKind.ConsoleApplication));
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation)
    {
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(Analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics;
    }

    private static string Describe(ImmutableArray<Diagnostic> diagnostics) =>
        string.Join("\n", diagnostics.OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start).Select(d => $"{d.Id} {d.Location.GetLineSpan()} {d.GetMessage()}"));
}
