namespace StateAnalyzers.FixContract;

/// <summary>What a STATE009 finding tells its code fix through the diagnostic's properties.</summary>
internal static class LifetimeFixProperties
{
    /// <summary>The C# that replaces the reported expression: the lifetime set to the maximum, written the way the code wrote it.</summary>
    public const string ReplacementKey = "Replacement";
}
