using TokenMatch.Commands;
using TokenMatch.Events;
using TokenMatch.Ledger;
using TokenMatch.Markets;
using TokenMatch.Matching;

namespace TokenMatch.Core;

/// <summary>
/// Orders from entry to end: the trading commands (place, cancel, amend, mass cancel, replay fill;
/// <c>OrderDesk.Commands.cs</c>), the match-then-rest step every incoming order goes through, and
/// the end of an order (cancelled, filled, expired), which unlinks it from its account, its id and
/// the good-till-time queue. It is the books' <see cref="IBookHost"/>: a fill, a self-trade action or
/// a level change found by a book is settled by the <see cref="LedgerBook"/> and written by the
/// <see cref="EventWriter"/> from here. Owned by the core thread.
/// </summary>
internal sealed partial class OrderDesk : IBookHost
{
    private readonly OrderPool _orders;
    private readonly OrderIndex _orderIndex;
    private readonly GttQueue _gtt;
    private readonly Market?[] _markets;
    // The ledger's account table, held here too: every trading command looks its account up first.
    private readonly AccountTable _accounts;
    private readonly LedgerBook _ledger;
    private readonly EventWriter _events;
    private long _nextOrderId = 1;

    /// <summary>A desk over the core's shared order pool, id index, good-till-time queue and market table.</summary>
    public OrderDesk(OrderPool orders, OrderIndex orderIndex, GttQueue gtt, Market?[] markets, LedgerBook ledger, EventWriter events)
    {
        _orders = orders;
        _orderIndex = orderIndex;
        _gtt = gtt;
        _markets = markets;
        _accounts = ledger.Accounts;
        _ledger = ledger;
        _events = events;
    }

    /// <summary>The id the next accepted order takes (ids are handed out on acceptance only).</summary>
    public long NextOrderId { get => _nextOrderId; set => _nextOrderId = value; }

    /// <summary>Hands out the next order id.</summary>
    public long TakeOrderId() => _nextOrderId++;

    OrderPool IBookHost.Orders => _orders;

    /// <summary>Whether a market accepts trading commands now, as a result code.</summary>
    public static ResultCode TradingState(Market m) => m.State switch
    {
        MarketState.Open => ResultCode.Ok,
        MarketState.PreOpen => ResultCode.MarketNotOpen,
        MarketState.Halted => ResultCode.MarketHalted,
        _ => ResultCode.MarketExpired,
    };

    private Market? MarketOrNull(int id) => (uint)id < ExchangeCore.MaxMarkets ? _markets[id] : null;

    /// <summary>
    /// Matches an accepted order, then rests, cancels or frees what is left of it. A new order
    /// (<paramref name="newOrder"/> its account) is indexed and linked to its account only if it rests;
    /// an amended one or the buyback bid (<paramref name="newOrder"/> null) already is both.
    /// </summary>
    public void MatchAndRest(Market market, in Taker taker, Account? newOrder = null)
    {
        int index = taker.Index;
        bool linked = newOrder is null;
        MatchResult result = market.Book.Match(in taker);
        ref Order o = ref _orders[index];
        if (o.Remaining == 0) FreeOrder(index, linked);
        else if (result.Killed) CancelUnrested(index, CancelReason.SelfTrade, linked);
        else if (o.Tif is TimeInForce.Ioc or TimeInForce.Fok) CancelUnrested(index, CancelReason.IocRemainder, linked);
        else
        {
            if (newOrder is not null)
            {
                _orderIndex.Add(o.Id, index);
                LinkToAccount(newOrder, index);
            }
            market.Book.Add(index);
            if (o.Tif == TimeInForce.GoodTillTime) _gtt.Set(index, o.ExpireAt, o.Id); // an amended order is queued already
        }
    }

