using BenchmarkDotNet.Attributes;

namespace StateAnalyzers.Benchmarks.Analysis;

/// <summary>
/// Each analyzer set through <c>CompilationWithAnalyzers</c> on the same generated compilation, at three corpus sizes.
/// The added cost of a set is its figure minus the floor's at the same size.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ShortRunConfig))]
public class AnalyzerBenchmarks
{
    private PreparedSet _prepared = null!;
    private PreparedSet _run = null!;

    [Params(100, 250, 500)]
    public int Files { get; set; }

    [ParamsAllValues]
    public AnalyzerSet Set { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var (_, compilation) = CorpusCompilation.For(Files);
        _prepared = PreparedSet.Create(Set, compilation);

        // One untimed run so that every analyzer's code is loaded and jitted before the measured ones.
        _ = _prepared.RunAsync().GetAwaiter().GetResult();
    }

    /// <summary>Each build gets trees of its own, as a command-line build does (parsed here, outside the measurement).</summary>
    [IterationSetup]
    public void NewTrees() => _run = _prepared.Fresh();

    [Benchmark]
    public int Analyze() => _run.RunAsync().GetAwaiter().GetResult().Length;
}
