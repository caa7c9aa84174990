using TokenMatch.Commands;
using TokenMatch.Markets;

namespace TokenMatch.Bench.Workloads;

/// <summary>
/// The one market every workload trades: "LLM-L/2026-12", December 2026, sqrt decay to a 10% floor,
/// maker 5 bps and taker 10 bps, tick 100 micro-credits over 100..20,000,000 (200,000 levels), face and
/// mid price 10,000,000. Account 0 is the provider, 1 the fee account, traders from 2.
/// </summary>
public static class WorkloadMarket
{
    /// <summary>Market id.</summary>
    public const int Id = 0;
    /// <summary>Symbol.</summary>
    public const string Symbol = "LLM-L/2026-12";
    /// <summary>Provider account.</summary>
    public const int Provider = 0;
    /// <summary>Fee account.</summary>
    public const int FeeAccount = 1;
    /// <summary>First trader account.</summary>
    public const int FirstTrader = 2;
    /// <summary>Tokens per lot.</summary>
    public const long LotSize = 1_000;
    /// <summary>Price tick (micro-credits per lot).</summary>
    public const long Tick = 100;
    /// <summary>Lowest FTE price.</summary>
    public const long MinPrice = Tick;
    /// <summary>Highest FTE price.</summary>
    public const long MaxPrice = 20_000_000;
    /// <summary>Face value per lot.</summary>
    public const long Face = 10_000_000;
    /// <summary>The price bids stay below and asks above, so that resting orders never cross.</summary>
    public const long Mid = 10_000_000;
    /// <summary>Largest order quantity (lots).</summary>
    public const long MaxQuantity = 1_000_000;
    /// <summary>Sqrt decay floor (ppm).</summary>
    public const long DecayFloor = 100_000;
    /// <summary>Maker fee (bps).</summary>
    public const long MakerBps = 5;
    /// <summary>Taker fee (bps).</summary>
    public const long TakerBps = 10;
    /// <summary>Allocated lots granted to each trader: far more than any run sells.</summary>
    public const long GrantLots = 1_000_000_000;

    /// <summary>Cycle start: 2026-12-01T00:00:00Z in ns.</summary>
    public static readonly long CycleStart = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1_000_000;

    /// <summary>Cycle end: 2027-01-01T00:00:00Z in ns.</summary>
    public static readonly long CycleEnd = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1_000_000;

    /// <summary>
    /// Credits deposited to each trader: as much as keeps the engine-wide deposit total (bounded by
    /// <see cref="long.MaxValue"/>) a quarter full, capped at 10⁹ credits; at a million accounts that is
    /// still about 230,000 lots bought at face value per account.
    /// </summary>
    public static long DepositFor(int accounts) => Math.Min(1_000_000_000_000_000, long.MaxValue / 4 / Math.Max(1, accounts + FirstTrader));

    /// <summary>The account of trader <paramref name="n"/> (0-based).</summary>
    public static int Trader(int n) => FirstTrader + n;

    /// <summary>The FTE price <paramref name="ticks"/> ticks from the mid on a side's own side (below for a buy, above for a sell).</summary>
    public static long PriceAway(Side side, int ticks) => side == Side.Buy ? Mid - ticks * Tick : Mid + ticks * Tick;

    /// <summary>The symbol of market <paramref name="id"/>: <see cref="Symbol"/> for the first, then LLM-M1/2026-12, …</summary>
    public static string SymbolOf(int id) => id == Id ? Symbol : $"LLM-M{id}/2026-12";

    /// <summary>The house and market set-up, in order (timestamps left for the caller to stamp): markets 0..<paramref name="markets"/>-1, all alike.</summary>
    public static Command[] SetupCommands(int markets = 1)
    {
        var setup = new List<Command>
        {
            Command.CreateAccount(0, Provider, Tier.Trusted),
            Command.CreateAccount(0, FeeAccount, Tier.Trusted),
            Command.SetHouse(0, Provider, FeeAccount),
        };
        for (int m = 0; m < markets; m++)
        {
            setup.Add(Command.CreateMarket(0, m, SymbolOf(m), LotSize, Tick, Face, MinPrice, MaxPrice, 1, MaxQuantity, CycleStart, CycleEnd));
            setup.Add(Command.SetCurve(0, m, CurveKind.Sqrt, DecayFloor));
            setup.Add(Command.SetFees(0, m, MakerBps, TakerBps));
            setup.Add(Command.MarketState(0, CommandType.OpenMarket, m));
        }
        return [.. setup];
    }
}
