using System.Numerics;
using TokenMatch.Commands;
using TokenMatch.Events;
using TokenMatch.Markets;
using TokenMatch.Tests.Support;

namespace TokenMatch.Tests.Reference;

public sealed partial class ReferenceExchange
{
    private void Place(in Command c)
    {
        // 1. The command's shape.
        Check(c.Side is Side.Buy or Side.Sell, ResultCode.InvalidSide);
        Check(c.OrderType is OrderType.Limit or OrderType.Market or OrderType.PostOnly, ResultCode.InvalidOrderType);
        Check(c.Tif is >= TimeInForce.Default and <= TimeInForce.Fok, ResultCode.InvalidTimeInForce);
        Check(c.Stp is >= StpMode.Default and <= StpMode.DecrementAndCancel, ResultCode.InvalidStpMode);
        Check(c.PriceKind is PriceKind.Fte or PriceKind.Absolute, ResultCode.InvalidPriceKind);
        // 2-4. Who and where.
        RefAccount account = AccountOrNull(c.Account) ?? throw new RejectException(ResultCode.UnknownAccount);
        RefMarket m = MarketOrNull(c.Market) ?? throw new RejectException(ResultCode.UnknownMarket);
        Check(TradingCode(m) == ResultCode.Ok, TradingCode(m));
        Check(!account.Frozen, ResultCode.AccountFrozen);
        // 5. Time in force against the type.
        TimeInForce tif = c.Tif;
        switch (c.OrderType)
        {
            case OrderType.Market:
                if (tif == TimeInForce.Default) tif = TimeInForce.Ioc;
                Check(tif is TimeInForce.Ioc or TimeInForce.Fok, ResultCode.InvalidTimeInForce);
                break;
            case OrderType.PostOnly:
                if (tif == TimeInForce.Default) tif = TimeInForce.GoodTillCycle;
                Check(tif is TimeInForce.GoodTillCycle or TimeInForce.GoodTillTime, ResultCode.InvalidTimeInForce);
                break;
            default:
                if (tif == TimeInForce.Default) tif = TimeInForce.GoodTillCycle;
                break;
        }
        // 6. Expiry.
        if (tif == TimeInForce.GoodTillTime) Check(c.Arg > _now, ResultCode.InvalidExpiry);
        else Check(c.Arg == 0, ResultCode.InvalidExpiry);
        // 7. Quantity.
        Check(c.Quantity > 0, ResultCode.InvalidQuantity);
        Check(c.Quantity >= m.MinQuantity && c.Quantity <= m.MaxQuantity, ResultCode.QuantityOutOfRange);
        // 8. Price.
        long decay = Decay(m, _now);
        long limit = c.OrderType == OrderType.Market && c.Price == 0
            ? (c.Side == Side.Buy ? m.MaxPrice : m.MinPrice)
            : ResolvePrice(m, c.Price, c.PriceKind, c.Side, decay);
        // 9. Client id.
        Check(c.ClientId == 0 || !m.ClientIds.ContainsKey((c.Account, c.ClientId)), ResultCode.DuplicateClientId);
        // 10. Open orders, for what may rest.
        if (tif is TimeInForce.GoodTillCycle or TimeInForce.GoodTillTime)
            Check(account.Open.Count < _maxOpenOrders, ResultCode.MaxOpenOrdersExceeded);
        // 11. Funds.
        long holdPerLot = 0;
        if (c.Side == Side.Buy)
        {
            holdPerLot = BuyHold(m, limit, decay);
            Check(Big(c.Quantity) * holdPerLot <= account.Available, ResultCode.InsufficientCredits);
        }
        else CheckSell(account, m, c.Quantity, 0);
        // 12. Post-only.
        if (c.OrderType == OrderType.PostOnly) Check(!Crosses(m, c.Side, limit), ResultCode.PostOnlyWouldTake);
        StpMode stp = c.Stp == StpMode.Default ? account.StpDefault : c.Stp;
        var order = new RefOrder
        {
            ClientId = c.ClientId, Account = c.Account, Market = m.Id, Side = c.Side, Type = c.OrderType, Tif = tif, Stp = stp,
            Price = limit, Remaining = c.Quantity, HoldPerLot = holdPerLot, MakerBps = m.MakerBps, TakerBps = m.TakerBps,
            ExpireAt = c.Arg,
        };
        // 13. Fill-or-kill.
        if (tif == TimeInForce.Fok && !FokFillable(m, order))
        {
            Note("fok:rejected");
            Reject(ResultCode.FokNotFillable);
        }

        order.Id = _nextOrderId++;
        order.Priority = ++_priority;
        if (c.ClientId != 0) m.ClientIds[(c.Account, c.ClientId)] = order.Id;
        account.Open.Add(order.Id);
        _live[order.Id] = order;
        HoldFor(order, order.Remaining);
        EmitOrderAccepted(order);
        Note($"place:{c.OrderType}:{tif}:{stp}");
        MatchAndRest(m, order);
    }

