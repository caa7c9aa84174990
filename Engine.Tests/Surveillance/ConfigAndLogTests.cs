using System.Text.Json;
using TokenMatch.Surveillance.Alerts;
using TokenMatch.Surveillance.Config;

namespace TokenMatch.Tests.Surveillance;

/// <summary>Thresholds load from JSON with clear errors; the alert log is JSON lines that read back equal.</summary>
public sealed class ConfigAndLogTests
{
    [Test]
    public void APartialJsonOverridesOnlyWhatItNames()
    {
        var config = SurveillanceConfig.FromJson("""
            // a compliance team's tuning
            { "collusion": { "deviationPpm": 200000, "response": "freeze" }, "velocity": { "enabled": false }, }
            """);
        Assert.That(config.Collusion.DeviationPpm, Is.EqualTo(200_000));
        Assert.That(config.Collusion.Response, Is.EqualTo(AutoResponse.Freeze));
        Assert.That(config.Collusion.MinTrades, Is.EqualTo(new CollusionConfig().MinTrades));
        Assert.That(config.Velocity.Enabled, Is.False);
        Assert.That(config.Sybil, Is.EqualTo(new SybilConfig()));
        Assert.That(SurveillanceConfig.FromJson(config.ToJson()), Is.EqualTo(config).Using<SurveillanceConfig>((a, b) => a.ToJson() == b.ToJson()));
    }

    [Test]
    public void AnUnknownFieldOrAValueOutOfRangeIsRefusedByName()
    {
        var unknown = Assert.Throws<JsonException>(() => SurveillanceConfig.FromJson("""{ "collusion": { "deviation": 5 } }"""));
        Assert.That(unknown!.Message, Does.Contain("deviation"));
        var range = Assert.Throws<ArgumentException>(() => SurveillanceConfig.FromJson("""{ "spoofing": { "minEpisodes": 0 } }"""));
        Assert.That(range!.Message, Does.Contain("spoofing.minEpisodes"));
    }

    [Test]
    public void TheAlertLogIsJsonLinesThatReadBackEqual()
    {
        var (_, alerts, _, _) = PopulationRun.Run(3);
        var text = new StringWriter();
        using (var log = new AlertLog(text))
            foreach (Alert a in alerts) log.OnAlert(a);
        string[] lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(alerts.Count));
        IReadOnlyList<Alert> back = AlertLog.Read(new StringReader(text.ToString()));
        Assert.That(back.Select(AlertLog.ToLine), Is.EqualTo(alerts.Select(AlertLog.ToLine)));
        Assert.That(lines[0], Does.StartWith("{\"id\":1,\"detector\":"));
    }
}
