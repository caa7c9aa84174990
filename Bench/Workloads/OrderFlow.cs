using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Events;

namespace TokenMatch.Bench.Workloads;

/// <summary>
/// The one seeded generator of realistic order flow. It sets up <see cref="WorkloadMarket"/> with its
/// accounts (credits and allocated lots sized never to run out), pre-fills the book to
/// <see cref="WorkloadOptions.Depth"/> resting orders near the touch, and then writes batches of
/// commands (<see cref="Prepare"/>). Every command it writes is first run on its own <see cref="Shadow"/>
/// core, whose events tell it which orders are still live (fills and cancels remove them), so a cancel
/// or amend always hits a live order and every command is accepted (it throws if one is not).
/// A <see cref="Twin"/> core is kept in the same state: set-up and restores run on both, and a prepared
/// batch is meant to be replayed into the twin by the caller — the measured part — before the next call.
/// The core being deterministic, the replay is exactly the shadow's run (<see cref="TwinMatchesShadow"/>
/// checks it). Owned by one thread.
/// </summary>
public sealed partial class OrderFlow
{
    private readonly WorkloadOptions _options;
    private readonly ExchangeCore _shadow;
    private readonly ExchangeCore? _twin;
    private readonly EventRecorder _recorder = new();
    private readonly CountingSink _twinSink = new();
    private readonly LiveOrders _live;
    private readonly long _timeSpan;
    private WorkloadRandom _random;
    private long _issued;
    private long _nextClientId;
    private MixCounts _counts;

    /// <summary>Builds both cores, runs the set-up on them and pre-fills the book to the target depth.</summary>
    public OrderFlow(WorkloadOptions options)
    {
        if (options.Accounts < 2) throw new ArgumentException("at least two trader accounts are needed", nameof(options));
        if (options.Depth < 0) throw new ArgumentException("depth must not be negative", nameof(options));
        if (options.Markets < 1) throw new ArgumentException("at least one market is needed", nameof(options));
        if (options.Mix.Problem() is string problem) throw new ArgumentException($"mix {options.Mix}: {problem}", nameof(options));
        _options = options;
        _random = new WorkloadRandom(options.Seed);
        _timeSpan = (WorkloadMarket.CycleEnd - WorkloadMarket.CycleStart) / 10 * 9;
        _live = new LiveOrders(options.Depth + options.Depth / 2 + 1024);
        CoreOptions coreOptions = CoreOptionsFor(options);
        _shadow = new ExchangeCore(coreOptions);
        _twin = options.WithTwin ? new ExchangeCore(coreOptions) : null;

        foreach (Command c in WorkloadMarket.SetupCommands(options.Markets)) RunOnBoth(c, rests: false);
        long deposit = WorkloadMarket.DepositFor(options.Accounts);
        for (int n = 0; n < options.Accounts; n++)
        {
            int account = WorkloadMarket.Trader(n);
            RunOnBoth(Command.CreateAccount(0, account, Tier.Verified), rests: false);
            RunOnBoth(Command.Deposit(0, account, deposit), rests: false);
            for (int m = 0; m < options.Markets; m++)
                RunOnBoth(Command.Grant(0, account, m, Origin.Allocated, WorkloadMarket.GrantLots), rests: false);
        }
        for (int n = 0; n < options.Depth; n++) RunOnBoth(NewRestingPlace(n % 2 == 0 ? Side.Buy : Side.Sell), rests: true);
    }

    /// <summary>
    /// Core options sized for a workload: order slots and the order-id index for the depth plus head
    /// room (no growth in steady state), account slots for every account, the client id table for
    /// <see cref="WorkloadOptions.ClientIdCapacity"/> claims (small when orders carry none), the
    /// good-till-time queue for as many orders as may rest.
    /// </summary>
    public static CoreOptions CoreOptionsFor(WorkloadOptions options) => new()
    {
        InitialOrderCapacity = options.Depth + options.Depth / 2 + 65_536,
        InitialAccountCapacity = options.Accounts + WorkloadMarket.FirstTrader + 1,
        InitialClientIdCapacity = Math.Max(16, options.ClientIdCapacity),
        InitialGoodTillTimeCapacity = options.GoodTillTimePercent > 0 ? options.Depth + options.Depth / 2 + 65_536 : 16,
    };

