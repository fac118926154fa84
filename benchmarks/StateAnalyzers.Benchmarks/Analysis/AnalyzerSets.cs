using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using StateAnalyzers.Rules;

namespace StateAnalyzers.Benchmarks.Analysis;

/// <summary>The analyzer sets measured, each run on the same corpus compilation.</summary>
public enum AnalyzerSet
{
    /// <summary>An analyzer that does nothing but make the driver bind every method body: what binding the compilation costs anyway.</summary>
    Floor,

    /// <summary>The floor plus the IOperation tree of every method body (a no-op operation-block action), for reference.</summary>
    OperationTrees,

    /// <summary>The floor plus a no-op syntax-node action on invocations, assignments and object creations, for reference.</summary>
    SyntaxNodeActions,

    /// <summary>Every StateAnalyzers rule (STATE001-STATE007).</summary>
    StateAnalyzers,

    /// <summary>The StateAnalyzers rules of the first release (STATE001-STATE007) alone: against <see cref="StateAnalyzers"/>,
    /// what the later rules (STATE008-STATE011) add on top of the shared model.</summary>
    FirstReleaseRules,

    /// <summary>Security Code Scan 5.6.7: SCS0008 (cookie without Secure) and SCS0009 (cookie without HttpOnly).</summary>
    SecurityCodeScan,

    /// <summary>SonarAnalyzer.CSharp 9.32: S2092 (Secure) and S3330 (HttpOnly), enabled through SonarLint.xml as a SonarQube analysis does.</summary>
    Sonar,

    /// <summary>Microsoft.CodeAnalysis.NetAnalyzers: CA5382 and CA5383 (Secure in ASP.NET Core), switched on.</summary>
    NetAnalyzers,
}

/// <summary>One analyzer set ready to run: its analyzers, the compilation with its rules switched on, and its options.</summary>
internal sealed class PreparedSet
{
    private PreparedSet(AnalyzerSet set, ImmutableArray<DiagnosticAnalyzer> analyzers, CSharpCompilation compilation, AnalyzerOptions options, IReadOnlyCollection<string> ids)
    {
        Set = set;
        Analyzers = analyzers;
        Compilation = compilation;
        Options = options;
        Ids = ids;
    }

    public AnalyzerSet Set { get; }

    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

    public CSharpCompilation Compilation { get; }

    public AnalyzerOptions Options { get; }

    /// <summary>The rule IDs this set is measured for.</summary>
    public IReadOnlyCollection<string> Ids { get; }

    /// <summary>
    /// One full analysis, as a build runs it: a fresh <see cref="CompilationWithAnalyzers"/> (it works on its own copy of
    /// the compilation, so every run binds every method body again) asked for every analyzer diagnostic.
    /// Sequential, so the figure is the work done rather than how two busy cores were shared.
    /// </summary>
    public Task<ImmutableArray<Diagnostic>> RunAsync(bool logExecutionTime = false) =>
        With(logExecutionTime).GetAnalyzerDiagnosticsAsync(CancellationToken.None);

    public CompilationWithAnalyzers With(bool logExecutionTime) =>
        Compilation.WithAnalyzers(
            Analyzers,
            new CompilationWithAnalyzersOptions(Options, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: logExecutionTime));

    /// <summary>
    /// The same set on the same sources parsed again: new trees, as every command-line build has, so that no cache
    /// kept per syntax tree (ours across compilations, for the IDE) survives from one measured build to the next.
    /// The source texts are reused, so the analyzers see the text a build reads from disk.
    /// </summary>
    public PreparedSet Fresh()
    {
        var trees = Compilation.SyntaxTrees
            .Select(t => CSharpSyntaxTree.ParseText(t.GetText(), (CSharpParseOptions)t.Options, t.FilePath))
            .ToArray();
        return new PreparedSet(Set, Analyzers, Compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(trees), Options, Ids);
    }

    /// <summary>
    /// The same set beside the floor's analyzer, so that the driver binds every method body whatever the set asks for:
    /// a set of syntax-node actions alone (Sonar's) otherwise binds only what it asks about and comes out below the
    /// floor, which a real build, binding everything to emit, never does.
    /// </summary>
    public PreparedSet WithFloor() =>
        Set == AnalyzerSet.Floor ? this : new PreparedSet(Set, Analyzers.Add(ReferenceAnalyzer.Floor()), Compilation, Options, Ids);

