using System.CommandLine;
using NUnit.Framework;
using TokenMatch.Cli;
using TokenMatch.Cli.Commands;
using TokenMatch.Formats.Lobster;

namespace TokenMatch.Tests.Formats.Lobster;

/// <summary>The LOBSTER sample days replayed through the engine, compared with their orderbook files row by row.</summary>
[TestFixture]
public class LobsterReplayTests
{
    private static LobsterDay Load(string sample)
    {
        string zip = LobsterSamples.PathOf(sample);
        return LobsterDay.Load(zip, zip);
    }

    [TestCase(LobsterSamples.Amzn, "AMZN", 57_515, 1)]
    [TestCase(LobsterSamples.Goog, "GOOG", 147_916, 10)]
    public void Sample_loads_from_its_zip(string sample, string symbol, int rows, int levels)
    {
        LobsterDay day = Load(sample);
        Assert.That(day.Symbol, Is.EqualTo(symbol));
        Assert.That(day.Messages, Has.Length.EqualTo(rows));
        Assert.That((day.Orderbook.Rows, day.Orderbook.Levels), Is.EqualTo((rows, levels)));
        Assert.That(day.Midnight, Is.EqualTo(1_340_236_800L * 1_000_000_000L), "2012-06-21T00:00:00Z");
        Assert.That(LobsterMarketSpec.From(day).Tick, Is.EqualTo(100));
    }

    [TestCase(LobsterSamples.Amzn, 57_514)]
    [TestCase(LobsterSamples.Goog, 147_915)]
    public void Sample_replays_with_no_mismatched_row(string sample, int rows)
    {
        ReplaySummary summary = new LobsterReplayer(Load(sample)).Run();
        var report = new StringWriter();
        LobsterImport.Report(summary, report);
        Assert.That(summary.Rows, Is.EqualTo(rows));
        Assert.That(summary.Mismatched, Is.Zero, report.ToString());
        Assert.That(summary.Rejected, Is.Zero, report.ToString());
        Assert.That(summary.Unresolved, Is.Zero, report.ToString());
        Assert.That(summary.AggressiveOrders + summary.DirectFills, Is.EqualTo(Load(sample).Messages.Skip(1)
            .Count(m => m.Type == LobsterEventType.Execution)), "every execution is replayed as an IOC or a fill");
    }

    [Test]
    public void Exported_book_of_AMZN_is_its_orderbook_file()
    {
        string zip = LobsterSamples.PathOf(LobsterSamples.Amzn);
        string export = Path.GetTempFileName();
        try
        {
            int exit = LobsterImport.Run(zip, zip, null, null, export, null, new StringWriter(), new StringWriter());
            Assert.That(exit, Is.EqualTo(ExitCodes.Ok));
            (byte[] original, _) = LobsterSource.Read(zip, "orderbook");
            Assert.That(File.ReadAllBytes(export), Is.EqualTo(original));
        }
        finally
        {
            File.Delete(export);
        }
    }

