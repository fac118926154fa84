using System;
using System.Collections.Generic;
using System.Linq;
using StateAnalyzers.Catalogue;

namespace StateAnalyzers.Values;

/// <summary>The STATE001 word lists of one syntax tree: the catalogue's words plus <c>STATE001.additional_sensitive_names</c>.</summary>
internal sealed class SensitiveNames
{
    private readonly string[] _words;
    private readonly HashSet<string> _allowedCookies;

    public SensitiveNames(IEnumerable<string> additionalWords, IEnumerable<string> allowedCookieNames)
    {
        _words = SensitiveWords.Secrets.Concat(SensitiveWords.PersonalData).Concat(additionalWords).ToArray();
        _allowedCookies = new HashSet<string>(allowedCookieNames, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The sensitive word a name holds, or null. Antiforgery names ("XSRF-TOKEN") hold none.</summary>
    public string? Match(string name)
    {
        var parts = WordParts.Split(name);
        if (WordParts.FindRun(parts, SensitiveWords.AntiforgeryNames) is not null)
        {
            return null;
        }

        return WordParts.FindRun(parts, _words);
    }

    /// <summary>The sensitive word a cookie name holds: <see cref="Match"/>, or a short form of password it ends with (<c>pw</c>,
    /// <c>user_pass</c>), which only cookie names are judged by.</summary>
    public string? MatchCookieName(string cookieName) =>
        Match(cookieName) ?? SensitiveWords.PasswordShortForm(WordParts.Split(cookieName));

    /// <summary>Allowed by <c>STATE001.allowed_cookie_names</c>: never reported.</summary>
    public bool IsAllowedCookie(string cookieName) => _allowedCookies.Contains(cookieName);

    /// <summary>A framework cookie (<c>.AspNetCore.*</c>) or an antiforgery token: exempt from the name rule.</summary>
    public bool IsFrameworkOrAntiforgery(string cookieName) =>
        cookieName.StartsWith(SensitiveWords.FrameworkCookiePrefix, StringComparison.OrdinalIgnoreCase)
        || WordParts.FindRun(WordParts.Split(cookieName), SensitiveWords.AntiforgeryNames) is not null;

    /// <summary>A password word in the name, short forms included; no exemption covers it.</summary>
    public static string? PasswordWord(string cookieName)
    {
        var parts = WordParts.Split(cookieName);
        return WordParts.FindRun(parts, SensitiveWords.NeverOnClient) ?? SensitiveWords.PasswordShortForm(parts);
    }

    public static bool IsNeverOnClient(string word) =>
        SensitiveWords.NeverOnClient.Contains(word) || SensitiveWords.PasswordShortForms.Contains(word);

    /// <summary>A password or private key: the value is to be removed, not moved into the session.</summary>
    public static bool IsToRemove(string word) => SensitiveWords.ToRemove.Contains(word) || SensitiveWords.PasswordShortForms.Contains(word);
}
