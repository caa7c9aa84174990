using TokenMatch.Cli;
using TokenMatch.Surveillance.Alerts;

namespace TokenMatch.Tests.Surveillance;

/// <summary><c>simulate</c> writes a script; <c>surveil</c> over it, or over its journal, gives the population's alerts; a bad config is refused clearly.</summary>
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
    [CancelAfter(120_000)]
    public void SurveilOverAJournalGivesTheSameAlertsAsOverItsScript()
    {
        string dir = Directory.CreateTempSubdirectory("surveil").FullName;
        try
        {
            string script = Path.Combine(dir, "pop.tm"), journal = Path.Combine(dir, "journal"), alerts = Path.Combine(dir, "alerts.jsonl");
            Assert.That(Program.Invoke(["simulate", "--seed", "3", "--script", script], TextWriter.Null, TextWriter.Null), Is.EqualTo(0));
            var error = new StringWriter();
            Assert.That(Program.Invoke(["run", script, "--journal", journal], TextWriter.Null, error), Is.EqualTo(0), error.ToString());
            var output = new StringWriter();
            Assert.That(Program.Invoke(["surveil", journal, "--alerts", alerts], output, error), Is.EqualTo(0), error.ToString());
            IReadOnlyList<Alert> written = AlertLog.Read(new StringReader(File.ReadAllText(alerts)));
            Assert.That(written.Select(AlertLog.ToLine), Is.EqualTo(PopulationRun.Run(3).Alerts.Select(AlertLog.ToLine)));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Test]
    public void ABadConfigIsRefusedWithItsReason()
    {
        string dir = Directory.CreateTempSubdirectory("surveil").FullName;
        try
        {
            string script = Path.Combine(dir, "s.tm"), config = Path.Combine(dir, "c.json");
            File.WriteAllText(script, "2026-12-01T00:00:00Z create-account account=5\n");
            File.WriteAllText(config, """{ "velocity": { "factr": 1 } }""");
            var error = new StringWriter();
            Assert.That(Program.Invoke(["surveil", script, "--config", config], TextWriter.Null, error), Is.EqualTo(2));
            Assert.That(error.ToString(), Does.Contain("factr"));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