    /// <summary>An FTE price on the tick within bounds, or an absolute price converted never worse for the sender.</summary>
    private static long ResolvePrice(RefMarket m, long price, PriceKind kind, Side side, long decay)
    {
        if (kind == PriceKind.Absolute)
        {
            Check(price > 0, ResultCode.PriceOutOfRange);
            Check(decay != 0, ResultCode.DecayIsZero);
            long? fte = ReferenceArithmetic.AbsoluteToFte(price, decay, m.Tick, side == Side.Buy);
            Check(fte is not null && fte >= m.MinPrice && fte <= m.MaxPrice, ResultCode.PriceOutOfRange);
            return fte!.Value;
        }
        Check(price >= m.MinPrice && price <= m.MaxPrice, ResultCode.PriceOutOfRange);
        Check(price % m.Tick == 0, ResultCode.PriceOffTick);
        return price;
    }

    /// <summary>Per lot: eff(limit, entry) plus the larger of the market's current maker and taker fee on it.</summary>
    private static long BuyHold(RefMarket m, long limit, long decay)
    {
        long eff = Eff(m, limit, decay);
        return checked(eff + FeePerLot(eff, Math.Max(m.MakerBps, m.TakerBps)));
    }

    /// <summary>A sell of <paramref name="quantity"/> lots, counting <paramref name="ownHeld"/> lots it already holds as its own.</summary>
    private void CheckSell(RefAccount account, RefMarket m, long quantity, long ownHeld)
    {
        RefLots? lots = m.Lots.GetValueOrDefault(account.Id);
        long allocated = (lots?.Free[(int)Origin.Allocated] ?? 0) + ownHeld;
        long all = (lots?.TotalFree ?? 0) + ownHeld;
        if (quantity > allocated) Reject(all >= quantity ? ResultCode.LotsNotSellable : ResultCode.InsufficientLots);
        long counted = (lots?.SellCounted ?? 0) - ownHeld;
        Check(Big(counted) + quantity <= _tierCaps[(int)account.Tier], ResultCode.TierCapExceeded);
    }

    private static bool Crosses(RefMarket m, Side side, long limit)
    {
        if (side == Side.Buy) return m.Asks.Count > 0 && m.Asks.Min!.Price <= limit;
        return m.Bids.Count > 0 && m.Bids.Min!.Price >= limit;
    }

    private static bool CrossesOrder(RefOrder taker, RefOrder maker) =>
        taker.Side == Side.Buy ? maker.Price <= taker.Price : maker.Price >= taker.Price;

    /// <summary>True when the two accounts are one owner now: the same account or one owner group.</summary>
    private bool OneOwner(int a, int b)
    {
        if (a == b) return true;
        long ga = _accounts[a].Group, gb = _accounts[b].Group;
        return ga != 0 && ga == gb;
    }

    private bool SelfTradeApplies(RefOrder taker, RefOrder maker) =>
        taker.Stp != StpMode.None && !taker.Buyback && !maker.Buyback && OneOwner(taker.Account, maker.Account);

    /// <summary>Whether a fill-or-kill could trade all it asks, counting only liquidity it could trade with.</summary>
    private bool FokFillable(RefMarket m, RefOrder taker)
    {
        long need = taker.Remaining;
        foreach (RefOrder maker in m.SideOf(Opposite(taker.Side)))
        {
            if (!CrossesOrder(taker, maker)) break;
            if (SelfTradeApplies(taker, maker))
            {
                // Cancel-oldest removes the own order and goes on; the other modes stop or shrink the taker.
                if (taker.Stp == StpMode.CancelOldest) continue;
                Note($"fok:stopped-by-own:{taker.Stp}");
                return false;
            }
            need -= maker.Remaining;
            if (need <= 0) return true;
        }
        return false;
    }

