using System.Collections.Concurrent;
using System.Text;
using StateAnalyzers.Catalogue;

namespace StateAnalyzers.AspNetCore.Internal;

/// <summary>The content rules: STATE001 (is the cookie a secret?) and STATE002 (is it too large?).</summary>
internal sealed class CookieInspector
{
    private const int NameCacheLimit = 1024;

    private readonly StateGuardSettings _settings;
    private readonly ConcurrentDictionary<string, NameVerdict> _names = new(StringComparer.Ordinal);

    public CookieInspector(StateGuardSettings settings) => _settings = settings;

    /// <summary>The size the browser judges: name plus value, in bytes, as they appear in the Set-Cookie header.</summary>
    public static int Size(ReadOnlySpan<char> name, ReadOnlySpan<char> value) =>
        Encoding.UTF8.GetByteCount(name) + Encoding.UTF8.GetByteCount(value);

    public bool IsOversized(int size) => size > _settings.MaxCookieBytes;

    /// <summary>Why the cookie holds sensitive data (the reason of the STATE001 message), or null when it does not.
    /// <paramref name="value"/> is the decoded value; it is never part of the reason.</summary>
    public string? SensitiveReason(string name, string value)
    {
        var verdict = Classify(name);
        if (verdict.Kind == NameKind.Exempt)
        {
            return null;
        }

        if (verdict.Kind == NameKind.NeverOnClient)
        {
            return FindingReasons.PasswordNameContains(verdict.Word!);
        }

        if (SecretValues.IsDataProtected(value))
        {
            return null;
        }

        if (verdict.Kind == NameKind.Sensitive)
        {
            return FindingReasons.NameContains(verdict.Word!);
        }

        return SecretValues.DescribeSecret(value, _settings.AdditionalSecretPrefixes);
    }

    private NameVerdict Classify(string name)
    {
        if (_names.TryGetValue(name, out var cached))
        {
            return cached;
        }

        var verdict = ClassifyCore(name);
        if (_names.Count < NameCacheLimit)
        {
            _names.TryAdd(name, verdict);
        }

        return verdict;
    }

    private NameVerdict ClassifyCore(string name)
    {
        // Framework cookies (authentication, session, antiforgery, TempData) carry Data Protection payloads by design.
        if (name.StartsWith(SensitiveWords.FrameworkCookiePrefix, StringComparison.Ordinal))
        {
            return new NameVerdict(NameKind.Exempt, null);
        }

        var parts = WordParts.Split(name);
        if (WordParts.FindRun(parts, SensitiveWords.AntiforgeryNames) is not null)
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

    private enum NameKind
    {
        Clean,
        Exempt,
        Sensitive,
        NeverOnClient,
    }

    private readonly record struct NameVerdict(NameKind Kind, string? Word);
}
