using NUnit.Framework;
using FsCheck;
using FsCheck.Fluent;
using TokenMatch.Formats.Scripts;

namespace TokenMatch.Tests.Formats.Scripts;

public sealed class ScriptTimeTests
{
    private const long Second = 1_000_000_000;
    private const long Day = 86_400 * Second;

    // 2026-12-01T00:00:00Z: 20,788 days after the epoch.
    private const long December2026 = 20_788 * Day;

    [TestCase("1970-01-01T00:00:00Z", 0L)]
    [TestCase("1970-01-01", 0L)]
    [TestCase("2026-12-01T00:00:00Z", December2026)]
    [TestCase("2026-12-01", December2026)]
    [TestCase("2026-12-01T00:00:00.5Z", December2026 + 500_000_000)]
    [TestCase("2026-12-01T00:00:00.000000001Z", December2026 + 1)]
    [TestCase("2026-12-01T00:00:00.123456789Z", December2026 + 123_456_789)]
    [TestCase("2026-12-31T23:59:59.999999999Z", December2026 + 31 * Day - 1)]
    [TestCase("2027-01-01T00:00:00Z", December2026 + 31 * Day)]
    [TestCase("1969-12-31T23:59:59Z", -Second)]
    [TestCase("2024-02-29T12:00:00Z", 19_782 * Day + 12 * 3_600 * Second)]
    [TestCase("2000-03-01T00:00:00Z", 11_017 * Day)]
    [TestCase("1677-09-21T00:12:43.145224192Z", long.MinValue)]
    [TestCase("2262-04-11T23:47:16.854775807Z", long.MaxValue)]
    [TestCase("1764547200000000000", 1_764_547_200_000_000_000L)]
    [TestCase("1_764_547_200_000_000_000", 1_764_547_200_000_000_000L)]
    [TestCase("-5", -5L)]
    public void Parses(string text, long expected)
    {
        Assert.That(ScriptTime.TryParse(text, out long nanos, out string error), Is.True, error);
        Assert.That(nanos, Is.EqualTo(expected));
    }

    [TestCase("2026-12-01T00:00:00", "must end in Z")]
    [TestCase("2026-12-01T00:00:00+01:00", "must end in Z")]
    [TestCase("2026-12-01T00:00:00.Z", "ISO-8601")]
    [TestCase("2026-12-01T00:00:00.1234567891Z", "more than 9 fractional digits")]
    [TestCase("2026-02-29T00:00:00Z", "day 29 is not in month 2026-02")]
    [TestCase("1900-02-29", "day 29 is not in month 1900-02")]
    [TestCase("2026-13-01", "month 13")]
    [TestCase("2026-00-01", "month 0")]
    [TestCase("2026-12-00", "day 0")]
    [TestCase("2026-12-01T24:00:00Z", "out of range")]
    [TestCase("2026-12-01T23:60:00Z", "out of range")]
    [TestCase("2026-12-01T23:59:60Z", "out of range")]
    [TestCase("2026-12-01 00:00:00Z", "ISO-8601")]
    [TestCase("2026-12-1", "ISO-8601")]
    [TestCase("26-12-01", "ISO-8601")]
    [TestCase("2262-04-11T23:47:16.854775808Z", "outside the range")]
    [TestCase("1677-09-21T00:12:43.145224191Z", "outside the range")]
    [TestCase("9223372036854775808", "does not fit")]
    [TestCase("noon", "ISO-8601")]
    [TestCase("", "ISO-8601")]
    public void Rejects(string text, string reason)
    {
        Assert.That(ScriptTime.TryParse(text, out _, out string error), Is.False);
        Assert.That(error, Does.Contain(reason));
    }

