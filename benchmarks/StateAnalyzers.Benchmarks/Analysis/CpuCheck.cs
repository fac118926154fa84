namespace StateAnalyzers.Benchmarks.Analysis;

/// <summary>
/// <c>--cpu [files] [sets]</c>: what each set adds to a build in CPU time rather than wall time, for a shared machine:
/// time the scheduler gives to other processes is not counted. Each run analyzes fresh trees (parsed outside the
/// measurement), sequentially, after a full collection, the sets interleaved round by round, beside the floor's analyzer (<see cref="PreparedSet.WithFloor"/>:
/// every set then binds every method body, as a build does); the minimum and median of <see cref="Runs"/> rounds after
/// <see cref="WarmUps"/> warm-up rounds, and what each adds over the floor's. The clock is the process's
/// (<c>CLOCK_PROCESS_CPUTIME_ID</c>), not the calling thread's: the driver runs parts of even a sequential analysis on
/// pool threads, so the calling thread sees only part of the work (its share is printed). The process clock also counts
/// the runtime's own threads (JIT, GC, finalizer), which the interleaving spreads over every set. Then the time inside each set's
/// callbacks (Roslyn's telemetry, a wall clock, least of three runs), per analyzer for StateAnalyzers. Linux only.
/// </summary>
internal static class CpuCheck
{
    private const int WarmUps = 2;
    private const int Runs = 7;
    private const int TelemetryRuns = 3;

    public static int Run(int files, IReadOnlyCollection<string> only)
    {
        var (_, compilation) = CorpusCompilation.For(files);
        var sets = Enum.GetValues<AnalyzerSet>()
            .Where(set => set == AnalyzerSet.Floor || only.Count == 0 || only.Contains(set.ToString(), StringComparer.OrdinalIgnoreCase))
            .Select(set => PreparedSet.Create(set, compilation))
            .ToArray();
        var process = sets.Select(_ => new List<double>()).ToArray();
        var thread = sets.Select(_ => new List<double>()).ToArray();

        // Interleaved rounds, every set once per round: the runtime's background work (tiered JIT) and the machine's
        // drift fall on every set alike instead of on whichever runs first.
        for (var round = 0; round < WarmUps + Runs; round++)
        {
            for (var k = 0; k < sets.Length; k++)
            {
                var fresh = sets[k].WithFloor().Fresh();
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                var processStart = ProcessMilliseconds();
                var threadStart = ThreadMilliseconds();
                _ = fresh.RunAsync().GetAwaiter().GetResult();
                if (round >= WarmUps)
                {
                    thread[k].Add(ThreadMilliseconds() - threadStart);
                    process[k].Add(ProcessMilliseconds() - processStart);
                }
            }
        }

        Console.WriteLine($"CPU time per analysis on {files} files (process clock, min and median of {Runs} interleaved rounds after {WarmUps}, fresh trees each):");
        var floor = (Min: process[0].Min(), Median: Median(process[0]));
        for (var k = 0; k < sets.Length; k++)
        {
            var cpu = (Min: process[k].Min(), Median: Median(process[k]));
            Console.WriteLine(
                $"  {sets[k].Set,-20} min {cpu.Min,8:F0} ms  median {cpu.Median,8:F0} ms   added {cpu.Min - floor.Min,6:F0} ms (min) {cpu.Median - floor.Median,6:F0} ms (median)" +
                $"   on the calling thread {100 * Median(thread[k]) / cpu.Median,3:F0}%");
        }

        Console.WriteLine($"Time inside the callbacks (Roslyn telemetry, wall clock, least of {TelemetryRuns} runs):");
        foreach (var line in sets.Skip(1).SelectMany(Callbacks))
        {
            Console.WriteLine(line);
        }

        return 0;
    }

    private static IEnumerable<string> Callbacks(PreparedSet prepared)
    {
        var least = prepared.Analyzers.ToDictionary(a => a, _ => double.MaxValue);
        var total = double.MaxValue;
        for (var run = 0; run < TelemetryRuns; run++)
        {
            var withAnalyzers = prepared.Fresh().With(logExecutionTime: true);
            _ = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
            var sum = 0.0;
            foreach (var analyzer in prepared.Analyzers)
            {
                var time = withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds;
                least[analyzer] = Math.Min(least[analyzer], time);
                sum += time;
            }

            total = Math.Min(total, sum);
        }

        yield return $"  {prepared.Set,-20} {total,8:F0} ms";
        if (prepared.Set is AnalyzerSet.StateAnalyzers or AnalyzerSet.FirstReleaseRules)
        {
            foreach (var (analyzer, time) in least.OrderByDescending(t => t.Value))
            {
                yield return $"    {analyzer.GetType().Name,-38} {time,8:F0} ms";
            }
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private static double ProcessMilliseconds() => CpuClock.ProcessNanoseconds() / 1_000_000.0;

    private static double ThreadMilliseconds() => CpuClock.ThreadNanoseconds() / 1_000_000.0;
}
