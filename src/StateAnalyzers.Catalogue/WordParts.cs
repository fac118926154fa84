using System.Collections.Generic;

namespace StateAnalyzers.Catalogue;

/// <summary>
/// The word-part matching behind STATE001, shared by the analyzers and the runtime companion. Names split into
/// lower-case parts at case changes and at every character that is not a letter (<c>JWTToken</c>: jwt, token;
/// <c>api_key</c>: api, key). An entry ("card number") matches a run of adjacent whole parts (CardNumber,
/// card_number, cardnumber), plural 's' allowed, never part of a longer word ("token" does not match "tokenizer").
/// </summary>
internal static class WordParts
{
    public static string[] Split(string name)
    {
        var parts = new List<string>();
        var start = -1;
        for (var i = 0; i <= name.Length; i++)
        {
            if (i == name.Length || !char.IsLetter(name[i]))
            {
                Flush(name, ref start, i, parts);
                continue;
            }

            if (start >= 0 && StartsWord(name, i))
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

    /// <summary>The first entry found as a run of adjacent parts, or null.</summary>
    public static string? FindRun(string[] parts, IEnumerable<string> entries)
    {
        foreach (var entry in entries)
        {
            if (Matches(parts, entry))
            {
                return entry;
            }
        }

        return null;
    }

    private static bool Matches(string[] parts, string entry)
    {
        var wanted = entry.Replace(" ", string.Empty).Replace("_", string.Empty).ToLowerInvariant();
        if (wanted.Length == 0)
        {
            return false;
        }

        for (var first = 0; first < parts.Length; first++)
        {
            var length = 0;
            for (var last = first; last < parts.Length; last++)
            {
                var part = parts[last];
                var rest = wanted.Length - length;

                // The whole rest of the entry, or the rest plus a plural 's' closing the run.
                var plural = part.Length == rest + 1 && part[rest] == 's';
                if ((part.Length > rest && !plural) || string.CompareOrdinal(wanted, length, part, 0, plural ? rest : part.Length) != 0)
                {
                    break;
                }

                length += plural ? rest : part.Length;
                if (length == wanted.Length)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>"aB" starts a word; so does the last capital of an acronym followed by lower case ("JWTToken": JWT | Token).</summary>
    private static bool StartsWord(string name, int i)
    {
        var previous = name[i - 1];
        var current = name[i];
        return char.IsUpper(current)
            && (char.IsLower(previous) || (char.IsUpper(previous) && i + 1 < name.Length && char.IsLower(name[i + 1])));
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
