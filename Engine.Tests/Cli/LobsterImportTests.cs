using TokenMatch.Cli;

namespace TokenMatch.Tests.Cli;

/// <summary><c>tokenmatch import lobster</c> as a newcomer meets it: no silent 1970, no output over an input.</summary>
public sealed class LobsterImportTests
{
    private string _dir = null!;
    private string _messages = null!;
    private string _book = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = Directory.CreateTempSubdirectory("tokenmatch-lobster-").FullName;
        // No ticker_date_ prefix: the day is nowhere in the names.
        _messages = Path.Combine(_dir, "messages.csv");
        _book = Path.Combine(_dir, "book.csv");
        File.WriteAllText(_messages, "34200.1,1,1,10,1000,1\n34200.2,1,2,10,1100,-1\n");
        File.WriteAllText(_book, "1200,5,1000,10\n1100,10,1000,10\n");
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Output, string Error) Invoke(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Program.Invoke(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Test]
    public void NoDateAnywhereIsAWarningCountedInTheReport()
    {
        var (code, output, error) = Invoke("import", "lobster", _messages, _book);
        Assert.That(code, Is.Not.EqualTo(ExitCodes.BadInput), error);
        Assert.That(error, Does.StartWith($"warning: {_messages}: the file name carries no date and no --date was given: the day is taken as 1970-01-01"));
        Assert.That(output, Does.Contain("warnings: 1 (no date: the day is 1970-01-01)"));
    }

    [Test]
    public void StrictRefusesADayWithoutADate()
    {
        var (code, output, error) = Invoke("import", "lobster", _messages, _book, "--strict");
        Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(error, Does.StartWith("error: ").And.Contain("--strict: nothing was run"));
        Assert.That(output, Is.Empty);
    }

    [Test]
    public void AGivenDateIsNoWarning()
    {
        var (_, output, error) = Invoke("import", "lobster", _messages, _book, "--date", "2012-06-21", "--strict");
        Assert.That(error, Does.Not.Contain("warning").And.Not.Contain("error: "));
        Assert.That(output, Does.Not.Contain("warnings:"));
    }

    [TestCase("--script")]
    [TestCase("--export-book")]
    public void AnOutputThatIsAnInputIsRefused(string option)
    {
        string before = File.ReadAllText(_book);
        var (code, _, error) = Invoke("import", "lobster", _messages, _book, "--date", "2012-06-21", option, _book);
        Assert.That(code, Is.EqualTo(ExitCodes.FileError));
        Assert.That(error, Does.Contain($"refusing to write {_book}: it is the input {_book}"));
        Assert.That(File.ReadAllText(_book), Is.EqualTo(before));
    }
}
