using System.Text;

namespace StateAnalyzers.AspNetCore.Internal;

/// <summary>
/// What a log line may show of a cookie name. Names come from the app and, through raw headers, from whatever it copied
/// into them: control characters (CR and LF above all, which forge log lines) are escaped, and a nameless cookie is
/// shown as <see cref="Nameless"/>, never as its value.
/// </summary>
internal static class LogText
{
    /// <summary>Not a valid cookie name (it has spaces and parentheses), so no real name reads the same.</summary>
    public const string Nameless = "(no name)";

    public static string CookieName(string name)
    {
        if (name.Length == 0)
        {
            return Nameless;
        }

        var clean = true;
        foreach (var c in name)
        {
            if (NeedsEscape(c))
            {
                clean = false;
                break;
            }
        }

        if (clean)
        {
            return name;
        }

        var escaped = new StringBuilder(name.Length + 8);
        foreach (var c in name)
        {
            switch (c)
            {
                case '\r':
                    escaped.Append("\\r");
                    break;
                case '\n':
                    escaped.Append("\\n");
                    break;
                case '\t':
                    escaped.Append("\\t");
                    break;
                case '\\':
                    escaped.Append("\\\\");
                    break;
                default:
                    if (NeedsEscape(c))
                    {
                        escaped.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        escaped.Append(c);
                    }

                    break;
            }
        }

        return escaped.ToString();
    }

    /// <summary>A summary period for people, to the nearest second (at least one): <c>5 minutes</c>, <c>1 minute 30 seconds</c>.</summary>
    public static string Period(TimeSpan period)
    {
        var seconds = Math.Max(1, (long)Math.Round(period.TotalSeconds, MidpointRounding.AwayFromZero));

        var parts = new List<string>(3);
        Add(parts, seconds / 3600, "hour");
        Add(parts, seconds / 60 % 60, "minute");
        Add(parts, seconds % 60, "second");
        return string.Join(" ", parts);

        static void Add(List<string> parts, long value, string unit)
        {
            if (value > 0)
            {
                parts.Add(value.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + unit + (value == 1 ? string.Empty : "s"));
            }
        }
    }

    /// <summary>C0 and C1 controls, DEL, the Unicode line and paragraph separators, and the backslash that escapes them.</summary>
    private static bool NeedsEscape(char c) => c < ' ' || c is >= '\u007F' and <= '\u009F' || c is '\u2028' or '\u2029' or '\\';
}
