using Microsoft.Extensions.Logging;
using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Pipeline;

namespace TokenMatch.Cli.Serve;

/// <summary>
/// The server's clock and cycle rollover, on its own thread (<c>tokenmatch-clock</c>, which owns every
/// mutable field here): every <see cref="Interval"/> it submits a <see cref="CommandType.Time"/>
/// command through the ring, so that good-till-time orders and cycle ends expire while no one trades
/// (the engine expires a market at its cycle end: orders cancelled, every account's lots there
/// expired, credits untouched). When the current cycle has ended it submits the next cycle's markets
/// and quota grants (<see cref="DemoBootstrap.Cycle"/>). Every change enters through the ring, so it
/// is journaled and a replay reproduces it exactly.
/// </summary>
public sealed class CycleClock : IDisposable
{
    private readonly EngineHost _host;
    private readonly DemoBootstrap _bootstrap;
    private readonly CycleSchedule _schedule;
    private readonly ILogger _log;
    private readonly Action<int, IReadOnlyList<(int Id, string Symbol)>>? _opened;
    private readonly CancellationTokenSource _stop = new();
    private Thread? _thread;
    private int _cycle;
    private long _cycleEnd;
    private bool _exhausted;
    private int _current;
    private bool _disposed;

    /// <summary>
    /// A clock for cycle <paramref name="cycle"/> ending at <paramref name="cycleEnd"/> (−1: no cycle
    /// to roll, only time); <paramref name="opened"/> hears of each new cycle's markets (on the clock thread).
    /// </summary>
    public CycleClock(EngineHost host, DemoBootstrap bootstrap, CycleSchedule schedule, int cycle, long cycleEnd,
        ILogger log, Action<int, IReadOnlyList<(int Id, string Symbol)>>? opened = null)
    {
        _host = host;
        _bootstrap = bootstrap;
        _schedule = schedule;
        _cycle = cycle;
        _cycleEnd = cycleEnd;
        _log = log;
        _opened = opened;
        _current = cycle;
    }

    /// <summary>How often a time command is submitted.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The cycle whose markets are current (any thread).</summary>
    public int CurrentCycle => Volatile.Read(ref _current);

    /// <summary>
    /// The latest cycle whose markets <paramref name="core"/> holds and its end, or null when it holds
    /// none of <paramref name="bootstrap"/>'s markets (an engine set up otherwise). Call it while no other
    /// thread touches the core (before the host starts).
    /// </summary>
    public static (int Cycle, long End)? FindCurrent(ExchangeCore core, DemoBootstrap bootstrap)
    {
        (int Cycle, long End)? found = null;
        for (int k = 0; k < bootstrap.MaxCycles; k++)
        {
            (int id, _) = bootstrap.MarketsOf(k).First();
            if (core.GetMarket(id) is not { } market) break;
            found = (k, market.CycleEnd);
        }
        return found;
    }

    /// <summary>Starts the clock thread.</summary>
    public void Start()
    {
        _thread = new Thread(Run) { Name = "tokenmatch-clock", IsBackground = true };
        _thread.Start();
    }

    private void Run()
    {
        CancellationToken stop = _stop.Token;
        while (!stop.WaitHandle.WaitOne(Interval))
        {
            try
            {
                Command done = _host.SubmitAsync(Command.Time(0)).AsTask().GetAwaiter().GetResult();
                if (done.Result == ResultCode.ShuttingDown) return;
                if (_cycleEnd >= 0 && !_exhausted && done.Timestamp >= _cycleEnd) Roll(done.Timestamp);
            }
            catch (Exception e) when (e is BootstrapException or InvalidOperationException)
            {
                _log.LogError("cycle clock: {Message}", e.Message);
                _exhausted = true;
            }
        }
    }

    private void Roll(long now)
    {
        int next = _cycle + 1;
        if (next >= _bootstrap.MaxCycles)
        {
            _log.LogError("cycle {Cycle} ended but the engine's market ids are used up: no further cycle opens", _cycle);
            _exhausted = true;
            return;
        }
        (long start, long end) = _schedule.Next(_cycleEnd, now);
        DemoBootstrap.ApplyAsync(_host, _bootstrap.Cycle(next, start, end)).GetAwaiter().GetResult();
        _cycle = next;
        _cycleEnd = end;
        Volatile.Write(ref _current, next);
        var markets = _bootstrap.MarketsOf(next).Select(m => (m.Id, m.Market.Symbol)).ToList();
        _log.LogInformation("cycle {Cycle} opened: {Start} to {End}, markets {Markets}", next,
            CycleSchedule.Format(start), CycleSchedule.Format(end), string.Join(", ", markets.Select(m => $"{m.Id} {m.Symbol}")));
        _opened?.Invoke(next, markets);
    }

    /// <summary>Stops the clock thread and waits for it (call before stopping the host).</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _stop.Cancel();
        _thread?.Join();
        _stop.Dispose();
    }
}
