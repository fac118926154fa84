using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using StateAnalyzers.Tests.Infrastructure;

namespace StateAnalyzers.Tests.Meta;

/// <summary>
/// The IDE analyzes code while it is being typed. Every C# source of the test suite (the sources the analyzer and fix
/// tests analyze) and of the sample app is cut at many points, at statement ends and inside expressions,
/// and every analyzer and every code fix runs on each truncated version: no analyzer may throw (AD0001), no fix may
/// throw, and no diagnostic may point outside the text.
/// </summary>
public class AsYouTypeTests
{
    /// <summary>At most this many cuts per source, spread evenly over all the candidate points.</summary>
    private const int MaxCutsPerSource = 16;

    /// <summary>At most this many fixes tried per truncated version (the first diagnostics in source order).</summary>
    private const int MaxFixesPerVersion = 4;

    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = ShippedAnalyzers.CreateAll().ToImmutableArray();

    private static readonly ImmutableArray<CodeFixProvider> FixProviders = typeof(global::StateAnalyzers.CodeFixes.Shared.BatchCodeFix).Assembly
        .GetTypes()
        .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttributes<ExportCodeFixProviderAttribute>().Any())
        .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>Groups of sources: each test file of the analyzer and fix tests, and the sample app.</summary>
    public static TheoryData<string> Groups
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var folder in new[] { "tests/StateAnalyzers.Tests/Rules", "tests/StateAnalyzers.Tests/CodeFixes" })
            {
                foreach (var file in Directory.GetFiles(Repository.PathOf(folder), "*.cs").Order(StringComparer.Ordinal))
                {
                    data.Add(folder + "/" + Path.GetFileName(file));
                }
            }

            data.Add(SampleGroup);
            return data;
        }
    }

    private const string SampleGroup = "samples/ShopApp";

    [Fact]
    public void Every_analyzer_and_every_fix_provider_is_exercised()
    {
        Assert.Equal(ShippedAnalyzers.Types.Count, Analyzers.Length);
        Assert.NotEmpty(FixProviders);
    }

    [Theory]
    [MemberData(nameof(Groups))]
    public async Task Code_cut_while_typing_never_breaks_an_analyzer_or_a_fix(string group)
    {
        var references = await AspNetCoreReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var failures = new List<string>();
        var versions = 0;
        var diagnosed = 0;
        foreach (var (name, source) in SourcesOf(group))
        {
            foreach (var cut in CutPoints(source))
            {
                versions++;
                var text = source[..cut];
                var found = await CheckAsync(name, text, references, failures);
                diagnosed += found ? 1 : 0;
            }
        }

        Assert.True(versions > 0, $"{group}: no source to cut");
        Assert.True(failures.Count == 0, $"{group}: {failures.Count} failure(s) in {versions} truncated versions:\n" + string.Join("\n", failures.Distinct().Take(20)));

        // The run must reach the rules, or it proves nothing: some truncated versions still hold findings.
        Assert.True(group.EndsWith("GatewayTests.cs", StringComparison.Ordinal) || diagnosed > 0, $"{group}: no truncated version had a finding");
    }

    private static async Task<bool> CheckAsync(string name, string text, ImmutableArray<MetadataReference> references, List<string> failures)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var tree = CSharpSyntaxTree.ParseText(text, parseOptions, path: "/0/Typed.cs");
        var usings = CSharpSyntaxTree.ParseText(AnalyzerRun.WebImplicitUsings, parseOptions, path: "/0/GlobalUsings.cs");
        var topLevel = tree.GetRoot().ChildNodes().OfType<GlobalStatementSyntax>().Any();
        var compilation = CSharpCompilation.Create(
            "Typing",
            [tree, usings],
            references,
            new CSharpCompilationOptions(topLevel ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary));

        var exceptions = new List<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, _) =>
            {
                lock (exceptions)
                {
                    exceptions.Add($"{analyzer.GetType().Name}: {exception.GetType().Name}: {exception.Message}");
                }
            },
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        var diagnostics = await compilation.WithAnalyzers(Analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        var at = $"{name} cut at {text.Length}";
        failures.AddRange(exceptions.Select(e => $"{at}: analyzer threw {e}"));
        failures.AddRange(diagnostics.Where(d => d.Id == "AD0001").Select(d => $"{at}: {d.GetMessage()}"));
        foreach (var diagnostic in diagnostics)
        {
            foreach (var location in new[] { diagnostic.Location }.Concat(diagnostic.AdditionalLocations))
            {
                if (location.IsInSource && location.SourceTree is { } inTree && location.SourceSpan.End > inTree.Length)
                {
                    failures.Add($"{at}: {diagnostic.Id} points at {location.SourceSpan}, past the end of the text ({inTree.Length})");
                }
            }
        }

        var ours = diagnostics.Where(d => d.Id.StartsWith("STATE", StringComparison.Ordinal) && d.Location.SourceTree == tree).ToList();
        if (ours.Count > 0)
        {
            await CheckFixesAsync(at, compilation, ours.OrderBy(d => d.Location.SourceSpan.Start).Take(MaxFixesPerVersion), failures);
        }

        return ours.Count > 0;
    }

    private static async Task CheckFixesAsync(string at, Compilation compilation, IEnumerable<Diagnostic> diagnostics, List<string> failures)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Default,
            "Typing",
            "Typing",
            LanguageNames.CSharp,
            compilationOptions: compilation.Options,
            parseOptions: compilation.SyntaxTrees.First().Options,
            metadataReferences: compilation.References));
        var documents = new Dictionary<SyntaxTree, Document>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var document = project.AddDocument(Path.GetFileName(tree.FilePath), tree.GetText(), filePath: tree.FilePath);
            project = document.Project;
        }

        foreach (var document in project.Documents)
        {
            var tree = compilation.SyntaxTrees.Single(t => t.FilePath == document.FilePath);
            documents[tree] = document;
        }

        foreach (var diagnostic in diagnostics)
        {
            var document = documents[diagnostic.Location.SourceTree!];
            var mapped = Diagnostic.Create(
                diagnostic.Descriptor,
                Location.Create(await document.GetSyntaxTreeAsync() ?? throw new InvalidOperationException(), diagnostic.Location.SourceSpan),
                diagnostic.AdditionalLocations.Select(l => Map(l, documents)),
                diagnostic.Properties);
            foreach (var provider in FixProviders.Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                try
                {
                    var actions = new List<CodeAction>();
                    var context = new CodeFixContext(document, mapped, (action, _) => actions.Add(action), CancellationToken.None);
                    await provider.RegisterCodeFixesAsync(context);
                    foreach (var action in actions)
                    {
                        foreach (var operation in await action.GetOperationsAsync(CancellationToken.None))
                        {
                            if (operation is ApplyChangesOperation apply)
                            {
                                foreach (var changed in apply.ChangedSolution.GetChanges(project.Solution).GetProjectChanges().SelectMany(c => c.GetChangedDocuments()))
                                {
                                    await apply.ChangedSolution.GetDocument(changed)!.GetTextAsync();
                                }
                            }
                        }
                    }
                }
                catch (Exception exception)
                {
                    failures.Add($"{at}: {provider.GetType().Name} threw on {diagnostic.Id}: {exception.GetType().Name}: {exception.Message}");
                }
            }
        }
    }

    /// <summary>An additional location, moved onto the workspace's tree of the same file.</summary>
    private static Location Map(Location location, Dictionary<SyntaxTree, Document> documents) =>
        location.SourceTree is { } tree && documents.TryGetValue(tree, out var document) && document.TryGetSyntaxTree(out var mapped)
            ? Location.Create(mapped, location.SourceSpan)
            : location;

    /// <summary>The sources of a group: the C# a test file analyzes (its raw string literals, markup removed); the sample's files.</summary>
    private static IEnumerable<(string Name, string Source)> SourcesOf(string group)
    {
        if (group == SampleGroup)
        {
            foreach (var file in Directory.GetFiles(Repository.PathOf(group), "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                yield return (Path.GetRelativePath(Repository.Root, file), File.ReadAllText(file));
            }

            yield break;
        }

        var testFile = Repository.Read(group);
        var index = 0;
        foreach (var token in CSharpSyntaxTree.ParseText(testFile).GetRoot().DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) && token.ValueText.Contains(';'))
            {
                yield return ($"{group} source #{index++}", WithoutMarkup(token.ValueText));
            }
        }
    }

    /// <summary>
    /// Statement and member ends, and points inside calls, object creations and assignments (a third and two thirds in),
    /// spread evenly to at most <see cref="MaxCutsPerSource"/>; the whole text is always one of them.
    /// </summary>
    private static IEnumerable<int> CutPoints(string source)
    {
        var root = CSharpSyntaxTree.ParseText(source).GetRoot();
        var points = new SortedSet<int> { source.Length };
        foreach (var node in root.DescendantNodes())
        {
            switch (node)
            {
                case StatementSyntax or MemberDeclarationSyntax or UsingDirectiveSyntax:
                    points.Add(node.Span.End);
                    break;
                case InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax or AssignmentExpressionSyntax or InitializerExpressionSyntax or LambdaExpressionSyntax:
                    points.Add(node.SpanStart + (node.Span.Length / 3));
                    points.Add(node.SpanStart + (2 * node.Span.Length / 3));
                    break;
            }
        }

        var all = points.Where(p => p > 0 && p <= source.Length).ToArray();
        if (all.Length <= MaxCutsPerSource)
        {
            return all;
        }

        return Enumerable.Range(0, MaxCutsPerSource).Select(i => all[(int)((long)i * (all.Length - 1) / (MaxCutsPerSource - 1))]).Distinct();
    }

    /// <summary>The source a test's markup stands for: <c>{|STATE004:x|}</c> and <c>[|x|]</c> become <c>x</c>.</summary>
    private static string WithoutMarkup(string source)
    {
        var text = new System.Text.StringBuilder(source.Length);
        for (var i = 0; i < source.Length; i++)
        {
            if (source[i] == '{' && i + 1 < source.Length && source[i + 1] == '|')
            {
                var colon = source.IndexOf(':', i);
                i = colon < 0 ? i + 1 : colon;
                continue;
            }

            if (source[i] == '|' && i + 1 < source.Length && source[i + 1] is '}' or ']')
            {
                i++;
                continue;
            }

            if (source[i] == '[' && i + 1 < source.Length && source[i + 1] == '|')
            {
                i++;
                continue;
            }

            text.Append(source[i]);
        }

        return text.ToString();
    }
}
