using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace StateAnalyzers.Benchmarks;

/// <summary>
/// Short runs for two shared cores: one warm-up and a few measured iterations, in process (the benchmark project
/// is not rebuilt per run), so a full run takes minutes. Analyzer runs take seconds each, so one invocation per
/// iteration (Monitoring); the runtime benchmarks take microseconds and use the default strategy.
/// </summary>
public sealed class ShortRunConfig : ManualConfig
{
    public ShortRunConfig()
    {
        AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithWarmupCount(1)
            .WithIterationCount(5)
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithId("Monitoring"));
        AddColumn(StatisticColumn.Min, StatisticColumn.Median);
        WithOption(ConfigOptions.DisableOptimizationsValidator, false);
    }
}

/// <summary>
/// Edits in the IDE scenario take tens to hundreds of milliseconds: one edit per iteration (Monitoring), more of them
/// than a whole-compilation run so that the median is stable on a shared machine.
/// </summary>
public sealed class IdeRunConfig : ManualConfig
{
    public IdeRunConfig()
    {
        AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithWarmupCount(3)
            .WithIterationCount(15)
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithId("IdeEdit"));
        AddColumn(StatisticColumn.Min, StatisticColumn.Median, StatisticColumn.Max);
        WithOption(ConfigOptions.DisableOptimizationsValidator, false);
    }
}

/// <summary>Microsecond benchmarks: the default strategy (pilot, warm-up, many invocations per iteration), still short.</summary>
public sealed class RequestRunConfig : ManualConfig
{
    public RequestRunConfig()
    {
        AddJob(Job.Default
            .WithWarmupCount(3)
            .WithIterationCount(10)
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithId("Requests"));
        AddColumn(StatisticColumn.Min, StatisticColumn.Median);
    }
}
