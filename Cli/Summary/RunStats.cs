using TokenMatch.Commands;
using TokenMatch.Events;
using TokenMatch.Formats.Scripts;

namespace TokenMatch.Cli.Summary;

/// <summary>
/// Everything the end-of-run summary reports, gathered as the script runs: an event sink (trades per
/// market, the accounts that traded, events by type) in front of the CSV writer, plus the result of
/// each command. Owned by the thread that runs the core.
/// </summary>
public sealed class RunStats : IEventSink
{
    private readonly EventCounter _counter;
    private readonly SortedDictionary<int, MarketStats> _markets = new();
    private readonly SortedSet<int> _traders = new();
    private readonly SortedDictionary<ResultCode, RejectionStats> _rejections = new();

    /// <summary>Counts and passes every event to <paramref name="next"/> when given.</summary>
    public RunStats(IEventSink? next) => _counter = new EventCounter(next);

    /// <summary>Events by type.</summary>
    public EventCounter Events => _counter;

    /// <summary>Commands accepted.</summary>
    public long Accepted { get; private set; }

    /// <summary>Commands rejected.</summary>
    public long Rejected { get; private set; }

    /// <summary>Markets with at least one trade, by id.</summary>
    public IEnumerable<MarketStats> Markets => _markets.Values;

    /// <summary>Accounts that were maker or taker of a trade, by id.</summary>
    public IReadOnlyCollection<int> Traders => _traders;

    /// <summary>Rejections by code, in code order.</summary>
    public IEnumerable<RejectionStats> Rejections => _rejections.Values;

    /// <summary>Records the outcome of the command of script line <paramref name="line"/>, with what failed when known.</summary>
    public void Record(int line, in Command command, string? detail = null)
    {
        if (command.Result == ResultCode.Ok)
        {
            Accepted++;
            return;
        }
        Rejected++;
        if (!_rejections.TryGetValue(command.Result, out RejectionStats? stats))
            _rejections[command.Result] = stats = new RejectionStats(command.Result);
        stats.Count++;
        if (stats.First.Count < RejectionStats.LinesKept) stats.First.Add((line, ScriptVerbs.Find(command.Type)?.Name ?? command.Type.ToString(), detail));
    }

    /// <inheritdoc />
    public void OnEvents(ReadOnlySpan<Event> events)
    {
        foreach (ref readonly Event e in events)
        {
            if (e.Type != EventType.Trade) continue;
            if (!_markets.TryGetValue(e.Market, out MarketStats? m)) _markets[e.Market] = m = new MarketStats(e.Market);
            m.Trades++;
            m.Volume += e.Quantity;
            m.Notional += (Int128)e.ExecPrice * e.Quantity;
            m.FteNotional += (Int128)e.Price * e.Quantity;
            m.Fees += (Int128)e.Fee + e.OtherFee;
            _traders.Add(e.Account);
            _traders.Add(e.OtherAccount);
        }
        _counter.OnEvents(events);
    }
}
