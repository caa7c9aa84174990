using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using TokenMatch.Cli.Summary;
using TokenMatch.Commands;
using TokenMatch.Protocol;
using TokenMatch.Surveillance.Simulation;

namespace TokenMatch.Cli.Simulation;

/// <summary>
/// The end-of-run report of <c>tokenmatch simulate</c> (docs/simulate.md): the population, per market
/// trades, volume and average executed price per phase against the decay curve, the buyback, the
/// rejections by code and by who sent them, self-trade prevention on the wash pair, and the
/// conservation checks. Text for people, JSON (<c>--json</c>) with the same figures as integers.
/// Nothing in it depends on the wall clock, so the same seed gives the same report.
/// </summary>
public sealed class SimulationReport
{
    /// <summary>Exit code of a run whose checks failed (the report says which, marked FAILED).</summary>
    public const int ChecksFailedExit = 5;

    /// <summary>Creates a report; <paramref name="hash"/> is the engine's state hash (in-process) or the server's.</summary>
    public SimulationReport(string mode, ulong seed, Population population, IReadOnlyList<SimMarket> markets,
        SimulationRecord record, IReadOnlyList<CheckResult> checks, ulong? hash, int phases)
    {
        Mode = mode;
        Seed = seed;
        Population = population;
        Markets = markets;
        Record = record;
        Checks = checks;
        Hash = hash;
        Phases = markets.ToDictionary(m => m.Id, m => PhaseStats.Of(m, record.Trades, phases));
    }

    /// <summary>"in-process" or "connected to host:port".</summary>
    public string Mode { get; }
    /// <summary>Seed.</summary>
    public ulong Seed { get; }
    /// <summary>The population run.</summary>
    public Population Population { get; }
    /// <summary>The markets, in report order.</summary>
    public IReadOnlyList<SimMarket> Markets { get; }
    /// <summary>The run's record.</summary>
    public SimulationRecord Record { get; }
    /// <summary>The checks.</summary>
    public IReadOnlyList<CheckResult> Checks { get; }
    /// <summary>State hash at the end, when known.</summary>
    public ulong? Hash { get; }
    /// <summary>Phase statistics per market id.</summary>
    public IReadOnlyDictionary<int, List<PhaseStats>> Phases { get; }

    /// <summary>True when every check holds.</summary>
    public bool Passed => Checks.All(c => c.Passed);

    /// <summary>Writes the text report.</summary>
    public void WriteText(TextWriter o)
    {
        o.WriteLine($"simulate, seed {Seed} ({Mode}): {Record.Commands} commands, {Population.Labels.Count} accounts");
        foreach (var kind in Population.Labels.GroupBy(l => l.Value).OrderBy(g => g.Key))
            o.WriteLine($"  {Kind(kind.Key),-16} {kind.Count(),7}");
        foreach (SimMarket m in Markets)
        {
            MarketTotals t = Record.Markets.GetValueOrDefault(m.Id) ?? new MarketTotals();
            o.WriteLine();
            o.WriteLine($"market {m.Id} {m.Symbol}: face {Units.Credits(m.Face)}, {Units.Count(t.Trades)} trades, {Units.Count(t.Lots)} lots, volume {Units.Credits(t.Volume)}, fees {Units.Credits(t.Fees)}");
            o.WriteLine($"  buyback: {Units.Count(t.BoughtBack)} lots for {Units.Credits(t.BuybackSpend)}{Average(t.BuybackSpend, t.BoughtBack)}");
            o.WriteLine($"  lots: granted {Units.Count(t.Granted)}, consumed {Units.Count(t.Consumed)}, expired {Units.Count(t.Expired)}, bought back {Units.Count(t.BoughtBack)}");
            o.WriteLine("  phase from(cycle)  trades     lots   avg exec   avg fair  exec/fair  fair at middle");
            foreach (PhaseStats p in Phases[m.Id])
                o.WriteLine($"  {p.Phase,5}  {Day(m, p.From),9}  {p.Trades,6} {p.Lots,8} {Units.Credits(p.AverageExec),10} {Units.Credits(p.AverageFair),10} {Ppm(p),9} {Units.Credits(p.FairAtMiddle),15}");
        }
        o.WriteLine();
        o.WriteLine("rejections by result code:");
        foreach ((ResultCode code, long n) in Record.Rejections) o.WriteLine($"  {ResultCodeNames.Name(code),-26} {n,7}");
        o.WriteLine("rejections by sender:");
        foreach ((ActorKind kind, var byCode) in Record.RejectionsByActor)
            o.WriteLine($"  {Kind(kind),-16} {string.Join(", ", byCode.Select(kv => $"{ResultCodeNames.Name(kv.Key)} {kv.Value}"))}");
        o.WriteLine("cancels by reason:");
        foreach ((CancelReason reason, (long count, long lots)) in Record.Cancels) o.WriteLine($"  {reason,-16} {count,7} orders {lots,9} lots");
        o.WriteLine($"wash pair: {Record.WashPairStpCancels} self-trade cancels");
        o.WriteLine();
        o.WriteLine("checks:");
        foreach (CheckResult c in Checks) o.WriteLine($"  {(c.Passed ? "ok    " : "FAILED")} {c.Name}: {c.Detail}");
        if (Hash is ulong h) o.WriteLine($"state hash: {h:x16}");
        o.WriteLine(Passed ? "all checks hold" : "FAILED: a check does not hold");
    }

