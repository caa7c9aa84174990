using TokenMatch.Commands;
using TokenMatch.Ledger;
using TokenMatch.Markets;
using TokenMatch.Matching;

namespace TokenMatch.Core;

public sealed partial class ExchangeCore
{
    /// <summary>An account's balances and lots, or null when unknown.</summary>
    public AccountView? GetAccount(int account)
    {
        Account? a = AccountOrNull(account);
        if (a is null) return null;
        var lots = new List<MarketLotsView>();
        foreach (Market m in _marketList)
        {
            if (!m.HasLots(a)) continue;
            MarketLots l = m.LotsOf(a);
            lots.Add(new MarketLotsView(m.Id, ((ReadOnlySpan<long>)l.Free).ToArray(), l.HeldAllocated, l.SellCounted));
        }
        return new AccountView(a.Id, a.Tier, a.Frozen, a.Group, a.StpDefault, a.Available, a.Held, a.Spent, a.OpenOrders, lots);
    }

    /// <summary>An account's open orders, oldest accepted first (the provider's buyback bids are the house's and not listed).</summary>
    public IReadOnlyList<OrderView> GetOpenOrders(int account)
    {
        var list = new List<OrderView>();
        Account? a = AccountOrNull(account);
        if (a is null) return list;
        for (int i = a.FirstOrder; i >= 0; i = _orders[i].AccountNext) list.Add(View(ref _orders[i]));
        return list;
    }

    /// <summary>The live buyback bid of a market, or null.</summary>
    public OrderView? GetBuybackOrder(int market)
    {
        Market? m = MarketOrNull(market);
        return m is null || m.BuybackOrder < 0 ? null : View(ref _orders[m.BuybackOrder]);
    }

    private static OrderView View(ref Order o) =>
        new(o.Id, o.ClientId, o.Account, o.Market, o.Side, o.Type, o.Price, o.Remaining, o.HoldPerLot, o.ExpireAt, o.IsBuyback);

    /// <summary>A market's best <paramref name="levels"/> levels per side, or null when unknown.</summary>
    public BookDepth? GetDepth(int market, int levels)
    {
        Market? m = MarketOrNull(market);
        if (m is null) return null;
        var raw = new List<(long Price, long Quantity, int Orders)>();
        m.Book.CollectLevels(Side.Buy, levels, raw);
        var bids = raw.Select(l => new DepthLevel(l.Price, l.Quantity, l.Orders)).ToList();
        raw.Clear();
        m.Book.CollectLevels(Side.Sell, levels, raw);
        var asks = raw.Select(l => new DepthLevel(l.Price, l.Quantity, l.Orders)).ToList();
        return new BookDepth(market, bids, asks);
    }

    /// <summary>A market's settings and counters, or null when unknown.</summary>
    public MarketView? GetMarket(int market)
    {
        Market? m = MarketOrNull(market);
        if (m is null) return null;
        return new MarketView(m.Id, MarketSymbol.Unpack(m.SymbolLow, m.SymbolHigh), m.State, m.LotSize, m.Tick, m.Face,
            m.MinPrice, m.MaxPrice, m.MinQuantity, m.MaxQuantity, m.CycleStart, m.CycleEnd, m.Curve.Kind,
            m.MakerBps, m.TakerBps, m.BuybackRateBps, m.BuybackBudget, m.BoughtBack, m.Granted, m.Consumed, m.Expired, m.Retired);
    }

    /// <summary>The decay factor D of a market at the engine clock, in ppm (null when unknown).</summary>
    public long? GetDecay(int market) => MarketOrNull(market)?.DecayAt(_clock);
}