    private static Side Opposite(Side s) => s == Side.Buy ? Side.Sell : Side.Buy;

    /// <summary>Holds what <paramref name="quantity"/> lots of an order need: credits for a buy, free allocated lots for a sell.</summary>
    private void HoldFor(RefOrder o, long quantity)
    {
        RefAccount a = _accounts[o.Account];
        if (o.Side == Side.Buy)
        {
            long credits = Mul(quantity, o.HoldPerLot);
            a.Available = checked(a.Available - credits);
            a.Held = checked(a.Held + credits);
        }
        else
        {
            RefLots l = _markets[o.Market].LotsOf(o.Account);
            l.Free[(int)Origin.Allocated] -= quantity;
            l.HeldAllocated += quantity;
            l.SellCounted += quantity;
        }
    }

    /// <summary>Gives back the hold of <paramref name="quantity"/> unfilled lots (a sell's count for the tier cap too).</summary>
    private void ReleaseFor(RefOrder o, long quantity)
    {
        RefAccount a = _accounts[o.Account];
        if (o.Side == Side.Buy)
        {
            long credits = Mul(quantity, o.HoldPerLot);
            a.Held = checked(a.Held - credits);
            a.Available = checked(a.Available + credits);
        }
        else
        {
            RefLots l = _markets[o.Market].LotsOf(o.Account);
            l.HeldAllocated -= quantity;
            l.Free[(int)Origin.Allocated] += quantity;
            l.SellCounted -= quantity;
        }
    }

    private void Cancel(in Command c)
    {
        Check(AccountOrNull(c.Account) is not null, ResultCode.UnknownAccount);
        RefOrder o = FindOwn(in c);
        EmitCommandOrderAccepted(in c, o);
        CancelResting(o, CancelReason.User);
    }

    /// <summary>An open order of the command's account: by order id, or (order id 0) by market and client id.</summary>
    private RefOrder FindOwn(in Command c)
    {
        long id = c.OrderId;
        if (id == 0)
        {
            Check(c.ClientId != 0, ResultCode.UnknownOrder);
            RefMarket m = MarketOrNull(c.Market) ?? throw new RejectException(ResultCode.UnknownMarket);
            Check(m.ClientIds.TryGetValue((c.Account, c.ClientId), out id), ResultCode.UnknownOrder);
        }
        Check(_live.TryGetValue(id, out RefOrder? o) && o.Account == c.Account && !o.Buyback, ResultCode.UnknownOrder);
        return o!;
    }

    private void MassCancel(in Command c)
    {
        RefAccount a = AccountOrNull(c.Account) ?? throw new RejectException(ResultCode.UnknownAccount);
        if (c.Market >= 0) Check(MarketOrNull(c.Market) is not null, ResultCode.UnknownMarket);
        EmitAccepted(in c);
        CancelAll(a, c.Market, CancelReason.MassCancel);
    }

    /// <summary>Cancels an account's open orders (in one market when ≥ 0), oldest accepted first.</summary>
    private void CancelAll(RefAccount a, int market, CancelReason reason)
    {
        foreach (long id in a.Open.ToList())
        {
            RefOrder o = _live[id];
            if (market < 0 || o.Market == market) CancelResting(o, reason);
        }
    }

