using TokenMatch.Commands;
using TokenMatch.Events;
using TokenMatch.Ledger;
using TokenMatch.Markets;
using TokenMatch.Matching;

namespace TokenMatch.Core;

/// <summary>
/// The provider's buyback, market maker of last resort: <c>set buyback</c> (rate and budget, which
/// replace the house's bid with a new order id, or remove it), and the bid's match when a halted
/// market resumes. The bid belongs to the house: it is placed here and nowhere else, holds credits
/// without a fee part, and ordinary order commands, self-trade prevention and freezes never touch it.
/// Owned by the core thread.
/// </summary>
internal sealed class Buyback
{
    private readonly OrderPool _orders;
    private readonly OrderIndex _orderIndex;
    private readonly LedgerBook _ledger;
    private readonly OrderDesk _desk;
    private readonly EventWriter _events;

    /// <summary>The buyback over the core's order pool and id index, placing and matching its bids through <paramref name="desk"/>.</summary>
    public Buyback(OrderPool orders, OrderIndex orderIndex, LedgerBook ledger, OrderDesk desk, EventWriter events)
    {
        _orders = orders;
        _orderIndex = orderIndex;
        _ledger = ledger;
        _desk = desk;
        _events = events;
    }

    /// <summary>The set buyback command on market <paramref name="market"/> (found by the caller, or null).</summary>
    public ResultCode Set(ref Command c, Market? market)
    {
        BuybackArgs b = c.AsBuyback();
        if (market is null) return ResultCode.UnknownMarket;
        if (market.State == MarketState.Expired) return ResultCode.MarketExpired;
        if (market.State == MarketState.PreOpen) return ResultCode.MarketNotOpen;
        if (b.RateBps is < 0 or > 10_000) return ResultCode.RateOutOfRange;
        if (b.BudgetLots < 0) return ResultCode.NegativeValue;
        if (_ledger.Provider < 0) return ResultCode.HouseNotSet;
        Account provider = _ledger.Accounts.Get(_ledger.Provider);
        long rate = b.RateBps, budget = b.BudgetLots;
        long price = market.BuybackPriceAt(rate);
        long quantity = budget - market.BoughtBack;
        bool place = rate > 0 && quantity > 0;
        long decay = market.DecayAt(_events.Now);
        long holdPerLot = 0;
        if (place)
        {
            if (price < market.MinPrice || price > market.MaxPrice) return ResultCode.BuybackPriceOutOfRange;
            holdPerLot = Pricing.Effective(price, decay, market.Tick);
            long released = market.BuybackOrder >= 0 ? _orders[market.BuybackOrder].Remaining * _orders[market.BuybackOrder].HoldPerLot : 0;
            if ((Int128)quantity * holdPerLot > provider.Available + released) return ResultCode.InsufficientCredits;
        }

        _events.Accepted(ref c);
        market.BuybackRateBps = rate;
        market.BuybackBudget = budget;
        if (market.BuybackOrder >= 0) _desk.CancelResting(market.BuybackOrder, CancelReason.BuybackReplaced);
        if (!place) return ResultCode.Ok;

        // The house's bid: a new order id, ordinary priority, a credit hold without a fee part.
        int index = _orders.Rent();
        ref Order o = ref _orders[index];
        o.Id = _desk.TakeOrderId();
        o.Price = price;
        o.Remaining = quantity;
        o.HoldPerLot = holdPerLot;
        o.Account = _ledger.Provider;
        o.Market = market.Id;
        o.Side = Side.Buy;
        o.Type = OrderType.Limit;
        o.Tif = TimeInForce.GoodTillCycle;
        o.Stp = StpMode.None;
        o.IsBuyback = true;
        _orderIndex.Add(o.Id, index);
        market.BuybackOrder = index;
        _ledger.Hold(provider, market.Id, index, quantity);
        _events.OrderAccepted(index);
        if (market.State == MarketState.Open)
        {
            var taker = new Taker { Index = index, Side = Side.Buy, Limit = price, Stp = StpMode.None, IsBuyback = true, DecayPpm = decay };
            _desk.MatchAndRest(market, in taker);
        }
        else market.Book.Add(index);
        return ResultCode.Ok;
    }

    /// <summary>A market has resumed: a buyback bid set during the halt may cross resting asks, and matches them now as the incoming order.</summary>
    public void OnResume(Market market)
    {
        int bid = market.BuybackOrder;
        if (bid >= 0 && market.Book.Crosses(Side.Buy, _orders[bid].Price))
        {
            market.Book.Remove(bid);
            var taker = new Taker
            {
                Index = bid, Side = Side.Buy, Limit = _orders[bid].Price, Stp = StpMode.None, IsBuyback = true,
                DecayPpm = market.DecayAt(_events.Now),
            };
            _desk.MatchAndRest(market, in taker);
        }
    }
}
