using FsCheck;
using FsCheck.Fluent;
using TokenMatch.Cli;
using TokenMatch.Cli.Commands;
using TokenMatch.Cli.Simulation;
using TokenMatch.Commands;
using TokenMatch.Surveillance.Simulation;
using TokenMatch.Tests.Support;

namespace TokenMatch.Tests.Cli;

/// <summary>
/// <c>tokenmatch simulate</c> in-process: the same seed gives the same report, JSON and chart data;
/// seeds differ, reports differ; the conservation checks hold over FsCheck-chosen seeds and sizes and
/// fail when the engine's answers are off by one micro-credit or one lot; the bot farm's sells are all
/// rejected; the wash pair never trades with itself.
/// </summary>
public class SimulateTests
{
    private static PopulationOptions Small(ulong seed, int honest = 40, int bots = 12, bool bad = true) =>
        new() { Seed = seed, HonestUsers = honest, BotFarmSize = bots, PlantBadActors = bad };

    private static SimulationReport RunInProcess(PopulationOptions options, Func<int, SimAccountState?, SimAccountState?>? state = null) =>
        new InProcessSimulation(PopulationGenerator.Generate(options)).Run(6, state: state);

    private static (string Text, string Json, string Csv) Outputs(SimulationReport report)
    {
        var text = new StringWriter();
        report.WriteText(text);
        using var json = new MemoryStream();
        report.WriteJson(json);
        var csv = new StringWriter();
        ChartData.WriteCsv(csv, ChartData.Points(report));
        return (text.ToString(), System.Text.Encoding.UTF8.GetString(json.ToArray()), csv.ToString());
    }

    [Test]
    public void TheSameSeedGivesTheSameReportAndChartData()
    {
        var first = Outputs(RunInProcess(Small(7)));
        var second = Outputs(RunInProcess(Small(7)));
        Assert.That(second.Text, Is.EqualTo(first.Text));
        Assert.That(second.Json, Is.EqualTo(first.Json));
        Assert.That(second.Csv, Is.EqualTo(first.Csv));
        Assert.That(first.Text, Does.Contain("all checks hold"));
    }

    [Test]
    public void DifferentSeedsGiveDifferentReports()
    {
        var a = Outputs(RunInProcess(Small(7)));
        var b = Outputs(RunInProcess(Small(8)));
        Assert.That(b.Text, Is.Not.EqualTo(a.Text));
        Assert.That(b.Csv, Is.Not.EqualTo(a.Csv));
    }

    [Test]
    public void TheDefaultPopulationPassesEveryCheckAndTrades()
    {
        SimulationReport report = RunInProcess(new PopulationOptions { Seed = 3 });
        Assert.That(report.Checks.Where(c => !c.Passed), Is.Empty);
        Assert.That(report.Record.Markets[Population.MainMarket].Trades, Is.GreaterThan(100));
        Assert.That(report.Record.Markets[Population.MainMarket].BoughtBack, Is.GreaterThan(0), "seed 3 reaches the buyback");
        Assert.That(report.Record.Markets.Values.Sum(m => m.Expired), Is.GreaterThan(0), "the cycle end expires what is left");
    }

    [Test]
    public void ConservationHoldsOverChosenSeedsAndSizes()
    {
        var gen = from seed in Gen.Choose(1, 1_000_000)
                  from honest in Gen.Choose(0, 30)
                  from bots in Gen.Choose(0, 8)
                  from bad in Gen.Elements(true, false)
                  select Small((ulong)seed, honest, bots, bad);
        Check.One(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(25 * CommandGenerators.Multiplier).WithQuietOnSuccess(true),
            Prop.ForAll(Arb.From(gen), options =>
            {
                SimulationReport report = RunInProcess(options);
                Assert.That(report.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}"), Is.Empty, options.ToString());
            }));
    }

