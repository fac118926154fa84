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

    /// <summary>
    /// Present (<c>true</c>) when the member is to go rather than be set: STATE010's Domain of a <c>__Host-</c> cookie.
    /// For a raw header, <see cref="RawRemoveKey"/> names the attribute instead.
    /// </summary>
    public const string RemoveKey = "Remove";

    /// <summary>For a raw header: the attribute the fix removes from the literal (<c>Domain</c>, <c>Path</c>, <c>Max-Age</c>) before it appends <see cref="RawAttributeKey"/> (which may be empty).</summary>
    public const string RawRemoveKey = "RawRemove";

    /// <summary>With <see cref="AddOptions"/>: the new options set only the member (STATE010 adds Secure and nothing else).</summary>
    public const string OnlyMemberKey = "OnlyMember";

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

    /// <summary>Replace the expression (the first additional location) with <see cref="ValueKey"/>: STATE010's lifetime capped at 400 days.</summary>
    public const string Replace = "Replace";
}
