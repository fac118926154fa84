namespace StateAnalyzers.FixContract;

/// <summary>
/// What a STATE001/STATE002 finding tells the MoveToSession fix: the session expression for the place, the cookie
/// key when it is a constant, and whether the value is an int (<c>SetInt32</c>) or a string (<c>SetString</c>).
/// </summary>
internal static class MoveToSessionProperties
{
    public const string SessionKey = "Session";
    public const string KeyKey = "Key";
    public const string IntValueKey = "IntValue";
}