    [Test]
    public void Script_written_from_AMZN_reaches_the_same_state_hash_under_run()
    {
        LobsterDay day = Load(LobsterSamples.Amzn);
        ReplaySummary summary = new LobsterReplayer(day, new ReplayOptions { RecordCommands = true }).Run();
        string script = Path.GetTempFileName();
        try
        {
            using (var writer = new StreamWriter(script)) LobsterImport.WriteScript(writer, day, summary.Commands);
            var output = new StringWriter();
            var error = new StringWriter();
            int exit = RunCommand.Run(new FileInfo(script), null, output, error);
            Assert.That(exit, Is.EqualTo(ExitCodes.Ok), error.ToString());
            string last = output.ToString().TrimEnd().Split('\n')[^1];
            Assert.That(last, Is.EqualTo($"state hash: {summary.FinalStateHash:x16}"));
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Test]
    public void Import_command_prints_the_summary_line_last()
    {
        string zip = LobsterSamples.PathOf(LobsterSamples.Amzn);
        var output = new StringWriter();
        int exit = Program.CreateRoot().Parse(["import", "lobster", zip, zip, "--levels", "1"])
            .Invoke(new InvocationConfiguration { Output = output, Error = new StringWriter() });
        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), output.ToString());
        Assert.That(output.ToString().TrimEnd().Split('\n')[^1], Does.Match(@"^rows: 57514, mismatched: 0, injected: \d+, direct fills: \d+$"));
    }

    [Test]
    public void Damaged_message_file_stops_the_import_with_row_and_reason()
    {
        string folder = Directory.CreateTempSubdirectory("lobster").FullName;
        try
        {
            string messages = Path.Combine(folder, "X_2012-06-21_0_0_message_1.csv");
            string book = Path.Combine(folder, "X_2012-06-21_0_0_orderbook_1.csv");
            File.WriteAllText(messages, "34200.1,1,1,10,1000,1\n34200.2,1,2,10,1100,-1\n34200.3,9,2,10,1100,-1\n");
            File.WriteAllText(book, "1200,5,1000,10\n1100,10,1000,10\n1100,10,1000,10\n");
            var error = new StringWriter();
            int exit = LobsterImport.Run(messages, book, null, null, null, null, new StringWriter(), error);
            Assert.That(exit, Is.EqualTo(ExitCodes.BadInput));
            Assert.That(error.ToString(), Does.Contain("row 2 (line 3)").And.Contain("unknown event type 9"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Seeding_mapping_and_window_rules_on_a_small_day()
    {
        // Level 1. Row 0 seeds 10 unknown lots on each side. Order 1 queues behind the seeded bid, so its
        // execution is a direct fill; the seeded bid is then first at the best price, so its execution is
        // an IOC, which empties the level and lets the file's new best bid in from beyond the window.
        // Order 2 improves the ask, pushing 1100 out (dropped); its deletion brings 1100 back (injected).
        const string messages =
            "34200.0,5,0,3,1050,1\n" +
            "34200.1,1,1,5,1000,1\n" +
            "34200.2,4,1,5,1000,1\n" +
            "34200.2,4,77,10,1000,1\n" +
            "34200.3,1,2,5,1050,-1\n" +
            "34200.4,3,2,5,1050,-1\n";
        const string book =
            "1100,10,1000,10\n" +
            "1100,10,1000,15\n" +
            "1100,10,1000,10\n" +
            "1100,10,900,20\n" +
            "1050,5,900,20\n" +
            "1100,10,900,20\n";
        LobsterDay day = LobsterDay.Parse(System.Text.Encoding.ASCII.GetBytes(messages), "T_2012-06-21_0_0_message_1.csv",
            System.Text.Encoding.ASCII.GetBytes(book), "T_2012-06-21_0_0_orderbook_1.csv");
        ReplaySummary summary = new LobsterReplayer(day).Run();
        var report = new StringWriter();
        LobsterImport.Report(summary, report);
        Assert.That((summary.Rows, summary.Mismatched, summary.Rejected), Is.EqualTo((5, 0, 0)), report.ToString());
        Assert.That((summary.Seeded, summary.Injected), Is.EqualTo((2, 2)), report.ToString());
        Assert.That((summary.DirectFills, summary.AggressiveOrders), Is.EqualTo((1, 1)), report.ToString());
    }

    [Test]
    public void Mismatched_row_is_reported_with_both_books_before_the_summary_line()
    {
        // Row 2 of the file claims 7 lots at 1000 where the message left 10.
        const string messages = "34200.0,5,0,3,1050,1\n34200.1,1,1,5,1000,1\n34200.2,2,1,5,1000,1\n";
        const string book = "1100,10,1000,10\n1100,10,1000,15\n1100,10,1000,7\n";
        LobsterDay day = LobsterDay.Parse(System.Text.Encoding.ASCII.GetBytes(messages), "T_2012-06-21_0_0_message_1.csv",
            System.Text.Encoding.ASCII.GetBytes(book), "T_2012-06-21_0_0_orderbook_1.csv");
        ReplaySummary summary = new LobsterReplayer(day).Run();
        var report = new StringWriter();
        LobsterImport.Report(summary, report);
        string[] lines = report.ToString().TrimEnd().Split('\n');
        Assert.That(summary.Mismatched, Is.EqualTo(1));
        Assert.That(lines[0], Does.StartWith("row 2 (PartialCancel order 1"));
        Assert.That(lines[1], Does.Contain("file:").And.Contain("bid 7@1000"));
        Assert.That(lines[2], Does.Contain("engine:").And.Contain("bid 10@1000"));
        Assert.That(lines[^1], Is.EqualTo("rows: 2, mismatched: 1, injected: 0, direct fills: 0"));
    }

    [Test]
    public void Missing_file_is_a_file_error()
    {
        var error = new StringWriter();
        int exit = LobsterImport.Run("no-such-message.csv", "no-such-orderbook.csv", null, null, null, null, new StringWriter(), error);
        Assert.That(exit, Is.EqualTo(ExitCodes.FileError));
        Assert.That(error.ToString(), Does.Contain("no-such-message.csv"));
    }

    [Test]
    public void Zip_entries_are_picked_by_kind()
    {
        string zip = LobsterSamples.PathOf(LobsterSamples.Goog);
        Assert.That(LobsterSource.Read(zip, "message").Name, Does.Contain("_message_10.csv"));
        Assert.That(LobsterSource.Read(zip, "orderbook").Name, Does.Contain("_orderbook_10.csv"));
    }
}
