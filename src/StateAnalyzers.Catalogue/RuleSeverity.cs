namespace StateAnalyzers.Catalogue;

/// <summary>Default severity shipped in the package; maps one-to-one onto Roslyn's DiagnosticSeverity.</summary>
internal enum RuleSeverity
{
    Hidden = 0,
    Info = 1,
    Warning = 2,
    Error = 3,
}
