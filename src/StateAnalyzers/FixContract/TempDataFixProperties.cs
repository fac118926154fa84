namespace StateAnalyzers.FixContract;

/// <summary>
/// What a STATE011 finding tells its fix. The first additional location is the MVC registration that gets
/// <c>AddSessionStateTempDataProvider()</c>; when the session is not configured yet, the second is the host, and the
/// <see cref="SessionFixProperties"/> keys of STATE007 say what the host lacks.
/// </summary>
internal static class TempDataFixProperties
{
    /// <summary>The first additional location is the MVC registration to extend.</summary>
    public const string RegistrationKey = "AddSessionStateTempDataProvider";
}
