namespace StateAnalyzers.CodeFixes.Shared;

/// <summary>Code-fix equivalence keys; public so tests and Fix All can name them.</summary>
public static class EquivalenceKeys
{
    public const string TightenCookie = "StateAnalyzers.TightenCookie";
    public const string MoveToSession = "StateAnalyzers.MoveToSession";
    public const string ClearSessionOnSignOut = "StateAnalyzers.ClearSessionOnSignOut";
    public const string ConfigureSession = "StateAnalyzers.ConfigureSession";
    public const string ClearSessionBeforeSignIn = "StateAnalyzers.ClearSessionBeforeSignIn";
    public const string LimitLifetime = "StateAnalyzers.LimitLifetime";
    public const string SwitchTempDataProvider = "StateAnalyzers.SwitchTempDataProvider";
}