    /// <summary>The options this flow was built with.</summary>
    public WorkloadOptions Options => _options;

    /// <summary>The core every generated command is first run on.</summary>
    public ExchangeCore Shadow => _shadow;

    /// <summary>The core kept in the shadow's state for measured replays (null when built without one).</summary>
    public ExchangeCore Twin => _twin ?? throw new InvalidOperationException("this flow was built without a twin");

    /// <summary>Orders resting now, as the events say.</summary>
    public int LiveCount => _live.Count;

    /// <summary>Commands issued so far (set-up included): the last sequence number used.</summary>
    public long Issued => _issued;

    /// <summary>Commands of each kind written into batches so far.</summary>
    public MixCounts Counts => _counts;

    /// <summary>True when the twin's state hash equals the shadow's (every prepared batch has been replayed).</summary>
    public bool TwinMatchesShadow() => _twin is not null && _twin.StateHash() == _shadow.StateHash();

    /// <summary>The timestamp of command <paramref name="i"/>: always later, never at the cycle end.</summary>
    public long TimeAt(long i) => WorkloadMarket.CycleStart + (long)((Int128)_timeSpan * i / (i + _options.HalfwayCommands));

    /// <summary>Stamps a command with the next sequence number and time, runs it on the shadow and follows its events.</summary>
    private void Issue(ref Command c, bool rests)
    {
        c.Sequence = ++_issued;
        c.Timestamp = TimeAt(_issued);
        _recorder.Clear();
        _shadow.Execute(ref c, _recorder);
        if (c.Result != ResultCode.Ok)
            throw new InvalidOperationException($"generated command {_issued} ({c.Type} by account {c.Account}, order {c.OrderId}) was rejected: {c.Result}");
        _options.Tap?.OnCommands(new ReadOnlySpan<Command>(in c), endOfBatch: false);
        Track(rests, c.Type == CommandType.Place && c.Tif == TimeInForce.GoodTillTime ? c.Arg : 0);
    }

    /// <summary>Issues a command on the shadow and runs the same command on the twin (set-up and restores: not measured).</summary>
    private void RunOnBoth(Command c, bool rests)
    {
        Issue(ref c, rests);
        if (_twin is null) return;
        Command copy = c;
        _twin.Execute(ref copy, _twinSink);
        if (copy.Result != c.Result) throw new InvalidOperationException($"twin diverged at command {c.Sequence}: {copy.Result} vs {c.Result}");
    }

    /// <summary>
    /// Follows the last command's events: a resting place becomes live (with its good-till-time expiry,
    /// <paramref name="expireAt"/>, 0 for none); fills, cancels (expiries too), amends and decrements update or remove.
    /// </summary>
    private void Track(bool rests, long expireAt)
    {
        foreach (ref readonly Event e in _recorder.Events)
        {
            switch (e.Type)
            {
                case EventType.Accepted when rests && e.Command == CommandType.Place:
                    _live.Add(e.OrderId, e.Account, e.Side, e.Price, e.Quantity, e.ClientId, expireAt);
                    rests = false;
                    break;
                case EventType.Trade:
                    _live.SetRemaining(e.OrderId, e.Remaining);
                    _live.Reduce(e.OtherOrderId, e.Quantity);
                    break;
                case EventType.Cancelled:
                    if (e.Reason == CancelReason.TimeExpiry) _counts.Expired++;
                    _live.Remove(e.OrderId);
                    break;
                case EventType.Amended:
                    _live.Amend(e.OrderId, e.Price, e.Quantity);
                    break;
                case EventType.Decremented:
                    _live.SetRemaining(e.OrderId, e.Remaining);
                    break;
            }
        }
    }
}
