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

    private static readonly long[] Edges =
        [-1, 0, 1, 7, 1_000, 1_001, 10_000, 10_001, 1_000_000, 1_000_001, 1 << 20, 1_000_000_000_000, 1_000_000_000_001, long.MaxValue / 2, long.MaxValue];

    private static readonly string[] MarketFields =
        ["lotSize", "tick", "face", "minPrice", "maxPrice", "minQuantity", "maxQuantity", "floorPpm", "halfLife", "makerBps", "takerBps", "rateBps", "budgetLots"];

    private static MarketConfig With(MarketConfig m, string field, long v) => new()
    {
        Id = m.Id, Symbol = m.Symbol, ModelClass = m.ModelClass,
        LotSize = field == "lotSize" ? v : m.LotSize, Tick = field == "tick" ? v : m.Tick, Face = field == "face" ? v : m.Face,
        MinPrice = field == "minPrice" ? v : m.MinPrice, MaxPrice = field == "maxPrice" ? v : m.MaxPrice,
        MinQuantity = field == "minQuantity" ? v : m.MinQuantity, MaxQuantity = field == "maxQuantity" ? v : m.MaxQuantity,
        Decay = new DecayConfig { Kind = m.Decay.Kind, FloorPpm = field == "floorPpm" ? v : m.Decay.FloorPpm, HalfLife = field == "halfLife" ? v : m.Decay.HalfLife, Points = m.Decay.Points },
        Fees = new FeesConfig { MakerBps = field == "makerBps" ? v : m.Fees.MakerBps, TakerBps = field == "takerBps" ? v : m.Fees.TakerBps },
        Buyback = field is "rateBps" or "budgetLots"
            ? new BuybackConfig { RateBps = field == "rateBps" ? v : m.Buyback?.RateBps ?? 0, BudgetLots = field == "budgetLots" ? v : m.Buyback?.BudgetLots ?? 0 }
            : m.Buyback,
    };

    /// <summary>
    /// One market number of a valid configuration set to an edge value: the validator refuses it
    /// exactly when the engine would refuse the bootstrap (a valid file never half-starts a server, and
    /// no value the engine takes is refused), except values the bootstrap would silently ignore.
    /// </summary>
    [Test]
    public void A_market_value_is_refused_by_the_validator_exactly_when_the_engine_refuses_it()
    {
        var gen = from config in ConfigGenerators.Valid().Where(c => c.Markets.Count > 0)
                  from index in Gen.Choose(0, config.Markets.Count - 1)
                  from field in Gen.Elements(MarketFields)
                  from value in Gen.Elements(Edges)
                  select (config, index, field, value);
        Check.One(ConfigGenerators.Runs(200), Prop.ForAll(Arb.From(gen), sample =>
        {
            (ServeConfig c, int index, string field, long value) = sample;
            var markets = c.Markets.ToList();
            markets[index] = With(markets[index], field, value);
            var mutated = new ServeConfig
            {
                Listen = c.Listen, Tls = c.Tls, Journal = c.Journal, KeyFile = c.KeyFile, Cycle = c.Cycle, House = c.House, Limits = c.Limits,
                RateLimits = c.RateLimits, Markets = markets, DemoAccounts = c.DemoAccounts, ApiKeys = c.ApiKeys, Logging = c.Logging,
            };
            var errors = mutated.Validate().Select(e => e.ToString()).ToList();
            var rejected = ConfigGenerators.Bootstrap(mutated).Where(r => r.Result != ResultCode.Ok).Select(r => $"{r.Command}: {r.Result}").ToList();
            string both = $"markets[{index}].{field} = {value}: validator says [{string.Join("; ", errors)}], engine says [{string.Join("; ", rejected)}]";
            // A curve of kind none is never sent to the engine (DemoBootstrap), so a floor or half-life
            // there would be ignored without a word: the validator refuses it, the engine never sees it.
            bool ignoredByBootstrap = c.Markets[index].Decay.Kind == "none" && field is "floorPpm" or "halfLife";
            if (errors.Count == 0) Assert.That(rejected, Is.Empty, both);
            else if (!ignoredByBootstrap) Assert.That(rejected, Is.Not.Empty, both);
            Assert.That(errors, Has.All.StartWith($"markets[{index}]."), "only the changed market is wrong");
        }));
    }

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
