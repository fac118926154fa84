using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace StateAnalyzers.Benchmarks.Analysis;

/// <summary>
/// Which types a set allocates beyond the floor, from the runtime's sampled AllocationTick events (one about every
/// 100 KB, so a type's figure is an estimate): where to look when a set's added allocations grow.
/// </summary>
internal static class AllocationTypes
{
    public static int Run(int files, string setName, int top)
    {
        var (_, compilation) = CorpusCompilation.For(files);
        var set = Enum.Parse<AnalyzerSet>(setName, ignoreCase: true);
        var floor = Sample(PreparedSet.Create(AnalyzerSet.Floor, compilation));
        var ours = Sample(PreparedSet.Create(set, compilation));
        Console.WriteLine($"{set} against the floor on {files} files, sampled allocations per analysis (MB, mean of 3 runs):");
        foreach (var (type, bytes) in ours
                     .Select(p => (p.Key, p.Value - floor.GetValueOrDefault(p.Key)))
                     .Concat(floor.Where(p => !ours.ContainsKey(p.Key)).Select(p => (p.Key, -p.Value)))
                     .OrderByDescending(p => Math.Abs(p.Item2))
                     .Take(top))
        {
            Console.WriteLine($"  {bytes / 1024.0 / 1024.0,8:F2}  {type}");
        }

        return 0;
    }

    private static Dictionary<string, double> Sample(PreparedSet set)
    {
        const int runs = 3;
        _ = set.RunAsync().GetAwaiter().GetResult();
        _ = set.RunAsync().GetAwaiter().GetResult();
        using var listener = new TickListener();
        for (var run = 0; run < runs; run++)
        {
            var fresh = set.Fresh(); // new trees per build, parsed before the sampling
            GC.Collect();
            GC.WaitForPendingFinalizers();
            listener.Recording = true;
            _ = fresh.RunAsync().GetAwaiter().GetResult();
            listener.Recording = false;
        }

        return listener.Bytes.ToDictionary(p => p.Key, p => p.Value / runs);
    }

    private sealed class TickListener : EventListener
    {
        public ConcurrentDictionary<string, double> Bytes { get; } = new();

        public volatile bool Recording;

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs data)
        {
            if (!Recording || data.EventName is null || !data.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || data.Payload is null)
            {
                return;
            }

            var names = data.PayloadNames!;
            var type = names.IndexOf("TypeName") is var t and >= 0 ? data.Payload[t] as string ?? "?" : "?";
            var amount = names.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToDouble(data.Payload[a], System.Globalization.CultureInfo.InvariantCulture) : 0;
            Bytes.AddOrUpdate(type, amount, (_, v) => v + amount);
        }
    }
}
