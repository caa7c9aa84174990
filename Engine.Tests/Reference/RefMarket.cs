using TokenMatch.Markets;

namespace TokenMatch.Tests.Reference;

/// <summary>A market of the <see cref="ReferenceExchange"/>: settings, counters, both sides of the book as sorted sets.</summary>
public sealed class RefMarket
{
    /// <summary>Specification.</summary>
    public int Id;
    /// <summary>Packed symbol halves.</summary>
    public long SymbolLow, SymbolHigh;
    /// <summary>Specification.</summary>
    public long LotSize, Tick, Face, MinPrice, MaxPrice, MinQuantity, MaxQuantity, CycleStart, CycleEnd;
    /// <summary>Lifecycle state.</summary>
    public MarketState State = MarketState.PreOpen;
    /// <summary>Curve.</summary>
    public CurveKind Curve = CurveKind.None;
    /// <summary>Curve parameters.</summary>
    public long Floor, HalfLife;
    /// <summary>Table points.</summary>
    public readonly List<(long X, long D)> Table = new();
    /// <summary>Fee rates.</summary>
    public long MakerBps, TakerBps;
    /// <summary>Buyback settings and counter.</summary>
    public long BuybackRate, BuybackBudget, BoughtBack;
    /// <summary>The live buyback bid, or null.</summary>
    public RefOrder? BuybackBid;
    /// <summary>Cycle counters.</summary>
    public long Granted, Consumed, Expired, Retired;
    /// <summary>Bids: best (highest) price first, then oldest priority.</summary>
    public readonly SortedSet<RefOrder> Bids = new(Comparer<RefOrder>.Create((a, b) =>
        a.Price != b.Price ? b.Price.CompareTo(a.Price) : a.Priority.CompareTo(b.Priority)));
    /// <summary>Asks: best (lowest) price first, then oldest priority.</summary>
    public readonly SortedSet<RefOrder> Asks = new(Comparer<RefOrder>.Create((a, b) =>
        a.Price != b.Price ? a.Price.CompareTo(b.Price) : a.Priority.CompareTo(b.Priority)));
    /// <summary>Claimed client ids: (account, client id) → order id.</summary>
    public readonly SortedDictionary<(int Account, long ClientId), long> ClientIds = new();
    /// <summary>Lots by account id.</summary>
    public readonly SortedDictionary<int, RefLots> Lots = new();

    /// <summary>The side an order rests on.</summary>
    public SortedSet<RefOrder> SideOf(Commands.Side side) => side == Commands.Side.Buy ? Bids : Asks;

    /// <summary>The lots record of an account, created on first use.</summary>
    public RefLots LotsOf(int account)
    {
        if (!Lots.TryGetValue(account, out RefLots? l)) Lots[account] = l = new RefLots();
        return l;
    }

    /// <summary>Sum of the remaining lots resting at one price on one side.</summary>
    public long LevelTotal(Commands.Side side, long price)
    {
        var low = new RefOrder { Price = price, Priority = long.MinValue };
        var high = new RefOrder { Price = price, Priority = long.MaxValue };
        long total = 0;
        foreach (RefOrder o in SideOf(side).GetViewBetween(low, high)) total += o.Remaining;
        return total;
    }
}
