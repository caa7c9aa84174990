using NUnit.Framework;
using TokenMatch.Cli;

namespace TokenMatch.Tests.Cli;

public sealed class RunCommandTests
{
    private string _dir = "";

    [SetUp]
    public void CreateDirectory() => _dir = Directory.CreateTempSubdirectory("tokenmatch-run-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Output, string Error) Invoke(params string[] args) => InvokeWith(null, args);

    private static (int Code, string Output, string Error) InvokeWith(string? stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Program.Invoke(args, output, error, stdin is null ? null : new StringReader(stdin));
        return (code, output.ToString(), error.ToString());
    }

    private const string Setup = "2026-12-01 create-account account=1\n";

    [Test]
    public void ATimeEarlierThanTheLineBeforeIsAWarningCountedInTheSummary()
    {
        var (code, output, error) = InvokeWith(Setup + "2026-12-02 time\n2026-12-01T12:00:00Z deposit account=1 amount=5\n", "run", "-");
        Assert.That(code, Is.EqualTo(ExitCodes.Ok), error);
        Assert.That(error, Does.StartWith("warning: standard input:3: field 'time': 2026-12-01T12:00:00Z is earlier than line 2's 2026-12-02T00:00:00Z"));
        Assert.That(output, Does.Contain("warnings: 1 (on standard error)"));
    }

    [Test]
    public void StrictTurnsAWarningIntoAnErrorAndRunsNothing()
    {
        string events = Path.Combine(_dir, "events.csv");
        var (code, output, error) = InvokeWith(Setup + "2026-12-02 time\n2026-12-01 time\n", "run", "-", "--strict", "--events", events);
        Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(error, Does.StartWith("error: standard input:3: field 'time'").And.Contain("--strict: nothing was run"));
        Assert.That(output, Is.Empty);
        Assert.That(File.Exists(events), Is.False);
    }

    [Test]
    public void CheckParsesAndRunsNothing()
    {
        string events = Path.Combine(_dir, "events.csv");
        var (code, output, error) = InvokeWith(Setup + "2026-12-02 time\n2026-12-01 time\n", "run", "-", "--check", "--events", events);
        Assert.That(code, Is.EqualTo(ExitCodes.Ok), error);
        Assert.That(output, Is.EqualTo("standard input: 3 commands parse; 1 warning(s); nothing was run\n"));
        Assert.That(File.Exists(events), Is.False);
        (code, _, error) = InvokeWith(Setup + "2026-12-02 tiem\n", "run", "-", "--check");
        Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(error, Does.Contain("standard input:2: field 'verb': unknown verb 'tiem'"));
    }

    [TestCase("lot=0", "lot 0 is not positive")]
    [TestCase("min-price=1500", "min-price 1500 is not a multiple of tick 1000")]
    [TestCase("max-price=500", "min-price 1000 is above max-price 500")]
    [TestCase("start=2027-01-01", "start 2027-01-01T00:00:00Z is not before end 2027-01-01T00:00:00Z")]
    public void ARejectedCreateMarketSaysWhichCheckFailed(string change, string reason)
    {
        var fields = new Dictionary<string, string>
        {
            ["market"] = "1", ["symbol"] = "X", ["lot"] = "1000", ["tick"] = "1000", ["face"] = "2c", ["min-price"] = "1000",
            ["max-price"] = "4c", ["min-qty"] = "1", ["max-qty"] = "100", ["start"] = "2026-12-01", ["end"] = "2027-01-01",
        };
        string[] kv = change.Split('=');
        fields[kv[0]] = kv[1];
        string line = "2026-12-01 create-market " + string.Join(" ", fields.Select(f => $"{f.Key}={f.Value}"));
        var (code, output, error) = InvokeWith(line + "\n", "run", "-");
        Assert.That(code, Is.EqualTo(ExitCodes.Ok), error);
        Assert.That(output, Does.Contain($"invalid-market-spec (201): 1 — line 1 create-market ({reason})"));
    }

    [Test]
    public void AnUnknownCommandSaysSoFirstAndOnce()
    {
        var (code, output, error) = Invoke("runn", "x.tms");
        Assert.That(code, Is.EqualTo(ExitCodes.Usage));
        // The list names every visible subcommand of the root, in its order.
        string commands = string.Join(", ", Program.CreateRoot().Subcommands.Where(c => !c.Hidden).Select(c => c.Name));
        Assert.That(commands, Does.StartWith("run, show, import"));
        Assert.That(error, Does.StartWith($"tokenmatch: unknown command 'runn' (commands: {commands})\n"));
        Assert.That(error, Does.Not.Contain("Required command was not provided").And.Not.Contain("'x.tms'"));
        Assert.That(output, Is.Empty);
    }

    [Test]
    public void AWrongKindOfValueSaysWhatKindIsWanted()
    {
        var (code, _, error) = Invoke("import", "lobster", "a.csv", "b.csv", "--levels", "abc");
        Assert.That(code, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error, Does.StartWith("tokenmatch import lobster: --levels 'abc': expected a whole number"));
        Assert.That(error, Does.Not.Contain("System."));
    }

    [Test]
    public void HelpStillWorksAndExplainsPriceAndExecPrice()
    {
        var (code, output, _) = Invoke("run", "--help");
        Assert.That(code, Is.EqualTo(ExitCodes.Ok));
        Assert.That(output, Does.Contain("exec_price").And.Contain("micro-credits").And.Contain("FTE"));
    }

    [Test]
    public void AMissingScriptIsAFileError()
    {
        string path = Path.Combine(_dir, "absent.tms");
        var (code, output, error) = Invoke("run", path);
        Assert.That(code, Is.EqualTo(ExitCodes.FileError));
        Assert.That(error, Does.Contain("script not found").And.Contain(path));
        Assert.That(output, Is.Empty);
    }

    [Test]
    public void ABadLineNamesFileLineAndFieldAndRunsNothing()
    {
        string path = Path.Combine(_dir, "bad.tms");
        string events = Path.Combine(_dir, "events.csv");
        File.WriteAllText(path, "# setup\n2026-12-01T00:00:00Z create-account account=1\n\n2026-12-01T00:00:00Z deposit account=1 amount=lots\n");
        var (code, output, error) = Invoke("run", path, "--events", events);
        Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(error, Does.StartWith($"{path}:4: field 'amount': expected an integer"));
        Assert.That(output, Is.Empty);
        Assert.That(File.Exists(events), Is.False, "nothing runs and no events are written when a line is bad");
    }

    [Test]
    public void ABadLateLineIsFoundBeforeAnythingRuns()
    {
        string path = Path.Combine(_dir, "late.tms");
        var lines = Enumerable.Range(0, 500).Select(i => $"{i} time").Append("500 tiem");
        File.WriteAllLines(path, lines);
        var (code, _, error) = Invoke("run", path);
        Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(error, Does.Contain(":501: field 'verb': unknown verb 'tiem'"));
    }

    [Test]
    public void AnUnwritableEventsFileIsAFileError()
    {
        string path = Path.Combine(_dir, "ok.tms");
        File.WriteAllText(path, "0 time\n");
        var (code, _, error) = Invoke("run", path, "--events", Path.Combine(_dir, "no", "such", "dir", "events.csv"));
        Assert.That(code, Is.EqualTo(ExitCodes.FileError));
        Assert.That(error, Does.Contain("cannot write"));
    }

    [Test]
    public void AMissingArgumentIsAUsageErrorNamingItOnce()
    {
        var (code, output, error) = Invoke("run");
        Assert.That(code, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error, Is.EqualTo("tokenmatch run: missing argument <script>\nSee 'tokenmatch run --help'.\n"));
        Assert.That(output, Is.Empty, "no help page dumped after the error");
    }
}
