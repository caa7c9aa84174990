using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Events;
using TokenMatch.Markets;
using TokenMatch.Surveillance.Simulation;

namespace TokenMatch.Cli.Simulation;

/// <summary>
/// Runs a population in-process on its simulated clock: every command, stamped with the
/// population's time, through a new <see cref="ExchangeCore"/> (deterministic: the output depends only
/// on the commands), then a <c>time</c> command at the cycle end so that the markets expire; then the
/// conservation checks against the engine's own queries. Single-threaded; a new instance per run.
/// </summary>
public sealed class InProcessSimulation : IEventSink
{
    private readonly Population _population;
    private readonly SimulationRecord _record;
    private readonly SortedDictionary<int, DecayCurve> _curves = new();

    /// <summary>Prepares a run of <paramref name="population"/>.</summary>
    public InProcessSimulation(Population population)
    {
        _population = population;
        _record = new SimulationRecord(population.Labels, PopulationGenerator.Provider, PopulationGenerator.Fees);
    }

    /// <summary>The engine (for tests and the state hash).</summary>
    public ExchangeCore Core { get; } = new();

    /// <summary>Commands to run, the closing <c>time</c> command included.</summary>
    public int Total => _population.Commands.Count + 1;

    /// <summary>
    /// Runs every command, calling <paramref name="progress"/> (commands done) every few thousand commands,
    /// then checks and reports. <paramref name="state"/>, for tests, stands between the engine's answers
    /// and the checks (a planted break); null reads the engine as it is.
    /// </summary>
    public SimulationReport Run(int phases, Action<int>? progress = null, Func<int, SimAccountState?, SimAccountState?>? state = null)
    {
        long end = _population.Options.CycleStart + _population.Options.CycleLength;
        long sequence = 0;
        int done = 0;
        foreach (Command c0 in _population.Commands.Append(Command.Time(end)))
        {
            Command c = c0;
            c.Sequence = sequence++;
            Core.Execute(ref c, this);
            if (c.Type == CommandType.Time) continue;
            if (c.Result == ResultCode.Ok) Accepted(in c);
            else _record.Rejected(in c, c.Result);
            if (++done % 4_096 == 0) progress?.Invoke(done);
        }
        progress?.Invoke(Total);

        var markets = new List<SimMarket>();
        foreach ((int id, DecayCurve curve) in _curves)
        {
            MarketView m = Core.GetMarket(id)!;
            markets.Add(SimMarket.FromCurve(id, m.Symbol, m.Face, m.Tick, m.CycleStart, m.CycleEnd, curve));
        }
        List<CheckResult> checks = ConservationChecks.Run(_record, a => state is null ? Read(a) : state(a, Read(a)));
        checks.AddRange(EngineChecks(markets));
        return new SimulationReport("in-process", _population.Options.Seed, _population, markets, _record, checks, Core.StateHash(), phases);
    }

    private void Accepted(in Command c)
    {
        _record.Accepted(in c);
        if (c.Type == CommandType.SetCurve)
        {
            var curve = new DecayCurve();
            curve.Set((CurveKind)c.Code, c.A0, c.A1);
            _curves[c.Market] = curve;
        }
        else if (c.Type == CommandType.AddCurvePoint) _curves[c.Market].TryAddPoint(c.A0, c.A1);
        else if (c.Type == CommandType.CreateMarket) _curves[c.Market] = new DecayCurve();
    }

    /// <summary>The engine's own cycle counters against the record, and every hold against the open buys.</summary>
    private IEnumerable<CheckResult> EngineChecks(List<SimMarket> markets)
    {
        foreach (SimMarket sm in markets)
        {
            MarketView m = Core.GetMarket(sm.Id)!;
            MarketTotals t = _record.Markets.GetValueOrDefault(sm.Id) ?? new MarketTotals();
            bool same = m.Granted == t.Granted && m.Consumed == t.Consumed && m.Expired == t.Expired && m.BoughtBack == t.BoughtBack && m.Retired == t.BoughtBack;
            yield return new CheckResult($"market {sm.Id}: engine counters (granted, consumed, expired, bought back, retired) = the run's record", same,
                $"{m.Granted}/{m.Consumed}/{m.Expired}/{m.BoughtBack}/{m.Retired} = {t.Granted}/{t.Consumed}/{t.Expired}/{t.BoughtBack}/{t.BoughtBack}");
        }
        var wrong = new List<int>();
        foreach (int a in _record.Accounts)
        {
            AccountView? v = Core.GetAccount(a);
            if (v is null) continue;
            long holds = Core.GetOpenOrders(a).Where(o => o.Side == Side.Buy).Sum(o => o.Remaining * o.HoldPerLot);
            if (a == _record.Provider)
                foreach (SimMarket sm in markets)
                    if (Core.GetBuybackOrder(sm.Id) is OrderView b) holds += b.Remaining * b.HoldPerLot;
            if (holds != v.Held) wrong.Add(a);
        }
        yield return new CheckResult("holds: every account's held credits = Σ open buys' remaining × hold per lot", wrong.Count == 0,
            wrong.Count == 0 ? "all accounts" : $"{wrong.Count} differ: {string.Join(' ', wrong.Take(10))}");
    }

    private SimAccountState? Read(int account)
    {
        AccountView? v = Core.GetAccount(account);
        if (v is null) return null;
        var lots = new SortedDictionary<int, long>();
        foreach (MarketLotsView l in v.Lots) lots[l.Market] = l.Free.Sum() + l.HeldAllocated;
        return new SimAccountState(v.Available, v.Held, v.Spent, v.OpenOrders, lots);
    }

    void IEventSink.OnEvents(ReadOnlySpan<Event> events)
    {
        foreach (ref readonly Event e in events)
        {
            switch (e.Type)
            {
                case EventType.Trade:
                    bool takerBuys = e.Side == Side.Buy;
                    int buyer = takerBuys ? e.OtherAccount : e.Account;
                    int seller = takerBuys ? e.Account : e.OtherAccount;
                    _record.Trade(new SimTrade(e.Market, e.Timestamp, e.Quantity, e.ExecPrice, buyer, seller, e.Fee, e.OtherFee,
                        buyer == PopulationGenerator.Provider));
                    break;
                case EventType.Cancelled:
                    _record.Cancelled(e.Account, e.Reason, e.Quantity);
                    break;
                case EventType.LotsExpired:
                    _record.Expired(e.Account, e.Market, e.Quantity);
                    break;
            }
        }
    }
}
