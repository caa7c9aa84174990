using TokenMatch.Commands;
using TokenMatch.Markets;

namespace TokenMatch.Bench.Pipeline;

/// <summary>
/// A steady trading mix for the pipeline benchmarks, seeded and reproducible: traders place limit
/// orders around the mid (some crossing, so trades happen) and cancel, by client id, the order
/// they placed <see cref="Depth"/> places earlier, so the book's depth stays constant. The market's
/// cycle spans the present, since the pipeline stamps commands with the wall clock. Not thread-safe:
/// one producer thread calls <see cref="Next"/>.
/// </summary>
public sealed class TradingWorkload
{
    /// <summary>The market's id.</summary>
    public const int Market = 1;

    private const int FirstTrader = 10;
    private const long Face = 10_000_000;
    private const long Tick = 1_000;

    private readonly int _traders;
    private readonly long[] _nextClientId;
    private readonly Random _random;
    private long _count;

    /// <summary>Creates the mix for <paramref name="traders"/> traders.</summary>
    public TradingWorkload(int traders = 100, int seed = 42)
    {
        _traders = traders;
        _nextClientId = new long[traders];
        _random = new Random(seed);
    }

    /// <summary>Resting orders kept per trader before it starts cancelling its oldest.</summary>
    public int Depth { get; init; } = 100;

    /// <summary>The admin commands that set the engine up: house, an open market around now, funded traders.</summary>
    public Command[] Settings()
    {
        long now = (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) * 100;
        long day = 86_400_000_000_000;
        var settings = new List<Command>
        {
            Command.CreateAccount(0, 0, Tier.Trusted),
            Command.CreateAccount(0, 1, Tier.Trusted),
            Command.SetHouse(0, 0, 1),
            Command.CreateMarket(0, Market, "LLM-L/BENCH", 1_000, Tick, Face, Tick, 2 * Face, 1, 1_000_000, now - day, now + 365 * day),
            Command.SetFees(0, Market, 5, 10),
            Command.MarketState(0, CommandType.OpenMarket, Market),
        };
        for (int a = 0; a < _traders; a++)
        {
            settings.Add(Command.CreateAccount(0, FirstTrader + a, Tier.Trusted));
            settings.Add(Command.Deposit(0, FirstTrader + a, long.MaxValue / 4 / _traders));
            settings.Add(Command.Grant(0, FirstTrader + a, Market, Origin.Allocated, 1L << 40));
        }
        return [.. settings];
    }

    /// <summary>The next command: every other one a place, the rest cancels of old orders.</summary>
    public Command Next()
    {
        // Each trader alternates: place, then (once it has Depth orders out) cancel its oldest.
        long round = _count / _traders;
        int trader = (int)(_count++ % _traders);
        int account = FirstTrader + trader;
        long clientId = _nextClientId[trader];
        if ((round & 1) == 1 && clientId > Depth)
        {
            return Command.CancelByClientId(0, account, Market, clientId - Depth);
        }
        _nextClientId[trader] = clientId + 1;
        bool buy = _random.Next(2) == 0;
        // Mostly passive prices; one in eight crosses the spread and trades.
        int offset = _random.Next(1, 50) * (_random.Next(8) == 0 ? -1 : 1);
        long price = Face + (buy ? -offset : offset) * Tick;
        return Command.Place(0, account, Market, buy ? Side.Buy : Side.Sell, price, _random.Next(1, 20), clientId: clientId + 1);
    }
}
