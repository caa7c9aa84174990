using System.Text;
using TokenMatch.Commands;
using TokenMatch.Formats.Lobster;

namespace TokenMatch.Tests.Formats.Lobster;

/// <summary>
/// LOBSTER's full file specification beyond the two shared sample days (lobsterdata.com, "output
/// structure"): times with more digits than nanoseconds, cross trades (type 6) with negative pseudo
/// order ids, trading halt indicators (type 7: price −1 halt, 0 resume quoting, 1 resume trading),
/// and empty levels written as the dummies 9999999999 / −9999999999.
/// </summary>
public sealed class LobsterSpecTests
{
    [TestCase("34200.0042411759999", 34_200_004_241_176L)]
    [TestCase("34200.00424117640", 34_200_004_241_176L)]
    [TestCase("34200.12345678912345", 34_200_123_456_789L)]
    [TestCase("34200.9999999996", 34_201_000_000_000L)]
    [TestCase("34200.0000000004", 34_200_000_000_000L)]
    public void TimesWithMoreDigitsThanNanosecondsRoundToTheNearestNanosecond(string text, long expected)
    {
        Assert.That(LobsterCsv.TryParseTime(Encoding.ASCII.GetBytes(text), out long nanos), Is.True);
        Assert.That(nanos, Is.EqualTo(expected));
    }

    [Test]
    public void CrossTradesWithNegativeIdsAndHaltsWithDirectionZeroParse()
    {
        LobsterMessage[] rows = LobsterCsv.ParseMessages(Encoding.ASCII.GetBytes(
            "34200.5,6,-1,1500,1000,1\n57599.9,6,-2,9000,1010,-1\n36000.1,7,0,0,-1,0\n"), "m.csv");
        Assert.That(rows.Select(r => (r.Type, r.OrderId)), Is.EqualTo(new[]
        {
            (LobsterEventType.CrossTrade, -1L), (LobsterEventType.CrossTrade, -2L), (LobsterEventType.Halt, 0L),
        }));
        Assert.Throws<LobsterFormatException>(() => LobsterCsv.ParseMessages(Encoding.ASCII.GetBytes("34200.5,1,-1,100,1000,1\n"), "m.csv"));
        Assert.Throws<LobsterFormatException>(() => LobsterCsv.ParseMessages(Encoding.ASCII.GetBytes("34200.5,1,5,100,1000,0\n"), "m.csv"));
    }

    [Test]
    public void AHaltStopsTradingUntilTheResumeAndTheBookStillMatchesEveryRow()
    {
        const string messages =
            "34200.0,1,1,10,1000,1\n" +
            "34200.1,1,2,5,1100,-1\n" +
            "34200.2,7,0,0,-1,-1\n" +              // halt
            "34200.3,3,2,5,1100,-1\n" +            // a cancel during the halt
            "34200.4,7,0,0,0,-1\n" +               // quoting resumes
            "34200.5,1,3,4,1200,-1\n" +
            "34200.6,7,0,0,1,0\n" +                // trading resumes (already resumed: nothing more)
            "34200.7,6,-2,100,1000,1\n" +          // a cross trade: the book does not change
            "34200.712345678949,1,4,3,1150,-1\n";  // more digits than nanoseconds
        const string book =
            "9999999999,0,1000,10\n" +
            "1100,5,1000,10\n" +
            "1100,5,1000,10\n" +
            "9999999999,0,1000,10\n" +
            "9999999999,0,1000,10\n" +
            "1200,4,1000,10\n" +
            "1200,4,1000,10\n" +
            "1200,4,1000,10\n" +
            "1150,3,1000,10\n";
        LobsterDay day = LobsterDay.Parse(Encoding.ASCII.GetBytes(messages), "T_2012-06-21_0_0_message_1.csv",
            Encoding.ASCII.GetBytes(book), "T_2012-06-21_0_0_orderbook_1.csv");
        ReplaySummary summary = new LobsterReplayer(day, new ReplayOptions { RecordCommands = true }).Run();
        Assert.That((summary.Rows, summary.Mismatched, summary.Rejected, summary.Halts), Is.EqualTo((8, 0, 0, 1)), string.Join("\n", summary.Rejections));
        List<Command> states = [.. summary.Commands.Where(c => c.Type is CommandType.HaltMarket or CommandType.ResumeMarket)];
        Assert.That(states.Select(c => (c.Type, c.Timestamp - day.Midnight)), Is.EqualTo(new[]
        {
            (CommandType.HaltMarket, 34_200_200_000_000L), (CommandType.ResumeMarket, 34_200_400_000_000L),
        }));
        Assert.That(summary.Commands[^1].Timestamp - day.Midnight, Is.EqualTo(34_200_712_345_679L));
    }
}
