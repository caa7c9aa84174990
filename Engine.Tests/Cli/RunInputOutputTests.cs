using TokenMatch.Cli;
using TokenMatch.Tests.Cli.Support;

namespace TokenMatch.Tests.Cli;

/// <summary>
/// The built <c>tokenmatch run</c> as a child process, as a newcomer would use it: standard input,
/// <c>/dev/stdin</c>, process substitution, named pipes, an output that is the input, a full disk,
/// the top of the time range. Every child runs under <see cref="CliProcess.Deadline"/>.
/// </summary>
[NonParallelizable]
public sealed class RunInputOutputTests
{
    private const string Hash = "state hash: ";
    private string _dir = null!;
    private string _script = null!;
    private string _expectedHash = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = Directory.CreateTempSubdirectory("tokenmatch-io-").FullName;
        _script = Path.Combine(_dir, "cycle.tms");
        File.Copy(ExampleScriptTests.Example("cycle.tms"), _script);
        var (code, output, error) = CliProcess.Run(null, "run", _script);
        Assert.That(code, Is.EqualTo(ExitCodes.Ok), error);
        _expectedHash = LastLine(output);
        Assert.That(_expectedHash, Does.StartWith(Hash));
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private static string LastLine(string text) => text.TrimEnd().Split('\n')[^1];

    [Test]
    public void DashReadsStandardInput()
    {
        var (code, output, error) = CliProcess.Run(File.ReadAllText(_script), "run", "-");
        Assert.That(code, Is.EqualTo(ExitCodes.Ok), error);
        Assert.That(output, Does.StartWith("commands: 32 "));
        Assert.That(LastLine(output), Is.EqualTo(_expectedHash));
    }

    [Test]
    public void DevStdinFromAPipeRunsEveryCommand()
    {
        var (code, output, error) = CliProcess.Bash($"cat '{_script}' | $TOKENMATCH run /dev/stdin");
        Assert.That(code, Is.EqualTo(ExitCodes.Ok), error);
        Assert.That(output, Does.StartWith("commands: 32 "));
        Assert.That(LastLine(output), Is.EqualTo(_expectedHash));
    }

    [Test]
    public void ProcessSubstitutionRunsEveryCommand()
    {
        var (code, output, error) = CliProcess.Bash($"$TOKENMATCH run <(cat '{_script}')");
        Assert.That(code, Is.EqualTo(ExitCodes.Ok), error);
        Assert.That(LastLine(output), Is.EqualTo(_expectedHash));
    }

    [Test]
    public void NamedPipeRunsEveryCommand()
    {
        string fifo = Path.Combine(_dir, "pipe.tms");
        var (code, output, error) = CliProcess.Bash(
            $"mkfifo '{fifo}' || exit 9; cat '{_script}' > '{fifo}' 2>/dev/null & writer=$!; $TOKENMATCH run '{fifo}'; code=$?; kill $writer 2>/dev/null; exit $code");
        Assert.That(code, Is.EqualTo(ExitCodes.Ok), error);
        Assert.That(LastLine(output), Is.EqualTo(_expectedHash));
    }

    [Test]
    public void EventsDashGoesToStandardOutputAndTheSummaryToStandardError()
    {
        string file = Path.Combine(_dir, "events.csv");
        Assert.That(CliProcess.Run(null, "run", _script, "--events", file).Code, Is.EqualTo(ExitCodes.Ok));
        var (code, output, error) = CliProcess.Run(File.ReadAllText(_script), "run", "-", "--events", "-");
        Assert.That(code, Is.EqualTo(ExitCodes.Ok), error);
        Assert.That(output.Replace("\r", ""), Is.EqualTo(File.ReadAllText(file)));
        Assert.That(LastLine(error), Is.EqualTo(_expectedHash));
    }

    [TestCase("same")]
    [TestCase("dot-path")]
    [TestCase("symlink")]
    [TestCase("hard link")]
    public void AnEventsPathThatIsTheScriptIsRefusedAndTheScriptIsKept(string how)
    {
        string before = File.ReadAllText(_script);
        string events = how switch
        {
            "same" => _script,
            "dot-path" => Path.Combine(_dir, ".", "..", Path.GetFileName(_dir), "cycle.tms"),
            "symlink" => File.CreateSymbolicLink(Path.Combine(_dir, "link.csv"), _script).FullName,
            _ => HardLink(_script, Path.Combine(_dir, "hard.csv")),
        };
        var (code, output, error) = CliProcess.Run(null, "run", _script, "--events", events);
        Assert.That(code, Is.EqualTo(ExitCodes.FileError));
        Assert.That(error, Does.Contain("refusing to write the events").And.Contain("it is the script being run"));
        Assert.That(output, Is.Empty);
        Assert.That(File.ReadAllText(_script), Is.EqualTo(before), "the script is untouched");
    }

    private static string HardLink(string target, string link)
    {
        var (code, _, error) = CliProcess.Bash($"ln '{target}' '{link}'");
        Assert.That(code, Is.Zero, error);
        return link;
    }

