using BenchmarkDotNet.Running;
using StateAnalyzers.Benchmarks.Analysis;

namespace StateAnalyzers.Benchmarks;

/// <summary>
/// <c>--validate [files]</c>: the corpus's shape and what each analyzer set finds in it, once, with a rough time.
/// <c>--profile [files]</c>: the time each StateAnalyzers analyzer takes, from Roslyn's own telemetry.
/// <c>--allocation-types [files] [set]</c>: the types a set allocates beyond the floor, sampled.
/// <c>--name-filter [files] [userFiles]</c>: files and calls the pipeline name filter lets through, old filter and new.
/// <c>--allocations [files] [sets]</c>: bytes allocated per analysis for each set (or the named ones) against the floor, quickly.
/// <c>--request-cpu [cookies] [rounds]</c>: the request pipelines timed by thread CPU time, interleaved (shared machines).
/// <c>--cpu [files] [sets]</c>: CPU time per analysis for each set (or the named ones) against the floor, and the time in their callbacks.
/// <c>--ide [files] [sets]</c>: the IDE case, per one-line edit: bytes, wall and callback time for the floor and each set, quickly.
/// <c>--write-project DIR [files]</c>: the corpus as a web project on disk, for the tool and build timings.
/// Anything else goes to BenchmarkDotNet (<c>--filter *AnalyzerBenchmarks*</c>, <c>--filter *RequestBenchmarks*</c>).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--validate")
        {
            return Validation.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 500);
        }

        if (args.Length > 0 && args[0] == "--name-filter")
        {
            return NameFilterCount.Run(
                args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100,
                args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 200);
        }

        if (args.Length > 1 && args[0] == "--write-project")
        {
            return Corpus.CorpusProject.Write(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 500);
        }

        if (args.Length > 0 && args[0] == "--profile")
        {
            return Validation.Profile(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 500);
        }

        if (args.Length > 0 && args[0] == "--allocations")
        {
            return AllocationCheck.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 500, args.Skip(2).ToArray());
        }

        if (args.Length > 0 && args[0] == "--cpu")
        {
            return CpuCheck.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 500, args.Skip(2).ToArray());
        }

        if (args.Length > 0 && args[0] == "--ide")
        {
            return IdeEdit.Check(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 500, args.Skip(2).ToArray());
        }

        if (args.Length > 0 && args[0] == "--allocation-types")
        {
            return AllocationTypes.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 500, args.Length > 2 ? args[2] : "StateAnalyzers", 40);
        }

        if (args.Length > 0 && args[0] == "--request-cpu")
        {
            return Runtime.RequestCpuTime.Run(
                args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1,
                args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 40);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
