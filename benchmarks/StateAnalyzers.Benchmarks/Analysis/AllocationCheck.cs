namespace StateAnalyzers.Benchmarks.Analysis;

/// <summary>
/// A quick look at allocations only (they repeat to within 1%, unlike times): each set's bytes per analysis and its
/// added bytes over the floor, after one warm-up run. Minutes instead of the full BenchmarkDotNet run; the figures in
/// docs/performance.md come from BenchmarkDotNet.
/// </summary>
internal static class AllocationCheck
{
    public static int Run(int files, IReadOnlyCollection<string> only)
    {
        var (_, compilation) = CorpusCompilation.For(files);
        Console.WriteLine($"Allocations per analysis on {files} files (one warm-up, then one measured run):");
        double? floor = null;
        foreach (var set in Enum.GetValues<AnalyzerSet>())
        {
            if (set != AnalyzerSet.Floor && only.Count > 0 && !only.Contains(set.ToString(), StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            var prepared = PreparedSet.Create(set, compilation);
            _ = prepared.RunAsync().GetAwaiter().GetResult();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            _ = prepared.RunAsync().GetAwaiter().GetResult();
            var megabytes = (GC.GetTotalAllocatedBytes(precise: true) - before) / 1024.0 / 1024.0;
            floor ??= megabytes;
            Console.WriteLine($"  {set,-20} {megabytes,9:F1} MB   added {megabytes - floor.Value,8:F1} MB   {100 * (megabytes - floor.Value) / floor.Value,6:F1}% of the floor");
        }

        return 0;
    }
}
