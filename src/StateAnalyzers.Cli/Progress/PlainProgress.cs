namespace StateAnalyzers.Cli.Progress;

/// <summary>One line per step, for logs and CI (stderr, so stdout holds only the result).</summary>
internal sealed class PlainProgress(TextWriter writer) : IScanProgress
{
    public void Stage(string text) => writer.WriteLine($"stateanalyzers: {text}");

    public void ProjectStep(string project, string step) => writer.WriteLine($"stateanalyzers: {project}: {step}");

    public void ProjectDone(string project, string summary, bool ok) =>
        writer.WriteLine($"stateanalyzers: {project}: {(ok ? "done" : "INCOMPLETE")}, {summary}");
}
