using TokenMatch.Commands;
using TokenMatch.Events;
using TokenMatch.Ledger;
using TokenMatch.Markets;
using TokenMatch.Matching;

namespace TokenMatch.Core;

public sealed partial class ExchangeCore
{
    /// <summary>Holds what an order of <paramref name="quantity"/> lots needs: credits for a buy, free allocated lots for a sell.</summary>
    private void Hold(Account account, int market, int index, long quantity)
    {
        ref Order o = ref _orders[index];
        if (o.Side == Side.Buy)
        {
            long credits = quantity * o.HoldPerLot;
            account.Available -= credits;
            account.Held += credits;
        }
        else
        {
            ref MarketLots lots = ref _markets[market]!.LotsOf(account);
            lots.Free[(int)Origin.Allocated] -= quantity;
            lots.HeldAllocated += quantity;
            lots.SellCounted += quantity;
        }
    }

    /// <summary>Releases the hold of <paramref name="quantity"/> unfilled lots of an order (a sell gives them back to the tier cap's count).</summary>
    private void Release(int index, long quantity)
    {
        ref Order o = ref _orders[index];
        if (o.Side == Side.Buy)
        {
            Account account = _accounts.Get(o.Account);
            long credits = quantity * o.HoldPerLot;
            account.Held -= credits;
            account.Available += credits;
        }
        else
        {
            ref MarketLots lots = ref _markets[o.Market]!.LotsOf(_accounts.Get(o.Account));
            lots.HeldAllocated -= quantity;
            lots.Free[(int)Origin.Allocated] += quantity;
            lots.SellCounted -= quantity;
        }
    }

    /// <summary>The buy side of a fill: charges price and fee from the order's hold, releases the rest of those lots' hold, delivers the lots.</summary>
    private void SettleBuyer(Account buyer, Market market, int index, long quantity, long exec, long fee)
    {
        ref Order o = ref _orders[index];
        long held = quantity * o.HoldPerLot;
        buyer.Held -= held;
        buyer.Available += held - quantity * exec - fee;
        if (o.IsBuyback)
        {
            // Bought-back tokens are retired, never acquired.
            market.Retired += quantity;
            market.BoughtBack += quantity;
        }
        else market.LotsOf(buyer).Free[(int)Origin.Acquired] += quantity;
    }

    /// <summary>The sell side of a fill: the held allocated lots go, credits less the fee come in.</summary>
    private static void SettleSeller(Account seller, Market market, long quantity, long exec, long fee)
    {
        market.LotsOf(seller).HeldAllocated -= quantity;
        seller.Available += quantity * exec - fee;
    }

    private void AddFees(long fees)
    {
        if (fees != 0) _accounts.Get(_feeAccount).Available += fees;
    }

    private void EmitTrade(int maker, long makerRemaining, long takerOrderId, int takerAccount, Side takerSide,
        long quantity, long exec, long buyerFee, long sellerFee)
    {
        ref Order o = ref _orders[maker];
        ref Event e = ref NewEvent(EventType.Trade);
        e.Market = o.Market;
        e.OrderId = o.Id;
        e.Account = o.Account;
        e.ClientId = o.ClientId;
        e.OtherOrderId = takerOrderId;
        e.OtherAccount = takerAccount;
        e.Side = takerSide;
        e.Quantity = quantity;
        e.Price = o.Price;
        e.ExecPrice = exec;
        e.Remaining = makerRemaining;
        e.Fee = buyerFee;
        e.OtherFee = sellerFee;
    }

    void IBookHost.OnTrade(int maker, int taker, long quantity, long exec)
    {
        ref Order m = ref _orders[maker];
        ref Order t = ref _orders[taker];
        Market market = _markets[m.Market]!;
        bool makerBuys = m.Side == Side.Buy;
        int buyIndex = makerBuys ? maker : taker;
        int sellIndex = makerBuys ? taker : maker;
        ref Order buy = ref _orders[buyIndex];
        ref Order sell = ref _orders[sellIndex];
        bool feeFree = buy.IsBuyback;
        long buyerFee = feeFree ? 0 : quantity * Pricing.FeePerLot(exec, makerBuys ? buy.MakerBps : buy.TakerBps);
        long sellerFee = feeFree ? 0 : quantity * Pricing.FeePerLot(exec, makerBuys ? sell.TakerBps : sell.MakerBps);
        SettleBuyer(_accounts.Get(buy.Account), market, buyIndex, quantity, exec, buyerFee);
        SettleSeller(_accounts.Get(sell.Account), market, quantity, exec, sellerFee);
        AddFees(buyerFee + sellerFee);
        EmitTrade(maker, m.Remaining, t.Id, t.Account, t.Side, quantity, exec, buyerFee, sellerFee);
    }

