using TokenMatch.Cli;
using TokenMatch.Surveillance.Alerts;

namespace TokenMatch.Tests.Surveillance;

/// <summary><c>simulate</c> writes a script; <c>surveil</c> over it gives the population's alerts; bad input is refused clearly.</summary>
public sealed class SurveilCommandTests
{
    [Test]
    [CancelAfter(60_000)]
    public void SurveilOverTheSimulatedScriptGivesTheSameAlertsAsTheLibrary()
    {
        string dir = Directory.CreateTempSubdirectory("surveil").FullName;
        try
        {
            string script = Path.Combine(dir, "pop.tm"), alerts = Path.Combine(dir, "alerts.jsonl");
            var output = new StringWriter();
            Assert.That(Program.Invoke(["simulate", "--seed", "3", "--script", script], output, TextWriter.Null), Is.EqualTo(0));
            output = new StringWriter();
            Assert.That(Program.Invoke(["surveil", script, "--alerts", alerts], output, TextWriter.Null), Is.EqualTo(0));
            IReadOnlyList<Alert> written = AlertLog.Read(new StringReader(File.ReadAllText(alerts)));
            Assert.That(written.Select(AlertLog.ToLine), Is.EqualTo(PopulationRun.Run(3).Alerts.Select(AlertLog.ToLine)));
            Assert.That(output.ToString(), Does.Contain("collusion").And.Contain("sybil").And.Contain("state hash: "));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Test]
    public void AJournalDirectoryOrABadConfigIsRefusedWithItsReason()
    {
        string dir = Directory.CreateTempSubdirectory("surveil").FullName;
        try
        {
            var error = new StringWriter();
            Assert.That(Program.Invoke(["surveil", dir], TextWriter.Null, error), Is.EqualTo(2));
            Assert.That(error.ToString(), Does.Contain("journal"));
            string script = Path.Combine(dir, "s.tm"), config = Path.Combine(dir, "c.json");
            File.WriteAllText(script, "2026-12-01T00:00:00Z create-account account=5\n");
            File.WriteAllText(config, """{ "velocity": { "factr": 1 } }""");
            error = new StringWriter();
            Assert.That(Program.Invoke(["surveil", script, "--config", config], TextWriter.Null, error), Is.EqualTo(2));
            Assert.That(error.ToString(), Does.Contain("factr"));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