    /// <summary>Writes the JSON report.</summary>
    public void WriteJson(Stream stream)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("mode", Mode);
        w.WriteNumber("seed", Seed);
        w.WriteNumber("commands", Record.Commands);
        w.WriteStartObject("accounts");
        foreach (var kind in Population.Labels.GroupBy(l => l.Value).OrderBy(g => g.Key)) w.WriteNumber(Kind(kind.Key), kind.Count());
        w.WriteEndObject();
        w.WriteStartArray("markets");
        foreach (SimMarket m in Markets)
        {
            MarketTotals t = Record.Markets.GetValueOrDefault(m.Id) ?? new MarketTotals();
            w.WriteStartObject();
            w.WriteNumber("market", m.Id);
            w.WriteString("symbol", m.Symbol);
            w.WriteNumber("face", m.Face);
            w.WriteNumber("trades", t.Trades);
            w.WriteNumber("lots", t.Lots);
            w.WriteNumber("volume", t.Volume);
            w.WriteNumber("fees", t.Fees);
            w.WriteNumber("granted", t.Granted);
            w.WriteNumber("consumed", t.Consumed);
            w.WriteNumber("expired", t.Expired);
            w.WriteNumber("bought_back", t.BoughtBack);
            w.WriteNumber("buyback_spend", t.BuybackSpend);
            w.WriteStartArray("phases");
            foreach (PhaseStats p in Phases[m.Id])
            {
                w.WriteStartObject();
                w.WriteNumber("phase", p.Phase);
                w.WriteNumber("from", p.From);
                w.WriteNumber("to", p.To);
                w.WriteNumber("trades", p.Trades);
                w.WriteNumber("lots", p.Lots);
                w.WriteNumber("average_exec", p.AverageExec);
                w.WriteNumber("average_fair", p.AverageFair);
                w.WriteNumber("exec_to_fair_ppm", p.ExecToFairPpm);
                w.WriteNumber("fair_at_middle", p.FairAtMiddle);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("rejections");
        foreach ((ResultCode code, long n) in Record.Rejections) w.WriteNumber(ResultCodeNames.Name(code), n);
        w.WriteEndObject();
        w.WriteStartObject("rejections_by_sender");
        foreach ((ActorKind kind, var byCode) in Record.RejectionsByActor)
        {
            w.WriteStartObject(Kind(kind));
            foreach ((ResultCode code, long n) in byCode) w.WriteNumber(ResultCodeNames.Name(code), n);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteStartObject("cancels");
        foreach ((CancelReason reason, (long count, long lots)) in Record.Cancels)
        {
            w.WriteStartObject(reason.ToString());
            w.WriteNumber("orders", count);
            w.WriteNumber("lots", lots);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteNumber("wash_pair_stp_cancels", Record.WashPairStpCancels);
        w.WriteStartObject("bot_sells");
        w.WriteNumber("sent", Record.BotSells.Sent);
        w.WriteNumber("accepted", Record.BotSells.Accepted);
        w.WriteEndObject();
        w.WriteStartArray("checks");
        foreach (CheckResult c in Checks)
        {
            w.WriteStartObject();
            w.WriteString("check", c.Name);
            w.WriteBoolean("passed", c.Passed);
            w.WriteString("detail", c.Detail);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteBoolean("passed", Passed);
        if (Hash is ulong h) w.WriteString("state_hash", h.ToString("x16", CultureInfo.InvariantCulture));
        w.WriteEndObject();
    }

    private static string Kind(ActorKind kind) => kind switch
    {
        ActorKind.House => "house",
        ActorKind.HonestSeller => "honest-seller",
        ActorKind.HonestBuyer => "honest-buyer",
        ActorKind.TrialBot => "trial-bot",
        ActorKind.WashPair => "wash-pair",
        ActorKind.Colluder => "colluder",
        ActorKind.Spoofer => "spoofer",
        ActorKind.VelocityBurst => "velocity-burst",
        _ => kind.ToString(),
    };

    private static string Average(long value, long lots) => lots == 0 ? "" : $" (average {Units.Credits(value / lots)} per lot)";

    private static string Day(SimMarket m, long t) =>
        ((long)((Int128)(t - m.Start) * 100 / Math.Max(1, m.End - m.Start))).ToString(CultureInfo.InvariantCulture) + "%";

    private static string Ppm(PhaseStats p) => p.Lots == 0 ? "-" : $"{p.ExecToFairPpm / 10_000}.{p.ExecToFairPpm / 100 % 100:00}%";
}
