using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using StateAnalyzers.Analysis;
using StateAnalyzers.Benchmarks.Corpus;
using StateAnalyzers.Tests.Infrastructure;
using StateAnalyzers.Tests.Meta;

namespace StateAnalyzers.Tests.Rules;

/// <summary>
/// The candidate search reads a file's text first and looks only at the tokens where a candidate may be
/// (<see cref="CandidateText"/>); it must find exactly the nodes a walk of every node finds, whatever stands between
/// the tokens of a shape (comments, directives, line breaks, parentheses).
/// </summary>
public class CandidateTextTests
{
    /// <summary>Shapes whose tokens are found by punctuation or a name, with trivia between them.</summary>
    private const string Tricky = """
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Http;
        using static Microsoft.Net.Http.Headers.HeaderNames;
        using R = Microsoft.AspNetCore.Mvc.SignOutResult;

        static class Other
        {
            public const string Name = "Set-Cookie";
        }

        class Tricky
        {
            private static readonly Dictionary<string, string> Headers = new()
            {
                // a comment before the element
                { "Set-Cookie", "a=b" },
        #if !NEVER
                { Other.Name, "c=d" },
        #endif
                /* block */ { Other.Name, "e=f" },
                {
                    Other.Name, "g=h"
                },
            };

            private static readonly R Out = new /* target-typed */ ();

            R Again() => new
                ();

            static void Configure(System.Action<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> configure)
            {
            }

            void M(HttpResponse response, IHeaderDictionary headers, Dictionary<string, string> values)
            {
                headers[SetCookie] /* a comment */ = "a=b";
                (headers[Other.Name]) = "a=b";
                headers[Other.Name]
                    // a comment
                    = "c=d";
                headers [ Other.Name ]
                    = "e=f";
                var d = new Dictionary<string, object> { [SetCookie] = "x", ["k"] = 1 };
                values.Add(Other.Name, "x");
                response.Cookies . Append ("a", "b");
                response.Cookies.@Append("a", "b");
                response.Headers.SetCookie = "x";
                var h = new HeaderDictionary { SetCookie = "x" };
                var r = new Microsoft.AspNetCore.Mvc.SignOutResult();
                Configure((System.Action<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>)(o => o.Cookie.HttpOnly = false));
            }
        }
        """;

    private const string Escaped = """
        using Microsoft.AspNetCore.Http;

        class Escaped
        {
            static void Configure(System.Action<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> configure)
            {
            }

            void M(HttpResponse response) => response.Cookies.\u0041ppend("a", "b");
        }
        """;

    [Fact]
    public async Task Tricky_shapes_are_found_from_the_text_as_the_whole_walk_finds_them()
    {
        var model = await ModelOf(("/0/Tricky.cs", Tricky));
        var tree = model.Compilation.SyntaxTrees.Single(t => t.FilePath == "/0/Tricky.cs");

        var walked = Describe(model.Candidates.Find(tree, walkWholeTree: true));
        Assert.True(walked.Length >= 18, string.Join("\n", walked));
        Assert.Equal(walked, Describe(model.Candidates.Find(tree)));
    }

    [Fact]
    public async Task A_file_with_a_unicode_escape_is_walked_whole()
    {
        var model = await ModelOf(("/0/Escaped.cs", Escaped));
        var tree = model.Compilation.SyntaxTrees.Single(t => t.FilePath == "/0/Escaped.cs");

        Assert.Null(CandidateText.Triggers(tree, new[] { "Append" }));
        Assert.Single(model.Candidates.Find(tree));
    }

    [Fact]
    public async Task Every_file_of_the_benchmark_corpus_gives_the_same_candidates_as_the_whole_walk()
    {
        var corpus = CorpusGenerator.Generate(60);
        var model = await ModelOf(corpus.Files.Select(f => (f.Path, f.Text)).ToArray());

        var total = 0;
        foreach (var tree in model.Compilation.SyntaxTrees)
        {
            var walked = Describe(model.Candidates.Find(tree, walkWholeTree: true));
            Assert.Equal(walked, Describe(model.Candidates.Find(tree)));
            total += walked.Length;
        }

        Assert.InRange(total, 100, int.MaxValue);
    }

    private static string[] Describe(ImmutableArray<SyntaxNode> nodes) =>
        nodes.Select(n => $"{n.Kind()} {n.Span} {n}").ToArray();

    private static async Task<CompilationModel> ModelOf(params (string Path, string Text)[] sources)
    {
        var references = await AspNetCoreReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = sources
            .Select(s => CSharpSyntaxTree.ParseText(s.Text, parseOptions, path: s.Path))
            .Append(CSharpSyntaxTree.ParseText(AnalyzerRun.WebImplicitUsings, parseOptions, path: "/0/GlobalUsings.cs"));
        var compilation = CSharpCompilation.Create("Shop", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        return CompilationModel.For(compilation) ?? throw new InvalidOperationException("No ASP.NET Core reference.");
    }
}
