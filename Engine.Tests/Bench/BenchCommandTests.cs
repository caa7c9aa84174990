using System.Text.Json;
using TokenMatch.Cli;
using TokenMatch.Cli.Bench;

namespace TokenMatch.Tests.Bench;

/// <summary>
/// <c>tokenmatch bench</c> and <c>bench report</c> through the CLI's own entry point: argument
/// mistakes give a message and a non-zero exit, a tiny run prints <c>commands/s: N</c> and writes a
/// JSON result with every field, and the report replaces only the marked section of a document.
/// Sizes are tiny (no figure is asserted beyond being positive: speed is not tested here).
/// </summary>
[NonParallelizable]
public class BenchCommandTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp()
    {
        _dir = Path.Combine(Path.GetTempPath(), $"tokenmatch-bench-tests-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void TearDown()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    [TestCase(new[] { "bench", "core", "--mix", "50,30,10,2.5,2.5" }, "--mix")]
    [TestCase(new[] { "bench", "core", "--mix", "fifty" }, "--mix")]
    [TestCase(new[] { "bench", "core", "--depth", "2000000" }, "--depth")]
    [TestCase(new[] { "bench", "core", "--depth", "-1" }, "--depth")]
    [TestCase(new[] { "bench", "warp-drive" }, "unknown target")]
    [TestCase(new[] { "bench", "journal", "--fsync", "sometimes" }, "--fsync")]
    [TestCase(new[] { "bench", "replay", "--latency" }, "latency")]
    public void BadArgumentsGiveAMessageAndANonZeroExit(string[] args, string mentioned)
    {
        var (code, output, error) = Run(args);
        Assert.That(code, Is.Not.Zero, output);
        Assert.That(error, Does.Contain(mentioned));
        Assert.That(error, Does.Not.Contain("   at "), "no stack trace");
    }

    [Test]
    public void TinyCoreRunPrintsCommandsPerSecondAndWritesTheJson()
    {
        string json = Path.Combine(_dir, "core.json");
        var (code, output, error) = Run(["bench", "core", "--commands", "100000", "--depth", "1000", "--accounts", "1000", "--batch", "20000", "--json", json, "--no-progress"]);
        Assert.That(code, Is.Zero, error);
        string last = output.TrimEnd().Split('\n')[^1].Trim();
        Assert.That(last, Does.Match(@"^commands/s: \d+$"));
        Assert.That(long.Parse(last["commands/s: ".Length..], System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThan(0));

        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(json));
        JsonElement root = doc.RootElement;
        Assert.That(root.GetProperty("target").GetString(), Is.EqualTo("core"));
        Assert.That(root.GetProperty("mode").GetString(), Is.EqualTo("throughput"));
        Assert.That(root.GetProperty("command").GetString(), Does.StartWith("tokenmatch bench core --commands 100000"));
        Assert.That(root.GetProperty("settings").GetProperty("depth").GetInt32(), Is.EqualTo(1000));
        JsonElement machine = root.GetProperty("machine");
        foreach (string field in (string[])["cpu", "os", "runtime", "gitRevision", "date", "loadAverage", "gcLatencyMode"])
            Assert.That(machine.GetProperty(field).GetString(), Is.Not.Empty, field);
        Assert.That(machine.GetProperty("cores").GetInt32(), Is.GreaterThan(0));
        Assert.That(machine.GetProperty("serverGc").ValueKind, Is.AnyOf(JsonValueKind.True, JsonValueKind.False));
        Assert.That(machine.GetProperty("concurrentGc").ValueKind, Is.AnyOf(JsonValueKind.True, JsonValueKind.False));
        JsonElement t = root.GetProperty("throughput");
        Assert.That(t.GetProperty("commands").GetInt64(), Is.EqualTo(100_000));
        Assert.That(t.GetProperty("commandsPerSecond").GetDouble(), Is.GreaterThan(0));
        Assert.That(t.GetProperty("replayIdentical").GetBoolean(), Is.True);
    }

    [Test]
    public void TinyLatencyRunRecordsPercentilesPerRate()
    {
        string json = Path.Combine(_dir, "latency.json");
        var (code, _, error) = Run(["bench", "core", "--latency", "--depth", "1000", "--accounts", "1000", "--batch", "5000",
            "--rate-start", "10000", "--rate-max", "20000", "--step-seconds", "0.2", "--median-bound-us", "1000000", "--json", json, "--no-progress"]);
        Assert.That(code, Is.Zero, error);
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(json));
        JsonElement steps = doc.RootElement.GetProperty("latency");
        Assert.That(steps.GetArrayLength(), Is.EqualTo(2));
        foreach (JsonElement s in steps.EnumerateArray())
        {
            Assert.That(s.GetProperty("count").GetInt64(), Is.GreaterThan(0));
            long p50 = s.GetProperty("p50").GetInt64(), p99 = s.GetProperty("p99").GetInt64(), max = s.GetProperty("max").GetInt64();
            Assert.That(p50, Is.LessThanOrEqualTo(p99));
            Assert.That(p99, Is.LessThanOrEqualTo(max));
        }
    }

    [Test]
    public void ReportReplacesOnlyTheMarkedSection()
    {
        string results = Path.Combine(_dir, "results");
        Directory.CreateDirectory(results);
        File.WriteAllText(Path.Combine(results, "core.json"), FixtureJson);
        string docs = Path.Combine(_dir, "docs");
        Directory.CreateDirectory(docs);
        string doc = Path.Combine(docs, "benchmarks.md");
        const string Before = "# Benchmarks\n\nHand-written text above, kept.\n\n";
        const string After = "\n\n## Hand-written text below, kept\n";
        File.WriteAllText(doc, Before + BenchReport.Begin + "\nold figures\n" + BenchReport.End + After);

        var (code, _, error) = Run(["bench", "report", results, "--doc", doc]);

        Assert.That(code, Is.Zero, error);
        string text = File.ReadAllText(doc);
        Assert.That(text, Does.StartWith(Before + BenchReport.Begin));
        Assert.That(text, Does.EndWith(BenchReport.End + After));
        Assert.That(text, Does.Not.Contain("old figures"));
        Assert.That(text, Does.Contain("`tokenmatch bench core --commands 100000`"), "each figure names its command");
        Assert.That(text, Does.Contain("1,234,567"));
        Assert.That(File.Exists(Path.Combine(docs, "img", "bench-throughput.png")), Is.True);
    }

    [Test]
    public void ReportRefusesAFileThatIsNotAResult()
    {
        string results = Path.Combine(_dir, "results");
        Directory.CreateDirectory(results);
        File.WriteAllText(Path.Combine(results, "broken.json"), "{ not json");
        string doc = Path.Combine(_dir, "benchmarks.md");
        File.WriteAllText(doc, "# Benchmarks\n");
        var (code, _, error) = Run(["bench", "report", results, "--doc", doc]);
        Assert.That(code, Is.Not.Zero);
        Assert.That(error, Does.Contain("not a bench result"));
        Assert.That(File.ReadAllText(doc), Is.EqualTo("# Benchmarks\n"), "the document is untouched");
    }

    private static (int Code, string Output, string Error) Run(string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Program.Invoke(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private const string FixtureJson = """
        {
          "version": 1, "target": "core", "mode": "throughput",
          "command": "tokenmatch bench core --commands 100000",
          "settings": { "mix": "50,35,10,2.5,2.5", "markets": 1, "accounts": 10000, "depth": 10000, "seed": 1, "commands": 100000 },
          "machine": { "cpu": "Test CPU", "cores": 2, "os": "Test OS", "runtime": ".NET 10", "serverGc": false, "concurrentGc": true,
                       "gcLatencyMode": "Interactive", "gitRevision": "unknown", "date": "2026-12-03T10:00:00Z", "loadAverage": "1.00 1.00 1.00" },
          "throughput": { "commands": 100000, "seconds": 0.081, "commandsPerSecond": 1234567, "nanosecondsPerCommand": 810, "coresBusy": 1, "notOk": 0 },
          "latency": [], "totalSeconds": 1
        }
        """;
}
