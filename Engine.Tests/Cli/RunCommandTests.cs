using System.CommandLine;
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

    private static (int Code, string Output, string Error) Invoke(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Program.CreateRoot().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
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
    public void AMissingArgumentIsAUsageError()
    {
        var (code, _, error) = Invoke("run");
        Assert.That(code, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error, Does.Contain("Required argument missing"));
    }
}
