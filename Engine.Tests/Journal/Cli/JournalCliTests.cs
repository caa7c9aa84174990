using System.Text.RegularExpressions;
using TokenMatch.Cli.Commands;
using TokenMatch.Tests.Formats.Lobster;
using TokenMatch.Tests.Journal.Support;

namespace TokenMatch.Tests.Journal.Cli;

/// <summary>The journal's commands end to end: run/import write journals that replay to the same hash; inspect; repair only with --yes.</summary>
public sealed partial class JournalCliTests
{
    private static string Example(string name) =>
        Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "..", "docs", "examples", name);

    [GeneratedRegex("state hash: ([0-9a-f]{16})")]
    private static partial Regex HashLine();

    private static string LastHash(string text) => HashLine().Matches(text)[^1].Groups[1].Value;

    [Test]
    public void RunWithAJournalReplaysToTheSameHashAndVerifies()
    {
        using var directory = new TempDirectory();
        string journal = Path.Combine(directory.Path, "j");
        var runOut = new StringWriter();
        Assert.That(RunCommand.Run(new FileInfo(Example("month.tms")), null, runOut, new StringWriter(), journal), Is.Zero);
        var replayOut = new StringWriter();
        var replayErr = new StringWriter();
        Assert.That(ReplayCommand.Run(journal, verify: true, null, null, null, null, 5, [], replayOut, replayErr), Is.Zero, replayErr.ToString());
        Assert.That(LastHash(replayOut.ToString()), Is.EqualTo(LastHash(runOut.ToString())));
        Assert.That(replayOut.ToString(), Does.Contain("checkpoints verified: 1"));

        var inspectOut = new StringWriter();
        Assert.That(JournalInspectCommand.Run(journal, inspectOut, new StringWriter()), Is.Zero);
        Assert.That(inspectOut.ToString(), Does.Contain("markets: 1 LLM-L/2026-12").And.Contain("segments: 1").And.Contain("checkpoints: 1"));

        // A second run into the same journal is refused: a journal is never overwritten.
        var error = new StringWriter();
        Assert.That(RunCommand.Run(new FileInfo(Example("month.tms")), null, new StringWriter(), error, journal), Is.Not.Zero);
        Assert.That(error.ToString(), Does.Contain("already holds a journal"));
    }

    [Test]
    public void ReplayWritesTradeAndBookCsvAndAWhatIfReport()
    {
        using var directory = new TempDirectory();
        string journal = Path.Combine(directory.Path, "j");
        Assert.That(RunCommand.Run(new FileInfo(Example("cycle.tms")), null, new StringWriter(), new StringWriter(), journal), Is.Zero);
        var trades = new FileInfo(Path.Combine(directory.Path, "trades.csv"));
        var book = new FileInfo(Path.Combine(directory.Path, "book.csv"));
        var output = new StringWriter();
        Assert.That(ReplayCommand.Run(journal, false, null, null, trades, book, 3, ["fees=40,60"], output, new StringWriter()), Is.Zero);
        string[] tradeRows = File.ReadAllLines(trades.FullName);
        Assert.That(tradeRows[0], Is.EqualTo(TokenMatch.Journal.Replay.TradeCsvWriter.Header));
        Assert.That(tradeRows, Has.Length.GreaterThan(1));
        Assert.That(File.ReadAllLines(book.FullName)[1..].Select(r => int.Parse(r.Split(',')[4])), Has.All.InRange(1, 3));
        Assert.That(output.ToString(), Does.Contain("what-if:").And.Contain("fees paid").And.Contain("VWAP"));
    }

    [Test]
    public void ImportLobsterWithAJournalReplaysToTheImportsHash()
    {
        string sample = LobsterSamples.PathOf(LobsterSamples.Amzn);
        using var directory = new TempDirectory();
        string journal = Path.Combine(directory.Path, "j");
        var importOut = new StringWriter();
        LobsterImport.Run(sample, sample, 1, null, null, null, importOut, new StringWriter(), journal);
        var replayOut = new StringWriter();
        Assert.That(ReplayCommand.Run(journal, true, null, null, null, null, 5, [], replayOut, new StringWriter()), Is.Zero);
        Assert.That(LastHash(replayOut.ToString()), Is.EqualTo(LastHash(importOut.ToString())));
    }

    [Test]
    public void RepairListsWhatItWouldDropAndTruncatesOnlyWithYes()
    {
        using var directory = new TempDirectory();
        JournalKit.WriteDirect(directory.Path, JournalKit.SampleFlow(60), new TokenMatch.Journal.Writing.JournalWriterOptions
        {
            Fsync = TokenMatch.Journal.Writing.FsyncPolicy.None, SegmentSize = 2_000,
        });
        List<(string File, long Offset, long Length)> records = JournalDamage.Records(directory.Path);
        (string file, long offset, _) = records[20];
        JournalDamage.FlipBit(file, offset + 14, 1);
        long before = new FileInfo(file).Length;

        var dry = new StringWriter();
        Assert.That(JournalRepairCommand.Run(directory.Path, false, dry, new StringWriter()), Is.Zero);
        Assert.That(dry.ToString(), Does.Contain($"offset {offset}").And.Contain("would drop").And.Contain("kept: 20 commands").And.Contain("nothing changed"));
        Assert.That(new FileInfo(file).Length, Is.EqualTo(before));

        var wet = new StringWriter();
        Assert.That(JournalRepairCommand.Run(directory.Path, true, wet, new StringWriter()), Is.Zero);
        Assert.That(new FileInfo(file).Length, Is.EqualTo(offset));
        Assert.That(JournalKit.ReadCommands(directory.Path), Has.Count.EqualTo(20));
        Assert.That(JournalRepairCommand.Run(directory.Path, false, new StringWriter(), new StringWriter()), Is.Zero);
    }

    [Test]
    public void ReplayOfADamagedJournalExitsWithTheDamage()
    {
        using var directory = new TempDirectory();
        JournalKit.WriteDirect(directory.Path, JournalKit.SampleFlow(30));
        (string file, long offset, _) = JournalDamage.Records(directory.Path)[5];
        JournalDamage.FlipBit(file, offset + 20, 0);
        var error = new StringWriter();
        Assert.That(ReplayCommand.Run(directory.Path, false, null, null, null, null, 5, [], new StringWriter(), error), Is.EqualTo(ReplayCommand.JournalDamaged));
        Assert.That(error.ToString(), Does.Contain(file).And.Contain($"offset {offset}"));
        Assert.That(JournalInspectCommand.Run(directory.Path, new StringWriter(), new StringWriter()), Is.EqualTo(ReplayCommand.JournalDamaged));
    }

    [Test]
    public void SnapshotCommandWritesASnapshotThatRecoveryUses()
    {
        using var directory = new TempDirectory();
        JournalKit.WriteDirect(directory.Path, JournalKit.SampleFlow(30));
        var output = new StringWriter();
        Assert.That(JournalSnapshotCommand.Run(directory.Path, output, new StringWriter()), Is.Zero);
        var result = TokenMatch.Journal.Recovery.JournalRecovery.Recover(directory.Path);
        Assert.That(result.SnapshotSequence, Is.Not.Null);
        Assert.That(result.CommandsReplayed, Is.Zero);
        Assert.That(LastHash(output.ToString()), Is.EqualTo(result.Core.StateHash().ToString("x16")));
    }
}
