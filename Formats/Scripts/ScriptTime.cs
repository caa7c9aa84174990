namespace TokenMatch.Formats.Scripts;

/// <summary>
/// Times and durations in text: ISO-8601 UTC (<c>2026-12-01T09:30:00.25Z</c>, or a date alone for
/// midnight) and integer nanoseconds since the Unix epoch, converted with integer arithmetic only
/// (days from the proleptic Gregorian civil date, never <see cref="DateTime"/> rounding).
/// Representable times run from 1677-09-21T00:12:43.145224192Z to 2262-04-11T23:47:16.854775807Z.
/// </summary>
public static class ScriptTime
{
    private const long NanosPerSecond = 1_000_000_000;
    private const long NanosPerDay = 86_400 * NanosPerSecond;

    private static readonly (string Unit, long Nanos)[] DurationUnits =
    [
        ("d", NanosPerDay), ("h", 3_600 * NanosPerSecond), ("m", 60 * NanosPerSecond),
        ("s", NanosPerSecond), ("ms", 1_000_000), ("us", 1_000), ("ns", 1),
    ];

    /// <summary>
    /// Parses <c>YYYY-MM-DD</c>, <c>YYYY-MM-DDTHH:MM:SSZ</c> or <c>YYYY-MM-DDTHH:MM:SS.fffffffffZ</c>
    /// (1 to 9 fractional digits), or an integer of nanoseconds since the epoch.
    /// </summary>
    /// <returns>False with a reason when the text is not a representable time.</returns>
    public static bool TryParse(string text, out long nanos, out string error)
    {
        nanos = 0;
        if (ScriptValues.LooksLikeInteger(text))
            return ScriptValues.TryParseInteger(text, out nanos, out error);
        error = $"expected an ISO-8601 UTC time such as 2026-12-01T00:00:00Z (or integer nanoseconds), got '{text}'";
        if (text.Length < 10 || text[4] != '-' || text[7] != '-') return false;
        if (!TryDigits(text, 0, 4, out int year) || !TryDigits(text, 5, 2, out int month) ||
            !TryDigits(text, 8, 2, out int day)) return false;
        if (month is < 1 or > 12) { error = $"month {month} is not 1..12 in '{text}'"; return false; }
        if (day < 1 || day > DaysInMonth(year, month))
        {
            error = $"day {day} is not in month {year:D4}-{month:D2} in '{text}'";
            return false;
        }
        int hour = 0, minute = 0, second = 0;
        long fraction = 0;
        if (text.Length > 10)
        {
            if (text[10] != 'T' || text.Length < 19 || text[13] != ':' || text[16] != ':') return false;
            if (!TryDigits(text, 11, 2, out hour) || !TryDigits(text, 14, 2, out minute) ||
                !TryDigits(text, 17, 2, out second)) return false;
            if (hour > 23 || minute > 59 || second > 59)
            {
                error = $"time of day {text.Substring(11, 8)} is out of range in '{text}'";
                return false;
            }
            int pos = 19;
            if (pos < text.Length && text[pos] == '.')
            {
                int digits = 0;
                pos++;
                while (pos < text.Length && char.IsAsciiDigit(text[pos]))
                {
                    if (++digits > 9) { error = $"more than 9 fractional digits in '{text}'"; return false; }
                    fraction = fraction * 10 + (text[pos] - '0');
                    pos++;
                }
                if (digits == 0) return false;
                for (int i = digits; i < 9; i++) fraction *= 10;
            }
            if (pos != text.Length - 1 || text[pos] != 'Z')
            {
                error = $"a time must end in Z (UTC, no offsets) in '{text}'";
                return false;
            }
        }
        Int128 total = (Int128)DaysFromCivil(year, month, day) * NanosPerDay
            + ((long)hour * 3_600 + minute * 60 + second) * NanosPerSecond + fraction;
        if (total < long.MinValue || total > long.MaxValue)
        {
            error = $"'{text}' is outside the range of 64-bit nanoseconds (1677-09-21 to 2262-04-11)";
            return false;
        }
        nanos = (long)total;
        error = "";
        return true;
    }

