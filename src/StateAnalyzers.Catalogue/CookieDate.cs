using System;

namespace StateAnalyzers.Catalogue;

/// <summary>
/// The cookie-date algorithm of RFC 6265 section 5.1.1, step by step, as browsers read <c>Expires</c>: a value it cannot
/// read (<c>1/1/2000</c>, say) is ignored by the browser, so the cookie is not expired by it. The analyzers (raw
/// <c>Set-Cookie</c> literals) and the runtime companion read <c>Expires</c> with it alike.
/// </summary>
internal static class CookieDate
{
    private static readonly string[] Months = { "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec" };

    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset date)
    {
        date = default;
        int hour = 0, minute = 0, second = 0, day = 0, month = 0, year = 0;
        bool foundTime = false, foundDay = false, foundMonth = false, foundYear = false;

        // 1. Split the string into date-tokens, at delimiters.
        var position = 0;
        while (position < text.Length)
        {
            while (position < text.Length && IsDelimiter(text[position]))
            {
                position++;
            }

            var start = position;
            while (position < text.Length && !IsDelimiter(text[position]))
            {
                position++;
            }

            if (position == start)
            {
                break;
            }

            var token = text.Slice(start, position - start);

            // 2. Each token is tried as a time, a day of month, a month and a year, in that order, each found once.
            if (!foundTime && TryTime(token, out hour, out minute, out second))
            {
                foundTime = true;
            }
            else if (!foundDay && TryDigits(token, 1, 2, out day))
            {
                foundDay = true;
            }
            else if (!foundMonth && TryMonth(token, out month))
            {
                foundMonth = true;
            }
            else if (!foundYear && TryDigits(token, 2, 4, out year))
            {
                foundYear = true;
            }
        }

        // 3 and 4. Two-digit years.
        if (foundYear && year is >= 70 and <= 99)
        {
            year += 1900;
        }
        else if (foundYear && year is >= 0 and <= 69)
        {
            year += 2000;
        }

        // 5. Abort when a part is missing or out of range.
        if (!foundTime || !foundDay || !foundMonth || !foundYear || day is < 1 or > 31 || year < 1601 || hour > 23 ||
            minute > 59 || second > 59)
        {
            return false;
        }

        // 6 and 7. A date that does not exist (30 February) is a failure too.
        if (year > 9999 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero);
        return true;
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    /// <summary>delimiter = %x09 / %x20-2F / %x3B-40 / %x5B-60 / %x7B-7E.</summary>
    private static bool IsDelimiter(char c) =>
        c == '\t' || c is >= ' ' and <= '/' || c is >= ';' and <= '@' || c is >= '[' and <= '`' || c is >= '{' and <= '~';

    /// <summary>time = hms-time ( non-digit *OCTET ); hms-time = time-field ":" time-field ":" time-field; time-field = 1*2DIGIT.</summary>
    private static bool TryTime(ReadOnlySpan<char> token, out int hour, out int minute, out int second)
    {
        minute = second = 0;
        var rest = token;
        if (!TryField(ref rest, out hour) || !Colon(ref rest) || !TryField(ref rest, out minute) || !Colon(ref rest) ||
            !TryField(ref rest, out second))
        {
            return false;
        }

        return rest.IsEmpty || !IsDigit(rest[0]);
    }

    private static bool Colon(ref ReadOnlySpan<char> rest)
    {
        if (rest.IsEmpty || rest[0] != ':')
        {
            return false;
        }

        rest = rest.Slice(1);
        return true;
    }

    private static bool TryField(ref ReadOnlySpan<char> rest, out int value)
    {
        value = 0;
        var digits = 0;
        while (digits < rest.Length && digits < 2 && IsDigit(rest[digits]))
        {
            value = (value * 10) + (rest[digits] - '0');
            digits++;
        }

        rest = rest.Slice(digits);
        return digits > 0;
    }

    /// <summary><paramref name="min"/>*<paramref name="max"/>DIGIT ( non-digit *OCTET ).</summary>
    private static bool TryDigits(ReadOnlySpan<char> token, int min, int max, out int value)
    {
        value = 0;
        var digits = 0;
        while (digits < token.Length && IsDigit(token[digits]))
        {
            if (digits == max)
            {
                return false; // a digit right after the maximum: not this production
            }

            value = (value * 10) + (token[digits] - '0');
            digits++;
        }

        return digits >= min;
    }

    /// <summary>month = ( "jan" / ... / "dec" ) *OCTET, case-insensitive.</summary>
    private static bool TryMonth(ReadOnlySpan<char> token, out int month)
    {
        month = 0;
        if (token.Length < 3)
        {
            return false;
        }

        for (var i = 0; i < Months.Length; i++)
        {
            if (token.Slice(0, 3).Equals(Months[i].AsSpan(), StringComparison.OrdinalIgnoreCase))
            {
                month = i + 1;
                return true;
            }
        }

        return false;
    }
}
