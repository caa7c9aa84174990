using FsCheck;
using FsCheck.Fluent;
using TokenMatch.Cli.Config;
using TokenMatch.Commands;

namespace TokenMatch.Tests.Cli.Config;

/// <summary>
/// Properties over generated valid configurations: they validate clean, survive JSON (serialise, read
/// back, equal), and their bootstrap is accepted whole by a real engine, which ties the validator's
/// ranges to the engine's own. The embedded default is checked the same way.
/// </summary>
public sealed class ConfigPropertyTests
{
    [Test]
    public void Any_valid_configuration_validates_clean() =>
        Check.One(ConfigGenerators.Runs(300), Prop.ForAll(Arb.From(ConfigGenerators.Valid()), config =>
            Assert.That(config.Validate().Select(e => e.ToString()), Is.Empty, config.ToJson())));

    [Test]
    public void Any_valid_configuration_round_trips_through_json() =>
        Check.One(ConfigGenerators.Runs(300), Prop.ForAll(Arb.From(ConfigGenerators.Valid()), config =>
        {
            string json = config.ToJson();
            ServeConfig back = ServeConfig.Parse(json);
            Assert.That(back.ToJson(), Is.EqualTo(json));
            Assert.That(back.Markets.Select(m => (m.Id, m.Symbol, m.Tick, m.Decay.Kind, m.Decay.Points.Count, m.Buyback?.BudgetLots)),
                Is.EqualTo(config.Markets.Select(m => (m.Id, m.Symbol, m.Tick, m.Decay.Kind, m.Decay.Points.Count, m.Buyback?.BudgetLots))));
            Assert.That(back.DemoAccounts.Select(a => (a.Id, a.Credits, a.Link, a.Grants.Count)),
                Is.EqualTo(config.DemoAccounts.Select(a => (a.Id, a.Credits, a.Link, a.Grants.Count))));
            Assert.That(back.Limits.TierCaps, Is.EquivalentTo(config.Limits.TierCaps));
            Assert.That(back.RateLimits.AccountRate, Is.EqualTo(config.RateLimits.AccountRate));
        }));

    [Test]
    public void The_engine_accepts_the_bootstrap_of_any_valid_configuration() =>
        Check.One(ConfigGenerators.Runs(200), Prop.ForAll(Arb.From(ConfigGenerators.Valid()), config =>
            Assert.That(ConfigGenerators.Bootstrap(config).Where(r => r.Result != ResultCode.Ok).Select(r => $"{r.Command}: {r.Result}"), Is.Empty, config.ToJson())));

    [Test]
    public void The_engine_accepts_the_default()
    {
        var results = ConfigGenerators.Bootstrap(ServeConfig.Default);
        Assert.That(results.Where(r => r.Result != ResultCode.Ok).Select(r => $"{r.Command}: {r.Result}"), Is.Empty);
        Assert.That(results.Count(r => r.Command.StartsWith("CreateMarket", StringComparison.Ordinal)), Is.EqualTo(2));
    }

    [Test]
    public void The_default_is_a_demo_of_two_model_classes_with_sqrt_decay()
    {
        ServeConfig d = ServeConfig.Default;
        Assert.That(d.Markets.Select(m => m.ModelClass).Distinct().Count(), Is.GreaterThanOrEqualTo(2));
        Assert.That(d.Markets.Select(m => m.Decay.Kind), Is.All.EqualTo("sqrt"));
        Assert.That(d.DemoAccounts.SelectMany(a => a.Grants).Select(g => g.Origin), Does.Contain("trial").And.Contain("paid"));
        Assert.That(d.Cycle.Length, Is.EqualTo("month"));
    }
}
