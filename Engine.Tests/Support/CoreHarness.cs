using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Events;
using TokenMatch.Markets;

namespace TokenMatch.Tests.Support;

/// <summary>
/// Builds a core with a standard market and accounts, runs commands and keeps their events.
/// Market 1 "LLM-L/2026-12": December 2026, tick 1,000, face 10,000,000, prices 1,000..20,000,000,
/// quantities 1..1,000,000 lots. Account 0 is the provider, 1 the fee account; traders from 10.
/// </summary>
public sealed class CoreHarness
{
    /// <summary>Cycle start: 2026-12-01T00:00:00Z.</summary>
    public static readonly long Start = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1_000_000;
    /// <summary>Cycle end: 2027-01-01T00:00:00Z.</summary>
    public static readonly long End = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1_000_000;
    /// <summary>The standard market's id.</summary>
    public const int MarketId = 1;
    /// <summary>Tick.</summary>
    public const long Tick = 1_000;
    /// <summary>Provider account.</summary>
    public const int Provider = 0;
    /// <summary>Fee account.</summary>
    public const int FeeAccount = 1;

    /// <summary>The core under test.</summary>
    public ExchangeCore Core { get; }
    /// <summary>Every event so far.</summary>
    public EventLog Log { get; } = new();
    /// <summary>The clock the next command is stamped with.</summary>
    public long Now { get; set; }
    private long _sequence;

    /// <summary>Creates the core, the house accounts and the standard market (open, decay <paramref name="curve"/>).</summary>
    public CoreHarness(CurveKind curve = CurveKind.None, long floor = 0, long halfLife = 0, long makerBps = 0, long takerBps = 0)
    {
        Core = new ExchangeCore(new CoreOptions());
        Now = Start;
        MustRun(Command.CreateAccount(Now, Provider, Tier.Trusted));
        MustRun(Command.CreateAccount(Now, FeeAccount, Tier.Trusted));
        MustRun(Command.SetHouse(Now, Provider, FeeAccount));
        MustRun(Command.CreateMarket(Now, MarketId, "LLM-L/2026-12", 1_000, Tick, 10_000_000, Tick, 20_000_000, 1, 1_000_000, Start, End));
        MustRun(Command.SetCurve(Now, MarketId, curve, floor, halfLife));
        MustRun(Command.SetFees(Now, MarketId, makerBps, takerBps));
        MustRun(Command.MarketState(Now, CommandType.OpenMarket, MarketId));
    }

    /// <summary>Creates a trader with credits and allocated lots in the standard market.</summary>
    public void Trader(int account, long credits = 1_000_000_000_000, long allocated = 10_000, Tier tier = Tier.Verified)
    {
        MustRun(Command.CreateAccount(Now, account, tier));
        if (credits > 0) MustRun(Command.Deposit(Now, account, credits));
        if (allocated > 0) MustRun(Command.Grant(Now, account, MarketId, Origin.Allocated, allocated));
    }

    /// <summary>Runs a command stamped <see cref="Now"/> (unless it carries a later time); returns its events.</summary>
    public (ResultCode Result, List<Event> Events) Run(Command command)
    {
        if (command.Timestamp == 0) command.Timestamp = Now;
        command.Sequence = ++_sequence;
        int before = Log.Events.Count;
        Core.Execute(ref command, Log);
        Core.ValidateInternalState();
        return (command.Result, Log.Events.Skip(before).ToList());
    }

    /// <summary>Runs a command that must be accepted.</summary>
    public List<Event> MustRun(Command command)
    {
        var (result, events) = Run(command);
        if (result != ResultCode.Ok) throw new InvalidOperationException($"{command.Type} rejected: {result}");
        return events;
    }

    /// <summary>Places a GTC limit order and returns its engine order id.</summary>
    public long Limit(int account, Side side, long price, long quantity, long clientId = 0, StpMode stp = StpMode.Default)
    {
        var events = MustRun(Command.Place(Now, account, MarketId, side, price, quantity, clientId: clientId, stp: stp));
        return events.First(e => e.Type == EventType.Accepted).OrderId;
    }

    /// <summary>Runs a command that must be rejected with <paramref name="expected"/>, asserting the state hash did not change.</summary>
    public void MustReject(Command command, ResultCode expected)
    {
        long at = command.Timestamp == 0 ? Now : command.Timestamp;
        MustRun(Command.Time(at));
        ulong before = Core.StateHash();
        var (result, events) = Run(command);
        NUnit.Framework.Assert.That(result, NUnit.Framework.Is.EqualTo(expected), $"{command.Type}");
        NUnit.Framework.Assert.That(Core.StateHash(), NUnit.Framework.Is.EqualTo(before), $"{command.Type} rejected with {result} but changed the state");
        NUnit.Framework.Assert.That(events.Select(e => e.Type), NUnit.Framework.Is.EqualTo(new[] { EventType.Rejected }));
    }
}
