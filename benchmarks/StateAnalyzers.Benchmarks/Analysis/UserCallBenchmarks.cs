using BenchmarkDotNet.Attributes;

namespace StateAnalyzers.Benchmarks.Analysis;

/// <summary>
/// The 100-file corpus plus 200 files of <c>User...</c> / <c>Uses...</c> calls (<see cref="Corpus.UserCallsCorpus"/>,
/// 60,000 calls): what StateAnalyzers adds over the floor where many call names merely start with <c>Use</c>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ShortRunConfig))]
public class UserCallBenchmarks
{
    private PreparedSet _prepared = null!;
    private PreparedSet _run = null!;

    [Params(AnalyzerSet.Floor, AnalyzerSet.StateAnalyzers)]
    public AnalyzerSet Set { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _prepared = PreparedSet.Create(Set, CorpusCompilation.WithUserCalls(100, 200));
        _ = _prepared.RunAsync().GetAwaiter().GetResult();
    }

    /// <summary>Each build gets trees of its own, as a command-line build does (parsed here, outside the measurement).</summary>
    [IterationSetup]
    public void NewTrees() => _run = _prepared.Fresh();

    [Benchmark]
    public int Analyze() => _run.RunAsync().GetAwaiter().GetResult().Length;
}