    void IBookHost.OnSelfTradeCancel(int maker)
    {
        long remaining = _orders[maker].Remaining;
        EmitOrderEvent(EventType.Cancelled, maker, remaining, CancelReason.SelfTrade);
        Release(maker, remaining);
    }

    void IBookHost.OnDecrement(int maker, int taker, long quantity)
    {
        Release(maker, quantity);
        Release(taker, quantity);
        EmitOrderEvent(EventType.Decremented, maker, quantity);
        EmitOrderEvent(EventType.Decremented, taker, quantity);
    }

    void IBookHost.OnRemoved(int order) => FreeOrder(order);

    bool IBookHost.SameOwner(int accountA, int accountB)
    {
        if (accountA == accountB) return true;
        long group = _accounts.Get(accountA).Group;
        return group != 0 && group == _accounts.Get(accountB).Group;
    }

    /// <summary>Cancels a resting order: event, release of its hold, out of the book, slot freed.</summary>
    private void CancelResting(int index, CancelReason reason)
    {
        long remaining = _orders[index].Remaining;
        EmitOrderEvent(EventType.Cancelled, index, remaining, reason);
        Release(index, remaining);
        _markets[_orders[index].Market]!.Book.Remove(index);
        FreeOrder(index);
    }

    /// <summary>Cancels the remainder of an incoming order that never rested.</summary>
    private void CancelUnrested(int index, CancelReason reason, bool linked)
    {
        long remaining = _orders[index].Remaining;
        EmitOrderEvent(EventType.Cancelled, index, remaining, reason);
        Release(index, remaining);
        FreeOrder(index, linked);
    }

    private void LinkToAccount(Account account, int index)
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

    private ResultCode Consume(ref Command c)
    {
        Account? account = AccountOrNull(c.Account);
        if (account is null) return ResultCode.UnknownAccount;
        Market? market = MarketOrNull(c.Market);
        if (market is null) return ResultCode.UnknownMarket;
        if (market.State == MarketState.Expired) return ResultCode.MarketExpired;
        if (c.Quantity <= 0) return ResultCode.InvalidQuantity;
        if (!market.HasLots(account) || market.LotsOf(account).TotalFree < c.Quantity) return ResultCode.InsufficientLots;
        ref MarketLots lots = ref market.LotsOf(account);
        EmitAccepted(ref c);
        long left = c.Quantity;
        foreach (Origin origin in _consumeOrder)
        {
            long take = Math.Min(left, lots.Free[(int)origin]);
            lots.Free[(int)origin] -= take;
            left -= take;
        }
        market.Consumed += c.Quantity;
        return ResultCode.Ok;
    }

    private ResultCode Spend(ref Command c)
    {
        Account? account = AccountOrNull(c.Account);
        if (account is null) return ResultCode.UnknownAccount;
        if (c.Quantity <= 0) return ResultCode.InvalidAmount;
        if (c.Quantity > account.Available) return ResultCode.InsufficientCredits;
        EmitAccepted(ref c);
        account.Available -= c.Quantity;
        account.Spent += c.Quantity;
        return ResultCode.Ok;
    }

    private ResultCode Deposit(ref Command c)
    {
        Account? account = AccountOrNull(c.Account);
        if (account is null) return ResultCode.UnknownAccount;
        if (c.Quantity <= 0) return ResultCode.InvalidAmount;
        // Every balance is part of the deposits' total, so bounding the total bounds them all.
        if (c.Quantity > long.MaxValue - _totalDeposits) return ResultCode.Overflow;
        EmitAccepted(ref c);
        _totalDeposits += c.Quantity;
        account.Available += c.Quantity;
        return ResultCode.Ok;
    }

    private ResultCode Grant(ref Command c)
    {
        Account? account = AccountOrNull(c.Account);
        if (account is null) return ResultCode.UnknownAccount;
        Market? market = MarketOrNull(c.Market);
        if (market is null) return ResultCode.UnknownMarket;
        if (market.State == MarketState.Expired) return ResultCode.MarketExpired;
        if (c.Code > (byte)Origin.Promo) return ResultCode.InvalidOrigin;
        if (c.Quantity <= 0) return ResultCode.InvalidQuantity;
        if (c.Quantity > long.MaxValue - market.Granted) return ResultCode.Overflow;
        EmitAccepted(ref c);
        market.Granted += c.Quantity;
        market.LotsOf(account).Free[c.Code] += c.Quantity;
        return ResultCode.Ok;
    }
}