    public static PreparedSet Create(AnalyzerSet set, CSharpCompilation compilation)
    {
        switch (set)
        {
            case AnalyzerSet.Floor:
                return Reference(set, compilation, ReferenceAnalyzer.Floor());
            case AnalyzerSet.OperationTrees:
                return Reference(set, compilation, ReferenceAnalyzer.OperationTrees());
            case AnalyzerSet.SyntaxNodeActions:
                return Reference(set, compilation, ReferenceAnalyzer.SyntaxNodeActions());
            case AnalyzerSet.StateAnalyzers:
                var ours = OurAnalyzers();
                var ourIds = ours.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().ToArray();
                return new PreparedSet(set, ours, Enable(compilation, ours, ourIds), Empty, ourIds);
            case AnalyzerSet.FirstReleaseRules:
                var first = OurAnalyzers().Where(a => a.SupportedDiagnostics.All(d => FirstReleaseIds.Contains(d.Id))).ToImmutableArray();
                return new PreparedSet(set, first, Enable(compilation, first, FirstReleaseIds), Empty, FirstReleaseIds);
            case AnalyzerSet.SecurityCodeScan:
                return Peer(set, compilation, "SecurityCodeScan", new[] { "SCS0008", "SCS0009" }, Empty);
            case AnalyzerSet.Sonar:
                var sonarIds = new[] { "S2092", "S3330" };
                return Peer(set, compilation, "Sonar", sonarIds, new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(new InMemoryText("/corpus/.sonarqube/conf/cs/SonarLint.xml", SonarLintXml(sonarIds)))));
            case AnalyzerSet.NetAnalyzers:
                return Peer(set, compilation, "NetAnalyzers", new[] { "CA5382", "CA5383" }, Empty);
            default:
                throw new ArgumentOutOfRangeException(nameof(set));
        }
    }

    private static readonly string[] FirstReleaseIds = { "STATE001", "STATE002", "STATE003", "STATE004", "STATE005", "STATE006", "STATE007" };

    /// <summary>Every analyzer StateAnalyzers ships: the non-abstract <see cref="DiagnosticAnalyzer"/> types of its assembly.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> OurAnalyzers() =>
        typeof(HttpOnlyCookieAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    private static AnalyzerOptions Empty { get; } = new(ImmutableArray<AdditionalText>.Empty);

    private static PreparedSet Reference(AnalyzerSet set, CSharpCompilation compilation, DiagnosticAnalyzer analyzer) =>
        new(set, ImmutableArray.Create(analyzer), compilation, Empty, Array.Empty<string>());

    private static PreparedSet Peer(AnalyzerSet set, CSharpCompilation compilation, string peer, string[] ids, AnalyzerOptions options)
    {
        var analyzers = Peers.Load(peer, ids);
        if (analyzers.IsEmpty)
        {
            throw new InvalidOperationException($"{peer}: no analyzer supports {string.Join(", ", ids)}.");
        }

        return new PreparedSet(set, analyzers, Enable(compilation, analyzers, ids), options, ids);
    }

    /// <summary>The named rules on (as warnings), every other rule of the same analyzers off, as a project would configure them.</summary>
    private static CSharpCompilation Enable(CSharpCompilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, IReadOnlyCollection<string> ids)
    {
        var specific = analyzers
            .SelectMany(a => a.SupportedDiagnostics)
            .Select(d => d.Id)
            .Distinct()
            .ToImmutableDictionary(id => id, id => ids.Contains(id) ? ReportDiagnostic.Warn : ReportDiagnostic.Suppress);
        return compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(specific));
    }

    /// <summary>SonarLint.xml as the SonarScanner for .NET writes it for a quality profile that activates only <paramref name="rules"/>.</summary>
    private static string SonarLintXml(IEnumerable<string> rules)
    {
        var xml = new StringBuilder();
        xml.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        xml.Append("<AnalysisInput xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n");
        xml.Append("  <Settings>\n");
        foreach (var (key, value) in new[]
                 {
                     ("sonar.cs.analyzeGeneratedCode", "false"),
                     ("sonar.cs.file.suffixes", ".cs"),
                     ("sonar.cs.ignoreHeaderComments", "true"),
                     ("sonar.cs.roslyn.ignoreIssues", "false"),
                 })
        {
            xml.Append("    <Setting>\n      <Key>").Append(key).Append("</Key>\n      <Value>").Append(value).Append("</Value>\n    </Setting>\n");
        }

        xml.Append("  </Settings>\n  <Rules>\n");
        foreach (var rule in rules)
        {
            xml.Append("    <Rule>\n      <Key>").Append(rule).Append("</Key>\n    </Rule>\n");
        }

        xml.Append("  </Rules>\n  <Files>\n  </Files>\n</AnalysisInput>\n");
        return xml.ToString();
    }

    private sealed class InMemoryText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text, Encoding.UTF8);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}

/// <summary>
/// The reference points: an analyzer that does nothing but subscribe, as in the .NET analyzers' own benchmarks. It
/// declares one rule that is on and never reported, and registers one no-op action, because the driver skips an
/// analyzer with no action at all and would measure nothing.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class ReferenceAnalyzer : DiagnosticAnalyzer
{
    private readonly Action<AnalysisContext> _subscribe;

    private ReferenceAnalyzer(string id, Action<AnalysisContext> subscribe)
    {
        _subscribe = subscribe;
        SupportedDiagnostics = ImmutableArray.Create(new DiagnosticDescriptor(
            id, "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true));
    }

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <summary>The floor: a no-op semantic-model action makes the driver bind every method body, which a build pays anyway.</summary>
    public static ReferenceAnalyzer Floor() => new("FLOOR001", c => c.RegisterSemanticModelAction(static _ => { }));

    /// <summary>
    /// A no-op operation-block action: the driver also builds the IOperation tree of every method body. Any analyzer that
    /// registers operation actions pays this once per build, shared with every other such analyzer (the SDK's default CA
    /// rules among them).
    /// </summary>
    public static ReferenceAnalyzer OperationTrees() => new("FLOOR002", c => c.RegisterOperationBlockAction(static _ => { }));

    /// <summary>
    /// A no-op syntax-node action on invocations, assignments and object creations, the way most syntax-based cookie rules
    /// (Sonar's among them) subscribe: the driver hands every such node of every file to the analyzer.
    /// </summary>
    public static ReferenceAnalyzer SyntaxNodeActions() => new(
        "FLOOR003",
        c => c.RegisterSyntaxNodeAction(static _ => { }, SyntaxKind.InvocationExpression, SyntaxKind.SimpleAssignmentExpression, SyntaxKind.ObjectCreationExpression));

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        _subscribe(context);
    }
}
