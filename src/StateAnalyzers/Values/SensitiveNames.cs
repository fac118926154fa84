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

    /// <summary>Cookies never reported: allowed by configuration, written by the framework, or antiforgery tokens.</summary>
    public bool IsExemptCookie(string cookieName) =>
        _allowedCookies.Contains(cookieName)
        || cookieName.StartsWith(SensitiveWords.FrameworkCookiePrefix, StringComparison.OrdinalIgnoreCase)
        || WordParts.FindRun(WordParts.Split(cookieName), SensitiveWords.AntiforgeryNames) is not null;

    public static bool IsNeverOnClient(string word) => SensitiveWords.NeverOnClient.Contains(word);

    /// <summary>A password or private key: the value is to be removed, not moved into the session.</summary>
    public static bool IsToRemove(string word) => SensitiveWords.ToRemove.Contains(word);
}