    [Test]
    public void OneMicroCreditTooManyFailsTheCreditChecks()
    {
        SimulationReport report = RunInProcess(Small(7), (account, s) =>
            account == PopulationGenerator.Fees && s is not null ? s with { Available = s.Available + 1 } : s);
        Assert.That(report.Passed, Is.False);
        string[] failed = report.Checks.Where(c => !c.Passed).Select(c => c.Name).ToArray();
        Assert.That(failed, Has.Some.StartsWith("credits: Σ(available + held)"));
        Assert.That(failed, Has.Some.StartsWith("fees:"));
        Assert.That(failed, Has.Some.StartsWith("credits per account"));
        var text = new StringWriter();
        report.WriteText(text);
        Assert.That(text.ToString(), Does.Contain("FAILED"));
    }

    [Test]
    public void OneLotMissingFailsTheTokenChecks()
    {
        int victim = PopulationGenerator.FirstHonest;
        SimulationReport report = RunInProcess(Small(7), (account, s) =>
            account == victim && s is not null ? s with { Lots = new Dictionary<int, long>(s.Lots) { [Population.MainMarket] = s.Lots.GetValueOrDefault(Population.MainMarket) - 1 } } : s);
        string[] failed = report.Checks.Where(c => !c.Passed).Select(c => c.Name).ToArray();
        Assert.That(failed, Has.Some.StartsWith($"tokens, market {Population.MainMarket}"));
        Assert.That(failed, Has.Some.StartsWith("tokens per account"));
    }

    [Test]
    public void EveryBotFarmSellIsRejected()
    {
        SimulationReport report = RunInProcess(Small(11, bots: 30));
        Assert.That(report.Record.BotSells.Sent, Is.GreaterThanOrEqualTo(30));
        Assert.That(report.Record.BotSells.Accepted, Is.Zero);
        Assert.That(report.Record.RejectionsByActor[ActorKind.TrialBot].Keys, Is.EquivalentTo(new[] { ResultCode.LotsNotSellable }));
        Assert.That(report.Record.Trades.Where(t => report.Record.KindOf(t.Seller) == ActorKind.TrialBot), Is.Empty);
    }

    [Test]
    public void TheWashPairNeverTradesWithItself()
    {
        SimulationReport report = RunInProcess(Small(12));
        Assert.That(report.Record.Trades.Where(t => report.Record.KindOf(t.Buyer) == ActorKind.WashPair && report.Record.KindOf(t.Seller) == ActorKind.WashPair), Is.Empty);
        Assert.That(report.Record.WashPairStpCancels, Is.EqualTo(6), "each of the six rounds is stopped by self-trade prevention");
    }

    [Test]
    public void TheCommandWritesItsFilesAndRefusesBadOptions()
    {
        string dir = Directory.CreateTempSubdirectory("simulate").FullName;
        try
        {
            var settings = new SimulateSettings
            {
                Population = Small(5), JsonPath = Path.Combine(dir, "r.json"), ChartDataPath = Path.Combine(dir, "c.csv"),
                ChartPath = Path.Combine(dir, "c.png"), Quiet = true,
            };
            var output = new StringWriter();
            var error = new StringWriter();
            Assert.That(SimulateCommand.Run(settings, output, error), Is.EqualTo(ExitCodes.Ok), error.ToString());
            Assert.That(File.ReadAllText(settings.JsonPath), Does.Contain("\"passed\": true"));
            Assert.That(File.ReadAllLines(settings.ChartDataPath)[0], Is.EqualTo("series,market,time_ns,price,quantity"));
            Assert.That(new FileInfo(settings.ChartPath).Length, Is.GreaterThan(1_000));

            Assert.That(SimulateCommand.Run(settings with { Phases = 0 }, output, error), Is.EqualTo(ExitCodes.Usage));
            Assert.That(SimulateCommand.Run(settings with { KeyFile = "k" }, output, error), Is.EqualTo(ExitCodes.Usage));
            Assert.That(SimulateCommand.Run(settings with { JsonPath = Path.Combine(dir, "no", "such", "r.json") }, output, error), Is.EqualTo(ExitCodes.FileError));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