    /// <summary>
    /// Formats nanoseconds as ISO-8601 UTC. With <paramref name="fullPrecision"/> the fraction always
    /// has 9 digits; otherwise it is left out when zero and shortened to 3 or 6 digits when exact.
    /// </summary>
    public static string Format(long nanos, bool fullPrecision = false)
    {
        // Floor division written so that it cannot overflow at long.MinValue.
        long days = nanos / NanosPerDay;
        long inDay = nanos % NanosPerDay;
        if (inDay < 0)
        {
            days--;
            inDay += NanosPerDay;
        }
        (long year, int month, int day) = CivilFromDays(days);
        long seconds = inDay / NanosPerSecond;
        long fraction = inDay % NanosPerSecond;
        string head = $"{year:D4}-{month:D2}-{day:D2}T{seconds / 3600:D2}:{seconds / 60 % 60:D2}:{seconds % 60:D2}";
        if (fullPrecision) return $"{head}.{fraction:D9}Z";
        if (fraction == 0) return head + "Z";
        if (fraction % 1_000_000 == 0) return $"{head}.{fraction / 1_000_000:D3}Z";
        if (fraction % 1_000 == 0) return $"{head}.{fraction / 1_000:D6}Z";
        return $"{head}.{fraction:D9}Z";
    }

    /// <summary>
    /// Parses a duration: an integer with an optional unit <c>d</c>, <c>h</c>, <c>m</c>, <c>s</c>,
    /// <c>ms</c>, <c>us</c> or <c>ns</c> (none means nanoseconds), e.g. <c>7d</c>, <c>90m</c>.
    /// </summary>
    public static bool TryParseDuration(string text, out long nanos, out string error)
    {
        nanos = 0;
        int end = text.Length;
        while (end > 0 && char.IsAsciiLetter(text[end - 1])) end--;
        string unit = text[end..];
        string number = text[..end];
        long scale = 1;
        if (unit.Length > 0)
        {
            int index = Array.FindIndex(DurationUnits, u => u.Unit == unit);
            if (index < 0)
            {
                error = $"unknown duration unit '{unit}' in '{text}' (use d, h, m, s, ms, us or ns)";
                return false;
            }
            scale = DurationUnits[index].Nanos;
        }
        if (!ScriptValues.TryParseInteger(number, out long value, out error))
        {
            error = $"expected a duration such as 7d, 12h or integer nanoseconds, got '{text}'";
            return false;
        }
        Int128 total = (Int128)value * scale;
        if (total < long.MinValue || total > long.MaxValue)
        {
            error = $"duration '{text}' does not fit 64-bit nanoseconds";
            return false;
        }
        nanos = (long)total;
        return true;
    }

    /// <summary>Formats a duration in the largest unit that divides it exactly (<c>0</c> for zero).</summary>
    public static string FormatDuration(long nanos)
    {
        if (nanos == 0) return "0";
        foreach ((string unit, long size) in DurationUnits)
            if (nanos % size == 0) return $"{nanos / size}{unit}";
        return nanos.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static bool TryDigits(string text, int start, int count, out int value)
    {
        value = 0;
        if (start + count > text.Length) return false;
        for (int i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(text[i])) return false;
            value = value * 10 + (text[i] - '0');
        }
        return true;
    }

    private static bool IsLeapYear(long year) => year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);

    private static int DaysInMonth(int year, int month) => month switch
    {
        2 => IsLeapYear(year) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    private static long FloorDiv(long a, long b) => a / b - (a % b < 0 ? 1 : 0);

    // Days since 1970-01-01 of a proleptic Gregorian date: eras of 400 years, March-based years so that
    // the leap day falls at the end of the year.
    private static long DaysFromCivil(long year, int month, int day)
    {
        year -= month <= 2 ? 1 : 0;
        long era = FloorDiv(year, 400);
        long yearOfEra = year - era * 400;
        long dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    // The inverse of DaysFromCivil.
    private static (long Year, int Month, int Day) CivilFromDays(long days)
    {
        days += 719_468;
        long era = FloorDiv(days, 146_097);
        long dayOfEra = days - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        int day = (int)(dayOfYear - (153 * mp + 2) / 5 + 1);
        int month = (int)(mp < 10 ? mp + 3 : mp - 9);
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        return (year, month, day);
    }
}
