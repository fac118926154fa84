using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace StateAnalyzers.Benchmarks.Analysis;

/// <summary>
/// What the IDE does after a keystroke, for one analyzer set: a one-line edit in one web file (a controller that
/// writes cookies and signs out), the new compilation with that tree replaced and every other tree reused, and the
/// semantic analyzer diagnostics of that document only. Each call edits the compilation the previous call left, as
/// an editing session does.
/// </summary>
internal sealed class IdeEdit
{
    private const string EditedLine = "var item = await _service.GetAsync(id, cancellationToken);";
    private readonly PreparedSet _prepared;
    private readonly int _line;
    private readonly string _indent;
    private CSharpCompilation _compilation;
    private SyntaxTree _tree;
    private int _edits;

    private IdeEdit(PreparedSet prepared, SyntaxTree tree, int line, string indent)
    {
        _prepared = prepared;
        _compilation = prepared.Compilation;
        _tree = tree;
        _line = line;
        _indent = indent;
    }

    /// <summary>The edited file's path in the corpus.</summary>
    public string Path => _tree.FilePath;

    /// <summary>The last analysis's callback time, summed over the set's analyzers (only when asked for).</summary>
    public TimeSpan LastCallbackTime { get; private set; }

    public static IdeEdit Create(AnalyzerSet set, int files)
    {
        var (_, compilation) = CorpusCompilation.For(files);
        var prepared = PreparedSet.Create(set, compilation);
        var tree = prepared.Compilation.SyntaxTrees.First(t => t.FilePath.EndsWith("Controller.cs", StringComparison.Ordinal)
            && t.GetText().ToString() is var text && text.Contains("Cookies.Append", StringComparison.Ordinal) && text.Contains("SignOutAsync", StringComparison.Ordinal));
        var line = tree.GetText().Lines.First(l => l.ToString().Trim() == EditedLine);
        var indent = line.ToString().Substring(0, line.ToString().IndexOf('v', StringComparison.Ordinal));
        return new IdeEdit(prepared, tree, line.LineNumber, indent);
    }

    /// <summary>One keystroke's worth: edit, new compilation, the edited document's semantic diagnostics. Returns their count.</summary>
    public int Run(bool logExecutionTime = false)
    {
        _edits++;
        var text = _tree.GetText();
        var line = text.Lines[_line];
        var edited = text.WithChanges(new TextChange(line.Span, $"{_indent}var item = await _service.GetAsync(id + {_edits}, cancellationToken);"));
        var tree = _tree.WithChangedText(edited);
        _compilation = _compilation.ReplaceSyntaxTree(_tree, tree);
        _tree = tree;

        var withAnalyzers = _compilation.WithAnalyzers(
            _prepared.Analyzers,
            new CompilationWithAnalyzersOptions(_prepared.Options, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: logExecutionTime));
        var semanticModel = withAnalyzers.Compilation.GetSemanticModel(tree);
        var diagnostics = withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(semanticModel, null, CancellationToken.None).GetAwaiter().GetResult();
        if (logExecutionTime)
        {
            LastCallbackTime = _prepared.Analyzers
                .Select(a => withAnalyzers.GetAnalyzerTelemetryInfoAsync(a, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime)
                .Aggregate(TimeSpan.Zero, (sum, t) => sum + t);
        }

        return diagnostics.Length;
    }

    /// <summary>
    /// <c>--ide [files] [sets]</c>: per edit, bytes allocated (least of the measured edits), wall time and callback time
    /// (medians) for each set, after warm-up edits; the quick check beside the BenchmarkDotNet run.
    /// </summary>
    public static int Check(int files, IReadOnlyCollection<string> only)
    {
        const int warmups = 3;
        const int edits = 9;
        var sets = new[] { AnalyzerSet.Floor, AnalyzerSet.StateAnalyzers, AnalyzerSet.Sonar, AnalyzerSet.SecurityCodeScan }
            .Where(s => s == AnalyzerSet.Floor || only.Count == 0 || only.Contains(s.ToString(), StringComparer.OrdinalIgnoreCase));
        Console.WriteLine($"One-line edit and the edited document's semantic diagnostics, {files} files ({warmups} warm-up edits, {edits} measured):");
        (double Bytes, double Wall, double Callbacks)? floor = null;
        foreach (var set in sets)
        {
            var edit = Create(set, files);
            for (var i = 0; i < warmups; i++)
            {
                _ = edit.Run();
            }

            var bytes = new List<double>();
            var wall = new List<double>();
            var callbacks = new List<double>();
            var found = 0;
            for (var i = 0; i < edits; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                var before = GC.GetTotalAllocatedBytes(precise: true);
                var clock = Stopwatch.StartNew();
                found = edit.Run(logExecutionTime: true);
                wall.Add(clock.Elapsed.TotalMilliseconds);
                bytes.Add((GC.GetTotalAllocatedBytes(precise: true) - before) / 1024.0 / 1024.0);
                callbacks.Add(edit.LastCallbackTime.TotalMilliseconds);
            }

            var figures = (Bytes: bytes.Min(), Wall: Median(wall), Callbacks: Median(callbacks));
            floor ??= figures;
            Console.WriteLine(
                $"  {set,-18} {figures.Bytes,8:F2} MB (added {figures.Bytes - floor.Value.Bytes,7:F2})   wall {figures.Wall,7:F1} ms (added {figures.Wall - floor.Value.Wall,6:F1}, range {wall.Min():F1}-{wall.Max():F1})   callbacks {figures.Callbacks,6:F1} ms (range {callbacks.Min():F1}-{callbacks.Max():F1})   {found} diagnostics in {edit.Path}");
        }

        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