    private void Amend(in Command c)
    {
        RefAccount account = AccountOrNull(c.Account) ?? throw new RejectException(ResultCode.UnknownAccount);
        Check(c.PriceKind is PriceKind.Fte or PriceKind.Absolute, ResultCode.InvalidPriceKind);
        RefOrder o = FindOwn(in c);
        RefMarket m = _markets[o.Market];
        Check(TradingCode(m) == ResultCode.Ok, TradingCode(m));
        Check(!account.Frozen, ResultCode.AccountFrozen);
        Check(c.Quantity >= 0, ResultCode.InvalidQuantity);
        long quantity = c.Quantity == 0 ? o.Remaining : c.Quantity;
        Check(quantity <= m.MaxQuantity, ResultCode.QuantityOutOfRange);
        long decay = Decay(m, _now);
        long price = c.Price == 0 ? o.Price : ResolvePrice(m, c.Price, c.PriceKind, o.Side, decay);
        Check(quantity != o.Remaining || price != o.Price, ResultCode.AmendNoChange);

        if (price == o.Price && quantity < o.Remaining)
        {
            EmitCommandOrderAccepted(in c, o);
            ReleaseFor(o, o.Remaining - quantity);
            o.Remaining = quantity;
            EmitOrderEvent(EventType.Amended, o, quantity);
            EmitLevel(m, o.Side, o.Price);
            Note("amend:reduce");
            return;
        }

        long holdPerLot = 0;
        if (o.Side == Side.Buy)
        {
            holdPerLot = BuyHold(m, price, decay);
            Check(Big(quantity) * holdPerLot <= Big(account.Available) + Big(o.Remaining) * o.HoldPerLot, ResultCode.InsufficientCredits);
        }
        else CheckSell(account, m, quantity, o.Remaining);
        if (o.Type == OrderType.PostOnly) Check(!Crosses(m, o.Side, price), ResultCode.PostOnlyWouldTake);

        EmitCommandOrderAccepted(in c, o);
        m.SideOf(o.Side).Remove(o);
        EmitLevel(m, o.Side, o.Price);
        ReleaseFor(o, o.Remaining);
        o.Price = price;
        o.Remaining = quantity;
        o.HoldPerLot = holdPerLot;
        o.MakerBps = m.MakerBps;
        o.TakerBps = m.TakerBps;
        o.Priority = ++_priority;
        HoldFor(o, quantity);
        EmitOrderEvent(EventType.Amended, o, quantity);
        Note("amend:replace");
        MatchAndRest(m, o);
    }

    private void Fill(in Command c)
    {
        RefAccount taker = AccountOrNull(c.Account) ?? throw new RejectException(ResultCode.UnknownAccount);
        Check(_live.TryGetValue(c.OrderId, out RefOrder? found) && !found.Buyback, ResultCode.UnknownOrder);
        RefOrder o = found!;
        RefMarket m = _markets[o.Market];
        Check(TradingCode(m) == ResultCode.Ok, TradingCode(m));
        Check(c.Quantity > 0, ResultCode.InvalidQuantity);
        Check(c.Quantity <= o.Remaining, ResultCode.QuantityOutOfRange);
        long q = c.Quantity;
        long exec = Eff(m, o.Price, Decay(m, _now));
        long takerFee = Mul(q, FeePerLot(exec, m.TakerBps));
        if (o.Side == Side.Sell) Check(Big(q) * exec + takerFee <= taker.Available, ResultCode.InsufficientCredits);
        else CheckSell(taker, m, q, 0);

        EmitCommandOrderAccepted(in c, o);
        long makerFee = Mul(q, FeePerLot(exec, o.MakerBps));
        RefAccount maker = _accounts[o.Account];
        long buyerFee, sellerFee;
        if (o.Side == Side.Sell)
        {
            taker.Available -= Mul(q, exec) + takerFee;
            m.LotsOf(taker.Id).Free[(int)Origin.Acquired] += q;
            m.LotsOf(maker.Id).HeldAllocated -= q;
            maker.Available += Mul(q, exec) - makerFee;
            (buyerFee, sellerFee) = (takerFee, makerFee);
        }
        else
        {
            RefLots lots = m.LotsOf(taker.Id);
            lots.Free[(int)Origin.Allocated] -= q;
            lots.SellCounted += q;
            taker.Available += Mul(q, exec) - takerFee;
            maker.Held -= Mul(q, o.HoldPerLot);
            maker.Available += Mul(q, o.HoldPerLot) - Mul(q, exec) - makerFee;
            m.LotsOf(maker.Id).Free[(int)Origin.Acquired] += q;
            (buyerFee, sellerFee) = (makerFee, takerFee);
        }
        PayFees(takerFee + makerFee);
        o.Remaining -= q;
        Emit(new Event
        {
            Type = EventType.Trade, Market = m.Id, OrderId = o.Id, Account = o.Account, ClientId = o.ClientId, OtherOrderId = 0,
            OtherAccount = c.Account, Side = Opposite(o.Side), Quantity = q, Price = o.Price, ExecPrice = exec, Remaining = o.Remaining,
            Fee = buyerFee, OtherFee = sellerFee,
        });
        Note("fill");
        if (o.Remaining == 0) Forget(m, o, rested: true);
        EmitLevel(m, o.Side, o.Price);
    }

    private void PayFees(long fees)
    {
        if (fees == 0) return;
        RefAccount house = _accounts[_feeAccount];
        house.Available = checked(house.Available + fees);
    }
}
