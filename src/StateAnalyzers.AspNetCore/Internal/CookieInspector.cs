using System.Text;
using StateAnalyzers.Catalogue;

namespace StateAnalyzers.AspNetCore.Internal;

/// <summary>The content rules: STATE001 (is the cookie a secret?) and STATE002 (is it too large?).</summary>
internal sealed class CookieInspector
{
    private readonly StateGuardSettings _settings;
    private readonly SecretValues _values;

    public CookieInspector(StateGuardSettings settings, SecretValues values)
    {
        _settings = settings;
        _values = values;
    }

    /// <summary>
    /// The size the browser judges: name plus value, in bytes, as they appear in the Set-Cookie header. The one measure of
    /// a cookie's length, in every decision and every log line. A value not yet escaped (<paramref name="valueIsEscaped"/>
    /// false, as given to <c>Response.Cookies</c>) is counted as <c>Uri.EscapeDataString</c> will send it.
    /// </summary>
    public static int Size(ReadOnlySpan<char> name, ReadOnlySpan<char> value, bool valueIsEscaped)
    {
        var size = Encoding.UTF8.GetByteCount(name);
        if (valueIsEscaped)
        {
            return size + Encoding.UTF8.GetByteCount(value);
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~')
            {
                size++;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                size += 12;
                i++;
            }
            else
            {
                size += 3 * (c < 0x80 ? 1 : c < 0x800 ? 2 : 3);
            }
        }

        return size;
    }

    public bool IsOversized(int size) => size > _settings.MaxCookieBytes;

    public bool IsDataProtected(string value) => _values.IsDataProtected(value);

    /// <summary>Why the cookie holds sensitive data (the reason of the STATE001 message), or null when it does not.
    /// <paramref name="value"/> is the decoded value; it is never part of the reason.</summary>
    public string? SensitiveReason(CookieName cookie, string value)
    {
        var verdict = cookie.Verdict;
        if (verdict.Kind == NameKind.NeverOnClient)
        {
            return FindingReasons.PasswordNameContains(verdict.Word!);
        }

        if (_values.IsDataProtected(value))
        {
            return null;
        }

        if (verdict.Kind == NameKind.Sensitive)
        {
            return FindingReasons.NameContains(verdict.Word!);
        }

        // Framework and antiforgery names are exempt from the name rule only: a token under such a name is still one.
        return SecretValueShapes.Describe(value, _settings.AdditionalSecretPrefixes);
    }

    /// <summary>STATE001's verdict on a cookie name alone; kept per name by <see cref="CookieNames"/>.</summary>
    public NameVerdict Classify(string name)
    {
        var parts = WordParts.Split(name);
        var password = WordParts.FindRun(parts, SensitiveWords.NeverOnClient) ?? SensitiveWords.PasswordShortForm(parts);
        if (password is not null)
        {
            // Not even a framework name makes a password fit for the client.
            return new NameVerdict(NameKind.NeverOnClient, password);
        }

        // Framework cookies (authentication, session, antiforgery, TempData) carry Data Protection payloads by design.
        if (name.StartsWith(SensitiveWords.FrameworkCookiePrefix, StringComparison.Ordinal) ||
            WordParts.FindRun(parts, SensitiveWords.AntiforgeryNames) is not null)
        {
            return new NameVerdict(NameKind.Exempt, null);
        }

        var word = WordParts.FindRun(parts, _settings.SensitiveWords);
        if (word is null)
        {
            return new NameVerdict(NameKind.Clean, null);
        }

        return SensitiveWords.NeverOnClient.Contains(word)
            ? new NameVerdict(NameKind.NeverOnClient, word)
            : new NameVerdict(NameKind.Sensitive, word);
    }

    internal enum NameKind
    {
        Clean,
        Exempt,
        Sensitive,
        NeverOnClient,
    }

    internal readonly record struct NameVerdict(NameKind Kind, string? Word);
}
