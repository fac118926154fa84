namespace StateAnalyzers.AspNetCore.Internal;

/// <summary>
/// Splits a name into lower-case word parts at case changes, '_', '-', '.', and spaces, as RULES.md defines them,
/// and matches catalogue entries ("api key") against adjacent parts ("ApiKey", "api_key", "apikey").
/// A word never matches a substring of a longer part: "tokenizer" does not contain "token".
/// </summary>
internal static class WordParts
{
    public static string[] Split(string name)
    {
        var parts = new List<string>();
        var start = -1;
        for (var i = 0; i <= name.Length; i++)
        {
            var atEnd = i == name.Length;
            var c = atEnd ? '\0' : name[i];
            var separator = atEnd || !char.IsLetterOrDigit(c);
            if (separator)
            {
                Flush(name, ref start, i, parts);
                continue;
            }

            if (start >= 0 && IsBoundary(name, i))
            {
                Flush(name, ref start, i, parts);
            }

            if (start < 0)
            {
                start = i;
            }
        }

        return parts.ToArray();
    }

    /// <summary>Returns the first entry of <paramref name="words"/> that matches a run of adjacent parts, or null.</summary>
    public static string? FindMatch(string[] parts, IEnumerable<string> words)
    {
        foreach (var word in words)
        {
            if (Matches(parts, word))
            {
                return word;
            }
        }

        return null;
    }

    public static bool Matches(string[] parts, string word)
    {
        var compact = word.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        if (compact.Length == 0)
        {
            return false;
        }

        for (var first = 0; first < parts.Length; first++)
        {
            var length = 0;
            for (var last = first; last < parts.Length; last++)
            {
                var part = parts[last];
                if (length + part.Length > compact.Length ||
                    string.CompareOrdinal(compact, length, part, 0, part.Length) != 0)
                {
                    break;
                }

                length += part.Length;
                if (length == compact.Length)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsBoundary(string name, int i)
    {
        var previous = name[i - 1];
        var current = name[i];
        if (char.IsLower(previous) && char.IsUpper(current))
        {
            return true; // cardNumber
        }

        if (char.IsLetter(previous) != char.IsLetter(current))
        {
            return true; // token2, 2fa
        }

        // The last capital of an acronym starts the next word: APIKey -> API, Key.
        return char.IsUpper(previous) && char.IsUpper(current) && i + 1 < name.Length && char.IsLower(name[i + 1]);
    }

    private static void Flush(string name, ref int start, int end, List<string> parts)
    {
        if (start >= 0)
        {
            parts.Add(name.Substring(start, end - start).ToLowerInvariant());
            start = -1;
        }
    }
}