    [TestCase(0L, "1970-01-01T00:00:00Z", "1970-01-01T00:00:00.000000000Z")]
    [TestCase(December2026 + 500_000_000, "2026-12-01T00:00:00.500Z", "2026-12-01T00:00:00.500000000Z")]
    [TestCase(December2026 + 1_000, "2026-12-01T00:00:00.000001Z", "2026-12-01T00:00:00.000001000Z")]
    [TestCase(December2026 + 7, "2026-12-01T00:00:00.000000007Z", "2026-12-01T00:00:00.000000007Z")]
    [TestCase(-1L, "1969-12-31T23:59:59.999999999Z", "1969-12-31T23:59:59.999999999Z")]
    [TestCase(long.MinValue, "1677-09-21T00:12:43.145224192Z", "1677-09-21T00:12:43.145224192Z")]
    [TestCase(long.MaxValue, "2262-04-11T23:47:16.854775807Z", "2262-04-11T23:47:16.854775807Z")]
    public void Formats(long nanos, string shortest, string full)
    {
        Assert.That(ScriptTime.Format(nanos), Is.EqualTo(shortest));
        Assert.That(ScriptTime.Format(nanos, fullPrecision: true), Is.EqualTo(full));
    }

    // Any 64-bit value, spread evenly (FsCheck's own longs stay small).
    private static readonly Arbitrary<long> AnyLong =
        Gen.Choose(int.MinValue, int.MaxValue).Two().Select(p => ((long)p.Item1 << 32) | (uint)p.Item2).ToArbitrary();

    [Test]
    public void AgreesWithDateTimeOverTheWholeRange()
    {
        // DateTime is used here only as an independent check of the calendar arithmetic.
        Prop.ForAll(AnyLong, any =>
        {
            long ticks = any / 100;
            DateTime time = DateTime.UnixEpoch.AddTicks(ticks);
            Assert.That(ScriptTime.Format(ticks * 100, fullPrecision: true),
                Is.EqualTo(time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'00Z'", System.Globalization.CultureInfo.InvariantCulture)));
        }).QuickCheckThrowOnFailure();
    }

    [Test]
    public void EveryTimeRoundTrips()
    {
        Prop.ForAll(AnyLong, nanos =>
        {
            foreach (bool full in new[] { false, true })
            {
                string text = ScriptTime.Format(nanos, full);
                Assert.That(ScriptTime.TryParse(text, out long back, out string error), Is.True, error);
                Assert.That(back, Is.EqualTo(nanos), text);
            }
        }).QuickCheckThrowOnFailure();
    }

    [TestCase("0", 0L)]
    [TestCase("7d", 7 * Day)]
    [TestCase("12h", 12 * 3_600 * Second)]
    [TestCase("90m", 90 * 60 * Second)]
    [TestCase("30s", 30 * Second)]
    [TestCase("250ms", 250_000_000L)]
    [TestCase("3us", 3_000L)]
    [TestCase("5ns", 5L)]
    [TestCase("1_000", 1_000L)]
    public void ParsesDurations(string text, long expected)
    {
        Assert.That(ScriptTime.TryParseDuration(text, out long nanos, out string error), Is.True, error);
        Assert.That(nanos, Is.EqualTo(expected));
    }

    [TestCase("7w", "unknown duration unit 'w'")]
    [TestCase("1.5d", "expected a duration")]
    [TestCase("d", "expected a duration")]
    [TestCase("200000d", "does not fit")]
    public void RejectsDurations(string text, string reason)
    {
        Assert.That(ScriptTime.TryParseDuration(text, out _, out string error), Is.False);
        Assert.That(error, Does.Contain(reason));
    }

    [TestCase(0L, "0")]
    [TestCase(7 * Day, "7d")]
    [TestCase(36 * 3_600 * Second, "36h")]
    [TestCase(1_500_000_000L, "1500ms")]
    [TestCase(1_001L, "1001ns")]
    public void FormatsDurationsInTheLargestExactUnit(long nanos, string expected) =>
        Assert.That(ScriptTime.FormatDuration(nanos), Is.EqualTo(expected));
}
