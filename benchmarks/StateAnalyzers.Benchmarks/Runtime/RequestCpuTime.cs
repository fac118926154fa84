namespace StateAnalyzers.Benchmarks.Runtime;

/// <summary>
/// <c>--request-cpu [cookies] [rounds]</c>: the <see cref="RequestBenchmarks"/> pipelines side by side in one process, in
/// interleaved rounds of 20,000 requests each, timed by this thread's CPU clock (<c>CLOCK_THREAD_CPUTIME_ID</c>), so time
/// the scheduler gives to other processes on a shared machine is not counted. Prints each pipeline's minimum, median and
/// maximum per request over the rounds, and the time each middleware adds over the bare pipeline at the minimum and the
/// median. Linux only. A complement to BenchmarkDotNet's wall-clock figures, not a replacement.
/// </summary>
public static class RequestCpuTime
{
    private const int RequestsPerRound = 20_000;

    public static int Run(int cookies, int rounds)
    {
        var pipelines = Enum.GetValues<Pipeline>();
        var benchmarks = pipelines.Select(p =>
        {
            var benchmark = new RequestBenchmarks { Cookies = cookies, Pipeline = p };
            benchmark.Setup();
            return benchmark;
        }).ToArray();
        var samples = pipelines.Select(_ => new List<double>()).ToArray();
        var bytes = new long[pipelines.Length];
        for (var round = 0; round < rounds; round++)
        {
            for (var k = 0; k < benchmarks.Length; k++)
            {
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                var start = CpuClock.ThreadNanoseconds();
                for (var i = 0; i < RequestsPerRound; i++)
                {
                    benchmarks[k].Request();
                }

                samples[k].Add((CpuClock.ThreadNanoseconds() - start) / (double)RequestsPerRound);
                bytes[k] = (GC.GetAllocatedBytesForCurrentThread() - allocated) / RequestsPerRound;
            }
        }

        var sorted = samples.Select(s => s.Order().ToArray()).ToArray();
        Console.WriteLine($"{cookies} cookie(s), {rounds} rounds of {RequestsPerRound:N0} requests, thread CPU time per request:");
        for (var k = 0; k < pipelines.Length; k++)
        {
            var s = sorted[k];
            Console.WriteLine($"  {pipelines[k],-12} min {s[0],8:F0} ns  median {s[s.Length / 2],8:F0} ns  max {s[^1],8:F0} ns  {bytes[k],6} B");
        }

        var bare = Array.IndexOf(pipelines, Pipeline.Bare);
        foreach (var k in new[] { Array.IndexOf(pipelines, Pipeline.CookiePolicy), Array.IndexOf(pipelines, Pipeline.StateGuard) })
        {
            Console.WriteLine($"  {pipelines[k],-12} adds {sorted[k][0] - sorted[bare][0],6:F0} ns (min)  " +
                              $"{sorted[k][rounds / 2] - sorted[bare][rounds / 2],6:F0} ns (median)  {bytes[k] - bytes[bare],6} B");
        }

        foreach (var benchmark in benchmarks)
        {
            benchmark.Cleanup();
        }

        return 0;
    }
}
