using System;
using System.Collections.Generic;

namespace StateAnalyzers.FixContract;

/// <summary>
/// How a raw Set-Cookie fix takes an attribute out of the text of one string literal (or one text part of an interpolated
/// string), shared by the analyzer, which offers a removal only where this finds the attribute, and the fix, which makes it.
/// Only whole attributes go: not the cookie's <c>name=value</c>, not a piece that a run-time hole continues or ends.
/// </summary>
internal static class RawAttributeText
{
    /// <summary>Whether <paramref name="text"/> holds a removable attribute named <paramref name="key"/> (case-insensitive).</summary>
    public static bool Holds(string text, string key, bool startsTheValue, bool afterHole, bool beforeHole) =>
        Without(text, key, startsTheValue, afterHole, beforeHole) != text;

    /// <summary>
    /// <paramref name="text"/> without its attributes named <paramref name="key"/>. <paramref name="startsTheValue"/>: the
    /// text begins the header value (its first segment is the cookie itself); <paramref name="afterHole"/> /
    /// <paramref name="beforeHole"/>: a run-time piece comes right before / after it.
    /// </summary>
    public static string Without(string text, string key, bool startsTheValue, bool afterHole, bool beforeHole)
    {
        var segments = text.Split(';');
        var kept = new List<string>(segments.Length);
        for (var i = 0; i < segments.Length; i++)
        {
            var whole = !(i == 0 && (startsTheValue || afterHole)) && !(i == segments.Length - 1 && beforeHole);
            if (whole && KeyOf(segments[i]).Equals(key, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            kept.Add(segments[i]);
        }

        return kept.Count == segments.Length ? text : string.Join(";", kept);
    }

    private static string KeyOf(string segment)
    {
        var equals = segment.IndexOf('=');
        return (equals < 0 ? segment : segment.Substring(0, equals)).Trim();
    }
}
