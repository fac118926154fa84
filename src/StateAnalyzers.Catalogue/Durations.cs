using System;
using System.Globalization;

namespace StateAnalyzers.Catalogue;

/// <summary>
/// Lifetimes as the STATE009 options, messages and fixes write them: a whole number with a unit (<c>30d</c>, <c>12h</c>,
/// <c>90m</c>, <c>45s</c>) or a .NET TimeSpan in the invariant format (<c>30.00:00:00</c>, <c>00:30:00</c>).
/// </summary>
internal static class Durations
{
    /// <summary>A lifetime above zero; false for anything else.</summary>
    public static bool TryParse(string text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        text = text.Trim();
        if (text.Length >= 2 && UnitOf(text[text.Length - 1]) is { } unit
            && long.TryParse(text.Substring(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count <= TimeSpan.MaxValue.Ticks / unit.Ticks)
        {
            value = TimeSpan.FromTicks(count * unit.Ticks);
        }
        else if (!TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        return value > TimeSpan.Zero;
    }

    /// <summary>For messages: <c>365 days</c>, <c>12 hours</c>, <c>1.5 days</c>, <c>forever</c> for <see cref="TimeSpan.MaxValue"/>.</summary>
    public static string Describe(TimeSpan value)
    {
        if (value >= MaxValueDays)
        {
            return "forever";
        }

        foreach (var (unit, name) in Units)
        {
            if (value >= unit && value.Ticks % unit.Ticks == 0)
            {
                return Count(value.Ticks / unit.Ticks, name);
            }
        }

        return value.TotalDays >= 1
            ? Count(Math.Round(value.TotalDays, 2), "day")
            : value.ToString("c", CultureInfo.InvariantCulture);
    }

    /// <summary>Everything from ten million days on is, for a cookie, the same as <see cref="TimeSpan.MaxValue"/>.</summary>
    private static readonly TimeSpan MaxValueDays = TimeSpan.FromDays(10_000_000);

    private static readonly (TimeSpan Unit, string Name)[] Units =
    {
        (TimeSpan.FromDays(1), "day"),
        (TimeSpan.FromHours(1), "hour"),
        (TimeSpan.FromMinutes(1), "minute"),
        (TimeSpan.FromSeconds(1), "second"),
    };

    private static TimeSpan? UnitOf(char suffix) => suffix switch
    {
        'd' or 'D' => TimeSpan.FromDays(1),
        'h' or 'H' => TimeSpan.FromHours(1),
        'm' or 'M' => TimeSpan.FromMinutes(1),
        's' or 'S' => TimeSpan.FromSeconds(1),
        _ => null,
    };

    private static string Count(double count, string unit) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + unit + (count == 1 ? string.Empty : "s");
}
