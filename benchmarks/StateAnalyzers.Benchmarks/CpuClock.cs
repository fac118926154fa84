using System.Runtime.InteropServices;

namespace StateAnalyzers.Benchmarks;

/// <summary>
/// CPU clocks of Linux's <c>clock_gettime</c>: time the scheduler gives to other processes on a shared machine is not
/// counted, unlike a stopwatch's.
/// </summary>
internal static class CpuClock
{
    private const int ProcessClock = 2; // CLOCK_PROCESS_CPUTIME_ID: every thread of this process
    private const int ThreadClock = 3; // CLOCK_THREAD_CPUTIME_ID: the calling thread only

    public static long ProcessNanoseconds() => Nanoseconds(ProcessClock);

    public static long ThreadNanoseconds() => Nanoseconds(ThreadClock);

    private static long Nanoseconds(int clock)
    {
        _ = ClockGetTime(clock, out var time);
        return (time.Seconds * 1_000_000_000) + time.Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
