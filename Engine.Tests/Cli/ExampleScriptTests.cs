using NUnit.Framework;
using TokenMatch.Cli;
using TokenMatch.Cli.Commands;

namespace TokenMatch.Tests.Cli;

/// <summary>
/// Runs every example script under docs/examples/ with <c>tokenmatch run</c> and compares its events
/// with the hand-checked expected file beside it (<c>NAME.events.csv</c> for <c>NAME.tms</c>).
/// </summary>
public sealed class ExampleScriptTests
{
    private static string ExamplesDirectory()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TokenMatch.sln")))
                return Path.Combine(dir.FullName, "docs", "examples");
        throw new DirectoryNotFoundException("no TokenMatch.sln above the test directory");
    }

    /// <summary>The path of one example script (or its expected events).</summary>
    public static string Example(string name) => Path.Combine(ExamplesDirectory(), name);

    private static IEnumerable<TestCaseData> Examples() =>
        Directory.GetFiles(ExamplesDirectory(), "*.tms").Order(StringComparer.Ordinal)
            .Select(path => new TestCaseData(path).SetName("Example " + Path.GetFileName(path)));

    [Test]
    public void ThereAreExamples() => Assert.That(Examples().Count(), Is.GreaterThanOrEqualTo(1));

    [TestCaseSource(nameof(Examples))]
    public void RunsAndProducesTheExpectedEvents(string script)
    {
        string expectedPath = Path.ChangeExtension(script, ".events.csv");
        Assert.That(File.Exists(expectedPath), Is.True,
            $"missing {expectedPath}: generate it with `tokenmatch run {script} --events {expectedPath}` and check it by hand");
        string actualPath = Path.Combine(Path.GetTempPath(), $"tokenmatch-example-{Guid.NewGuid():N}.csv");
        try
        {
            var output = new StringWriter();
            var error = new StringWriter();
            int code = RunCommand.Run(new FileInfo(script), new FileInfo(actualPath), output, error);
            Assert.That(code, Is.EqualTo(ExitCodes.Ok), error.ToString());
            string[] outputLines = output.ToString().TrimEnd().Split('\n');
            Assert.That(outputLines[^1].TrimEnd('\r'), Does.Match("^state hash: [0-9a-f]{16}$"));

            string[] expected = File.ReadAllLines(expectedPath);
            string[] actual = File.ReadAllLines(actualPath);
            for (int i = 0; i < Math.Min(expected.Length, actual.Length); i++)
                Assert.That(actual[i], Is.EqualTo(expected[i]), $"{Path.GetFileName(expectedPath)} line {i + 1}");
            Assert.That(actual, Has.Length.EqualTo(expected.Length), "number of event rows");
        }
        finally
        {
            File.Delete(actualPath);
        }
    }
}
