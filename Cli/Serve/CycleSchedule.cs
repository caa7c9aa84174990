using System.Globalization;
using System.Text.RegularExpressions;

namespace TokenMatch.Cli.Serve;

/// <summary>
/// The billing cycles <c>tokenmatch serve</c> opens markets for, from <c>Cycle.Length</c>: "month" is
/// the UTC calendar month (the first cycle is the month containing the start, so it began before it);
/// a duration ("10m", "2h", "7d", "2s") is a cycle of that length, the first one starting at the start.
/// Cycle <c>k</c>'s markets get the ids <c>configured id + k × stride</c>, stride one more than the
/// largest configured id, so that a restart finds the current cycle from the engine's markets alone.
/// Times are the engine's: nanoseconds since the Unix epoch, UTC. Immutable.
/// </summary>
public sealed partial class CycleSchedule
{
    private const long NanosPerSecond = 1_000_000_000;

    private CycleSchedule(string text, long length) { Text = text; Length = length; }

    /// <summary>The length as configured ("month", "10m", …).</summary>
    public string Text { get; }

    /// <summary>The cycle length in ns, or 0 for calendar months.</summary>
    public long Length { get; }

    /// <summary>True for calendar months.</summary>
    public bool IsMonth => Length == 0;

    /// <summary>Parses "month" or a positive duration: a whole number and a unit s, m, h or d; false with a message otherwise.</summary>
    public static bool TryParse(string? text, out CycleSchedule schedule, out string error)
    {
        schedule = null!;
        error = "";
        string t = (text ?? "").Trim();
        if (t.Equals("month", StringComparison.OrdinalIgnoreCase))
        {
            schedule = new CycleSchedule("month", 0);
            return true;
        }
        Match m = DurationPattern().Match(t);
        if (m.Success && long.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out long n) && n > 0)
        {
            long unit = m.Groups[2].Value switch { "s" => 1, "m" => 60, "h" => 3600, _ => 86_400 } * NanosPerSecond;
            // At most ~10 years: keeps every cycle end far inside a long.
            if (n <= 3650L * 86_400 * NanosPerSecond / unit)
            {
                schedule = new CycleSchedule(t, n * unit);
                return true;
            }
        }
        error = $"cycle length '{text}': expected 'month' or a duration such as 10m, 2h, 7d (a whole number of s, m, h or d, at most 3650d)";
        return false;
    }

    /// <summary>The first cycle for a server first started at <paramref name="now"/>.</summary>
    public (long Start, long End) First(long now)
    {
        if (!IsMonth) return (now, now + Length);
        DateTime t = FromNanos(now);
        var start = new DateTime(t.Year, t.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        return (ToNanos(start), ToNanos(start.AddMonths(1)));
    }

    /// <summary>
    /// The cycle after one that ended at <paramref name="previousEnd"/>: the one that starts there, or
    /// when the server was down through whole cycles, the one containing <paramref name="now"/>.
    /// </summary>
    public (long Start, long End) Next(long previousEnd, long now)
    {
        if (IsMonth)
        {
            DateTime start = FromNanos(previousEnd);
            while (ToNanos(start.AddMonths(1)) <= now) start = start.AddMonths(1);
            return (ToNanos(start), ToNanos(start.AddMonths(1)));
        }
        long skipped = now > previousEnd ? (now - previousEnd) / Length : 0;
        long s = previousEnd + skipped * Length;
        return (s, s + Length);
    }

    /// <summary>The id of configured market <paramref name="configuredId"/> in cycle <paramref name="cycle"/>.</summary>
    public static int MarketId(int configuredId, int cycle, int stride) => configuredId + cycle * stride;

    /// <summary>UTC time of an engine timestamp.</summary>
    public static DateTime FromNanos(long nanos) => DateTime.UnixEpoch.AddTicks(nanos / 100);

    /// <summary>The engine timestamp of a UTC time.</summary>
    public static long ToNanos(DateTime utc) => (utc.Ticks - DateTime.UnixEpoch.Ticks) * 100;

    /// <summary>An engine timestamp as ISO 8601 UTC text (to the second).</summary>
    public static string Format(long nanos) => FromNanos(nanos).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(\d{1,12})([smhd])$")]
    private static partial Regex DurationPattern();
}
