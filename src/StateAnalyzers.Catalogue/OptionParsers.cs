using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace StateAnalyzers.Catalogue;

/// <summary>How rule option values are written in .editorconfig.</summary>
internal static class OptionParsers
{
    /// <summary>A comma-separated list; entries are trimmed, empty ones dropped. Always parses.</summary>
    public static bool List(string text, out IReadOnlyList<string> value)
    {
        value = text.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.Trim())
            .Where(s => s.Length > 0)
            .ToArray();
        return true;
    }

    public static bool Bool(string text, out bool value) => bool.TryParse(text, out value);

    /// <summary>A whole number above zero.</summary>
    public static bool PositiveInt(string text, out int value) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value > 0;

    /// <summary>A lifetime above zero: <c>30d</c>, <c>12h</c>, <c>90m</c>, <c>45s</c>, or a TimeSpan such as <c>30.00:00:00</c> (see <see cref="Durations"/>).</summary>
    public static bool TimeSpan(string text, out System.TimeSpan value) => Durations.TryParse(text, out value);
}
