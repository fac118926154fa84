using System.Collections.Concurrent;
using Spectre.Console;

namespace StateAnalyzers.Cli.Progress;

/// <summary>A live Spectre.Console progress display on a terminal: one line for the scan, one per project.</summary>
internal sealed class LiveProgress(ProgressContext context) : IScanProgress
{
    private readonly ConcurrentDictionary<string, ProgressTask> _projects = new(StringComparer.Ordinal);
    private readonly ProgressTask _stage = context.AddTask("[bold]scan[/]", maxValue: 1);

    public static async Task<T> RunAsync<T>(IAnsiConsole console, Func<IScanProgress, Task<T>> work)
    {
        return await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var live = new LiveProgress(context);
                try
                {
                    return await work(live).ConfigureAwait(false);
                }
                finally
                {
                    live._stage.Value = 1;
                    live._stage.StopTask();
                }
            }).ConfigureAwait(false);
    }

    public void Stage(string text) => _stage.Description = $"[bold]scan[/]: {Markup.Escape(text)}";

    public void ProjectStep(string project, string step)
    {
        var task = _projects.GetOrAdd(project, p => context.AddTask(Markup.Escape(p), maxValue: 3));
        task.Description = $"{Markup.Escape(project)}: {Markup.Escape(step)}";
        task.Value = step switch { "load" => 1, "compile" => 1, "analyze" => 2, _ => task.Value };
    }

    public void ProjectDone(string project, string summary, bool ok)
    {
        var task = _projects.GetOrAdd(project, p => context.AddTask(Markup.Escape(p), maxValue: 3));
        task.Description = $"{Markup.Escape(project)}: {(ok ? "[green]done[/]" : "[yellow]incomplete[/]")}, {Markup.Escape(summary)}";
        task.Value = 3;
        task.StopTask();
    }
}