    /// <summary>Cancels a resting order: event, release of its hold, out of the book, slot freed.</summary>
    public void CancelResting(int index, CancelReason reason)
    {
        long remaining = _orders[index].Remaining;
        _events.OrderEvent(EventType.Cancelled, index, remaining, reason);
        _ledger.Release(index, remaining);
        _markets[_orders[index].Market]!.Book.Remove(index);
        FreeOrder(index);
    }

    /// <summary>Cancels the remainder of an incoming order that never rested.</summary>
    private void CancelUnrested(int index, CancelReason reason, bool linked)
    {
        long remaining = _orders[index].Remaining;
        _events.OrderEvent(EventType.Cancelled, index, remaining, reason);
        _ledger.Release(index, remaining);
        FreeOrder(index, linked);
    }

    /// <summary>Cancels an account's open orders (in one market when <paramref name="market"/> ≥ 0), oldest accepted first.</summary>
    public void CancelAccountOrders(Account account, int market, CancelReason reason)
    {
        int index = account.FirstOrder;
        while (index >= 0)
        {
            int next = _orders[index].AccountNext;
            if (market < 0 || _orders[index].Market == market) CancelResting(index, reason);
            index = next;
        }
    }

    /// <summary>Appends a resting order to its account's list of open orders (oldest accepted first).</summary>
    public void LinkToAccount(Account account, int index)
    {
        ref Order o = ref _orders[index];
        o.AccountPrev = account.LastOrder;
        o.AccountNext = -1;
        if (account.LastOrder >= 0) _orders[account.LastOrder].AccountNext = index;
        else account.FirstOrder = index;
        account.LastOrder = index;
        account.OpenOrders++;
    }

    /// <summary>
    /// Forgets an order that has ended: out of its account's list (or the market's buyback slot), its id,
    /// its pool slot. <paramref name="linked"/> false: a new order that never rested, so was never
    /// indexed nor linked; only its slot is returned.
    /// </summary>
    private void FreeOrder(int index, bool linked = true)
    {
        if (!linked)
        {
            _orders.Return(index);
            return;
        }
        ref Order o = ref _orders[index];
        if (o.IsBuyback) _markets[o.Market]!.BuybackOrder = -1;
        else
        {
            Account account = _accounts.Get(o.Account);
            if (o.AccountPrev >= 0) _orders[o.AccountPrev].AccountNext = o.AccountNext;
            else account.FirstOrder = o.AccountNext;
            if (o.AccountNext >= 0) _orders[o.AccountNext].AccountPrev = o.AccountPrev;
            else account.LastOrder = o.AccountPrev;
            account.OpenOrders--;
        }
        if (o.Tif == TimeInForce.GoodTillTime) _gtt.Remove(index);
        _orderIndex.Remove(o.Id);
        _orders.Return(index);
    }

    void IBookHost.OnTrade(int maker, int taker, long quantity, long exec)
    {
        (long buyerFee, long sellerFee) = _ledger.SettleTrade(maker, taker, quantity, exec);
        ref Order t = ref _orders[taker];
        _events.Trade(maker, _orders[maker].Remaining, t.Id, t.Account, t.Side, quantity, exec, buyerFee, sellerFee);
    }

    void IBookHost.OnSelfTradeCancel(int maker)
    {
        long remaining = _orders[maker].Remaining;
        _events.OrderEvent(EventType.Cancelled, maker, remaining, CancelReason.SelfTrade);
        _ledger.Release(maker, remaining);
    }

    void IBookHost.OnDecrement(int maker, int taker, long quantity)
    {
        _ledger.Release(maker, quantity);
        _ledger.Release(taker, quantity);
        _events.OrderEvent(EventType.Decremented, maker, quantity);
        _events.OrderEvent(EventType.Decremented, taker, quantity);
    }

    void IBookHost.OnLevel(int market, Side side, long price, long total) => _events.Level(market, side, price, total);

    void IBookHost.OnRemoved(int order) => FreeOrder(order);

    bool IBookHost.SameOwner(int accountA, int accountB) => _ledger.SameOwner(accountA, accountB);
}
