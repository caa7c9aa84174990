using FsCheck;
using FsCheck.Fluent;
using TokenMatch.Commands;
using TokenMatch.Markets;

namespace TokenMatch.Tests.Pipeline.Support;

/// <summary>
/// Settings (house, a linear-decay market, five funded traders) and a generator of trading traffic
/// for them: places of every type, cancels and amends of likely order ids, mass cancels,
/// consumption and heartbeats. Timestamps are left zero: the pipeline (or the direct run) stamps them.
/// </summary>
internal static class TradingScenario
{
    /// <summary>Cycle start: 2026-12-01T00:00:00Z.</summary>
    public static readonly long Start = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1_000_000;

    /// <summary>Cycle end: 2027-01-01T00:00:00Z.</summary>
    public static readonly long End = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1_000_000;

    /// <summary>The market's id.</summary>
    public const int Market = 1;

    private const long Face = 10_000_000;
    private const long Tick = 1_000;
    private const int FirstTrader = 10;
    private const int Traders = 5;

    /// <summary>The admin commands that set the engine up.</summary>
    public static Command[] Settings()
    {
        var settings = new List<Command>
        {
            Command.CreateAccount(0, 0, Tier.Trusted),
            Command.CreateAccount(0, 1, Tier.Trusted),
            Command.SetHouse(0, 0, 1),
            Command.CreateMarket(0, Market, "LLM-L/2026-12", 1_000, Tick, Face, Tick, 2 * Face, 1, 1_000_000, Start, End),
            Command.SetCurve(0, Market, CurveKind.Linear, 100_000),
            Command.SetFees(0, Market, 10, 20),
            Command.MarketState(0, CommandType.OpenMarket, Market),
            Command.Deposit(0, 0, 1_000_000_000_000),
            Command.SetBuyback(0, Market, 2_000, 50),
        };
        for (int a = FirstTrader; a < FirstTrader + Traders; a++)
        {
            settings.Add(Command.CreateAccount(0, a, Tier.Verified));
            settings.Add(Command.Deposit(0, a, 100_000_000_000));
            settings.Add(Command.Grant(0, a, Market, Origin.Allocated, 500));
            settings.Add(Command.Grant(0, a, Market, Origin.Trial, 20));
        }
        return [.. settings];
    }

    /// <summary>Trading traffic: up to the generator's size in commands.</summary>
    public static Gen<Command[]> Traffic() => OneCommand().ArrayOf();

    private static Gen<Command> OneCommand() => Gen.Frequency(
        (8, Place()),
        (3, Gen.Choose(1, 60).Select(id => new Command { Type = CommandType.Cancel, Account = 0, OrderId = id })
            .SelectMany(c => Account().Select(a => { c.Account = a; return c; }))),
        (2, Amend()),
        (1, Account().Select(a => Command.MassCancel(0, a, Market))),
        (1, Account().SelectMany(a => Gen.Choose(1, 15).Select(q => Command.Consume(0, a, Market, q)))),
        (1, Gen.Constant(Command.Time(0))));

    private static Gen<int> Account() => Gen.Choose(FirstTrader, FirstTrader + Traders - 1);

    private static Gen<Command> Place() =>
        from account in Account()
        from side in Gen.Elements(Side.Buy, Side.Sell)
        from level in Gen.Choose(-8, 8)
        from quantity in Gen.Choose(1, 40)
        from kind in Gen.Choose(0, 9)
        select Command.Place(0, account, Market, side, Face + level * 50 * Tick, quantity,
            type: kind switch { 7 => OrderType.Market, 8 => OrderType.PostOnly, _ => OrderType.Limit },
            tif: kind switch { 5 => TimeInForce.Ioc, 6 => TimeInForce.Fok, _ => TimeInForce.Default },
            stp: kind == 4 ? StpMode.DecrementAndCancel : StpMode.Default);

    private static Gen<Command> Amend() =>
        from account in Account()
        from id in Gen.Choose(1, 60)
        from quantity in Gen.Choose(0, 40)
        from level in Gen.Choose(-8, 8)
        select Command.Amend(0, account, id, quantity, level == 0 ? 0 : Face + level * 50 * Tick);
}
