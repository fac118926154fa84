using System.Collections.Generic;

namespace StateAnalyzers.Catalogue;

/// <summary>
/// The word lists behind STATE001. Entries are word parts: names are split at case changes, '_', '-' and '.',
/// and a multi-part entry ("api key") matches adjacent parts ("ApiKey", "api_key", "api-key").
/// </summary>
internal static class SensitiveWords
{
    public static readonly IReadOnlyList<string> Secrets = new[]
    {
        "password", "passwd", "pwd", "secret", "token", "jwt", "bearer", "api key", "credential",
        "private key", "connection string", "ssn", "credit card", "card number", "cvv", "iban",
    };

    public static readonly IReadOnlyList<string> PersonalData = new[]
    {
        "email", "e mail", "phone", "date of birth",
    };

    /// <summary>Words that can never be sent to the client, even protected by Data Protection.</summary>
    public static readonly IReadOnlyList<string> NeverOnClient = new[] { "password", "passwd", "pwd" };

    /// <summary>
    /// Words for values that no cookie and no session should keep: a password is checked and a private key used, then
    /// both are dropped. STATE001 tells the developer to remove such a value rather than offering to move it.
    /// </summary>
    public static readonly IReadOnlyList<string> ToRemove = new[] { "password", "passwd", "pwd", "private key" };

    /// <summary>
    /// Short forms of "password" that are judged in cookie names and JSON field names only: as parts of code symbols
    /// (<c>passCount</c>, <c>pwLength</c>) they are too common to mean a password.
    /// </summary>
    public static readonly IReadOnlyList<string> PasswordShortForms = new[] { "pw", "pass" };

    /// <summary>
    /// The short form a name ends with (<c>pw</c>, <c>user_pass</c>, <c>login.pass</c>), or null: a short form that starts
    /// a longer name (<c>pass_through</c>, <c>pw_length</c>) names something else.
    /// </summary>
    public static string? PasswordShortForm(string[] parts)
    {
        if (parts.Length == 0)
        {
            return null;
        }

        var last = parts[parts.Length - 1];
        foreach (var form in PasswordShortForms)
        {
            if (last == form)
            {
                return form;
            }
        }

        return null;
    }

    /// <summary>Names that look sensitive but are not: antiforgery tokens.</summary>
    public static readonly IReadOnlyList<string> AntiforgeryNames = new[]
    {
        "csrf", "xsrf", "antiforgery", "request verification token",
    };

    /// <summary>Cookies the framework itself writes start with this prefix.</summary>
    public const string FrameworkCookiePrefix = ".AspNetCore.";

    /// <summary>Harmless by nature: preferences and opaque ids.</summary>
    public static readonly IReadOnlyList<string> HarmlessNames = new[]
    {
        "theme", "culture", "language", "consent", "cart", "visitor",
    };
}
