namespace StateAnalyzers.Cli.Progress;

/// <summary>Where the scan says what it is doing: a live display on a terminal, plain lines elsewhere.</summary>
internal interface IScanProgress
{
    /// <summary>A step of the whole scan (restore, load).</summary>
    void Stage(string text);

    /// <summary>A step of one project: load, compile, analyze.</summary>
    void ProjectStep(string project, string step);

    /// <summary>The project is done; <paramref name="summary"/> says how it ended.</summary>
    void ProjectDone(string project, string summary, bool ok);
}
