namespace StateAnalyzers.Benchmarks.Analysis;

/// <summary>
/// A quick look at allocations only (they repeat to within 1%, unlike times): each set's bytes per analysis and its
/// added bytes over the floor: the least of three runs after two warm-ups, after a full collection each (background JIT
/// work and Roslyn's weakly held syntax nodes otherwise move a run by a few MB). Minutes instead of the full BenchmarkDotNet run; the figures in
/// docs/performance.md come from BenchmarkDotNet.
/// </summary>
internal static class AllocationCheck
{
    public static int Run(int files, IReadOnlyCollection<string> only)
    {
        var (_, compilation) = CorpusCompilation.For(files);
        Console.WriteLine($"Allocations per analysis on {files} files (least of three runs after two warm-ups):");
        double? floor = null;
        foreach (var set in Enum.GetValues<AnalyzerSet>())
        {
            if (set != AnalyzerSet.Floor && only.Count > 0 && !only.Contains(set.ToString(), StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            var prepared = PreparedSet.Create(set, compilation);
            var megabytes = double.MaxValue;
            for (var run = 0; run < 5; run++)
            {
                var fresh = prepared.Fresh(); // new trees per build, parsed before the count
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                var before = GC.GetTotalAllocatedBytes(precise: true);
                _ = fresh.RunAsync().GetAwaiter().GetResult();
                var allocated = (GC.GetTotalAllocatedBytes(precise: true) - before) / 1024.0 / 1024.0;
                megabytes = run < 2 ? megabytes : Math.Min(megabytes, allocated);
            }

            floor ??= megabytes;
            Console.WriteLine($"  {set,-20} {megabytes,9:F1} MB   added {megabytes - floor.Value,8:F1} MB   {100 * (megabytes - floor.Value) / floor.Value,6:F1}% of the floor");
        }

        return 0;
    }
}
