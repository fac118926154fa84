using BenchmarkDotNet.Attributes;

namespace StateAnalyzers.Benchmarks.Analysis;

/// <summary>
/// The IDE's case (<see cref="IdeEdit"/>): per keystroke in one web file, the new compilation and that document's
/// semantic analyzer diagnostics, at 500 and 5,000 files. The added cost of a set is its figure minus the floor's at
/// the same size; the cost should follow the edited file, not the project.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(IdeRunConfig))]
public class IdeEditBenchmarks
{
    private IdeEdit _edit = null!;

    [Params(500, 5000)]
    public int Files { get; set; }

    [Params(AnalyzerSet.Floor, AnalyzerSet.StateAnalyzers, AnalyzerSet.Sonar, AnalyzerSet.SecurityCodeScan)]
    public AnalyzerSet Set { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _edit = IdeEdit.Create(Set, Files);

        // Untimed edits: every analyzer's code jitted, the unchanged trees' caches (ours and Roslyn's) as an editing session has them.
        for (var i = 0; i < 3; i++)
        {
            _ = _edit.Run();
        }
    }

    [Benchmark]
    public int EditAndAnalyze() => _edit.Run();
}
