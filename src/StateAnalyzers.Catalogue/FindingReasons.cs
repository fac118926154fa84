namespace StateAnalyzers.Catalogue;

/// <summary>
/// The reasons a finding gives (the <c>{1}</c> of the attribute rules' messages, the words of STATE001's name check),
/// written once for the analyzers and the runtime companion, which report the same cookie the same way.
/// </summary>
internal static class FindingReasons
{
    public const string HttpOnlyNotSet = "HttpOnly is not set";
    public const string SecureNotSet = "Secure is not set";
    public const string SameSiteNotSet = "SameSite is not set";

    public const string HeaderWithoutHttpOnly = "the Set-Cookie header has no HttpOnly attribute";
    public const string HeaderWithoutSecure = "the Set-Cookie header has no Secure attribute";

    /// <summary>No SameSite attribute, or one whose value browsers do not know (which they treat as none).</summary>
    public const string HeaderWithoutSameSite = "the Set-Cookie header has no valid SameSite attribute";

    /// <summary>STATE001 by name: <c>the name contains 'token'</c>.</summary>
    public static string NameContains(string word) => "the name contains '" + word + "'";

    /// <summary>STATE001 when the sensitive word is a password, which no protection makes fit for the client.</summary>
    public static string PasswordNameContains(string word) => NameContains(word) + PasswordEvenProtected;

    /// <summary>Appended to a reason that found a password inside a protected value.</summary>
    public const string PasswordEvenProtected = "; a password never belongs on the client, even protected";
}
