namespace StateAnalyzers.FixContract;

/// <summary>
/// What an attribute finding tells its code fix through the diagnostic's properties, so the fix does not redo
/// the analysis. The first additional location is the node the fix edits.
/// </summary>
internal static class CookieFixProperties
{
    public const string FixKey = "Fix";
    public const string MemberKey = "Member";
    public const string ValueKey = "Value";
    public const string RawAttributeKey = "RawAttribute";
    public const string ScriptReadableKey = "ScriptReadable";

    /// <summary>A bare <c>Append(key, value)</c>: add a locked-down <c>CookieOptions</c> argument.</summary>
    public const string AddOptions = "AddOptions";

    /// <summary>Add or correct the member in the object initializer of the creation.</summary>
    public const string Initializer = "Initializer";

    /// <summary>Replace the value of the assignment.</summary>
    public const string Assignment = "Assignment";

    /// <summary>Set <c>options.Cookie.Member</c> in the options lambda of the configuring call (adding one if needed).</summary>
    public const string BuilderLambda = "BuilderLambda";

    /// <summary>Append the attribute to the constant Set-Cookie string.</summary>
    public const string RawHeader = "RawHeader";
}