    [Test]
    public void DiskFullOnDevFullIsAFileErrorNamingTheFileWithoutAStackTrace()
    {
        Assume.That(File.Exists("/dev/full"), "needs Linux's /dev/full");
        var (code, _, error) = CliProcess.Run(null, "run", _script, "--events", "/dev/full");
        Assert.That(code, Is.EqualTo(ExitCodes.FileError), error);
        Assert.That(error, Does.Contain("cannot write the events to /dev/full"));
        Assert.That(error, Does.Not.Contain("   at ").And.Not.Contain("a bug"));
        Assert.That(File.Exists("/dev/full"), Is.True, "a device is never removed");
    }

    [Test]
    public void DiskFullOnAFileRemovesThePartialFile()
    {
        string mount = Path.Combine(_dir, "tiny");
        Directory.CreateDirectory(mount);
        var (mounted, _, why) = CliProcess.Bash($"mount -t tmpfs -o size=16k tmpfs '{mount}'");
        Assume.That(mounted, Is.Zero, $"needs permission to mount a 16 KB tmpfs: {why}");
        try
        {
            string events = Path.Combine(mount, "events.csv");
            // About 100 KB of events: an accepted row for each deposit.
            string big = Path.Combine(_dir, "big.tms");
            File.WriteAllLines(big, new[] { "2026-12-01 create-account account=1" }.Concat(Enumerable.Repeat("2026-12-01 deposit account=1 amount=1", 1_000)));
            var (code, output, error) = CliProcess.Run(null, "run", big, "--events", events);
            Assert.That(code, Is.EqualTo(ExitCodes.FileError), error);
            Assert.That(error, Does.Contain($"cannot write the events to {events}").And.Contain("the partial file was removed"));
            Assert.That(error, Does.Not.Contain("   at "));
            Assert.That(output, Is.Empty, "no summary for a run whose events were lost");
            Assert.That(File.Exists(events), Is.False);
        }
        finally
        {
            CliProcess.Bash($"umount '{mount}'");
        }
    }

    [Test]
    public void FullStandardOutputIsAFileError()
    {
        var (code, _, error) = CliProcess.Bash($"$TOKENMATCH run '{_script}' > /dev/full");
        Assert.That(code, Is.EqualTo(ExitCodes.FileError), error);
        Assert.That(error, Does.Contain("cannot write the output").And.Not.Contain("   at "));
    }

    [TestCase("9223372036854775807 time")]
    [TestCase("2262-04-11T23:47:16.854775807Z time")]
    [TestCase("2026-12-01 create-market market=1 symbol=X lot=1 tick=1 face=1 min-price=1 max-price=10 min-qty=1 max-qty=10 start=2026-12-01 end=2027-01-01\n9223372036854775807 time")]
    public void TheTopOfTheTimeRangeRuns(string script)
    {
        var (code, output, error) = CliProcess.Run(script + "\n", "run", "-");
        Assert.That(code, Is.EqualTo(ExitCodes.Ok), error);
        Assert.That(LastLine(output), Does.StartWith(Hash));
    }

    [Test]
    public void AFiveMegabyteTokenGivesAShortError()
    {
        string token = new('x', 5_000_000);
        var (code, _, error) = CliProcess.Run($"2026-12-01 {token}\n2026-12-01 time {token}=1\n", "run", "-");
        Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(error.Length, Is.LessThan(1_000), "one short line");
        Assert.That(error, Does.Contain("(5,000,000 characters)"));
    }

    [Test]
    public void GrantsToTheLargestAccountIdInFiftyMarketsRun()
    {
        var lines = new List<string> { $"2026-12-01 create-account account={TokenMatch.Core.ExchangeCore.MaxAccounts - 1}" };
        for (int m = 0; m < 50; m++)
        {
            lines.Add($"2026-12-01 create-market market={m} symbol=M{m} lot=1 tick=1 face=1 min-price=1 max-price=10 min-qty=1 max-qty=10 start=2026-12-01 end=2027-01-01");
            lines.Add($"2026-12-01 grant account={TokenMatch.Core.ExchangeCore.MaxAccounts - 1} market={m} origin=allocated qty=5");
        }
        var (code, output, error) = CliProcess.Run(string.Join("\n", lines) + "\n", "run", "-");
        Assert.That(code, Is.EqualTo(ExitCodes.Ok), error);
        Assert.That(output, Does.StartWith("commands: 101 (101 accepted, 0 rejected)"));
    }

    [Test]
    public void AMissingScriptIsAFileErrorWithItsName()
    {
        var (code, output, error) = CliProcess.Run(null, "run", Path.Combine(_dir, "absent.tms"));
        Assert.That(code, Is.EqualTo(ExitCodes.FileError));
        Assert.That(error, Does.Contain("script not found").And.Contain("absent.tms"));
        Assert.That(output, Is.Empty);
    }
}
