using TokenMatch.Commands;
using TokenMatch.Events;
using TokenMatch.Markets;

namespace TokenMatch.Tests.Reference;

public sealed partial class ReferenceExchange
{
    /// <summary>
    /// Matches an accepted incoming order against the other side in price-time priority, applying
    /// self-trade prevention per resting order, then rests, cancels or forgets what is left.
    /// </summary>
    private void MatchAndRest(RefMarket m, RefOrder taker)
    {
        long decay = Decay(m, _now);
        SortedSet<RefOrder> book = m.SideOf(Opposite(taker.Side));
        bool killed = false;
        int makersMet = 0;
        var prices = new HashSet<long>();
        while (taker.Remaining > 0 && book.Count > 0 && !killed)
        {
            RefOrder maker = book.Min!;
            if (!CrossesOrder(taker, maker)) break;
            makersMet++;
            prices.Add(maker.Price);
            if (SelfTradeApplies(taker, maker))
            {
                string who = taker.Account == maker.Account ? "same" : "linked";
                Note($"stp:{taker.Stp}:{who}");
                Note($"stp:{taker.Stp}:taker:{taker.Type}");
                Note($"stp:{taker.Stp}:maker:{maker.Type}");
                switch (taker.Stp)
                {
                    case StpMode.CancelNewest:
                        killed = true;
                        break;
                    case StpMode.CancelOldest:
                    case StpMode.CancelBoth:
                        EmitOrderEvent(EventType.Cancelled, maker, maker.Remaining, CancelReason.SelfTrade);
                        ReleaseFor(maker, maker.Remaining);
                        Forget(m, maker, rested: true);
                        EmitLevel(m, maker.Side, maker.Price);
                        killed = taker.Stp == StpMode.CancelBoth;
                        break;
                    default:
                        long d = Math.Min(taker.Remaining, maker.Remaining);
                        maker.Remaining -= d;
                        taker.Remaining -= d;
                        ReleaseFor(maker, d);
                        ReleaseFor(taker, d);
                        EmitOrderEvent(EventType.Decremented, maker, d);
                        EmitOrderEvent(EventType.Decremented, taker, d);
                        if (maker.Remaining == 0) Forget(m, maker, rested: true);
                        EmitLevel(m, maker.Side, maker.Price);
                        break;
                }
                continue;
            }
            if (taker.Stp == StpMode.None && !taker.Buyback && !maker.Buyback && OneOwner(taker.Account, maker.Account))
                Note(taker.Account == maker.Account ? "stp:None:same" : "stp:None:linked");
            Trade(m, maker, taker, decay);
        }
        if (makersMet >= 5) Note("sweep:deep");
        if (prices.Count >= 3) Note("sweep:levels");
        if (prices.Count > 0 && Block(m, prices.Min()) != Block(m, prices.Max())) Note("sweep:blocks");

        if (taker.Remaining == 0) Forget(m, taker, rested: false);
        else if (killed) CancelUnrested(m, taker, CancelReason.SelfTrade);
        else if (taker.Tif is TimeInForce.Ioc or TimeInForce.Fok) CancelUnrested(m, taker, CancelReason.IocRemainder);
        else
        {
            m.SideOf(taker.Side).Add(taker);
            EmitLevel(m, taker.Side, taker.Price);
        }
    }

    /// <summary>Which 4,096-level block a price is in (one summary word of a 64 × 64 bitmap): for coverage notes only.</summary>
    private static long Block(RefMarket m, long price) => (price - m.MinPrice) / m.Tick / 4096;

    /// <summary>One fill at the resting order's effective price; the buyer pays price plus fee, the seller gets price less fee.</summary>
    private void Trade(RefMarket m, RefOrder maker, RefOrder taker, long decay)
    {
        long q = Math.Min(maker.Remaining, taker.Remaining);
        long exec = Eff(m, maker.Price, decay);
        RefOrder buy = maker.Side == Side.Buy ? maker : taker;
        RefOrder sell = maker.Side == Side.Buy ? taker : maker;
        bool feeFree = buy.Buyback;
        long buyerBps = buy == maker ? buy.MakerBps : buy.TakerBps;
        long sellerBps = sell == maker ? sell.MakerBps : sell.TakerBps;
        long buyerFee = feeFree ? 0 : Mul(q, FeePerLot(exec, buyerBps));
        long sellerFee = feeFree ? 0 : Mul(q, FeePerLot(exec, sellerBps));
        maker.Remaining -= q;
        taker.Remaining -= q;

        RefAccount buyer = _accounts[buy.Account];
        long held = Mul(q, buy.HoldPerLot);
        buyer.Held = checked(buyer.Held - held);
        buyer.Available = checked(buyer.Available + held - Mul(q, exec) - buyerFee);
        if (buy.Buyback)
        {
            m.Retired += q;
            m.BoughtBack += q;
            Note("buyback:trade");
        }
        else m.LotsOf(buy.Account).Free[(int)Origin.Acquired] += q;
        RefAccount seller = _accounts[sell.Account];
        m.LotsOf(sell.Account).HeldAllocated -= q;
        seller.Available = checked(seller.Available + Mul(q, exec) - sellerFee);
        PayFees(buyerFee + sellerFee);
        if (buyerFee + sellerFee != 0) Note("fee");

        Emit(new Event
        {
            Type = EventType.Trade, Market = m.Id, OrderId = maker.Id, Account = maker.Account, ClientId = maker.ClientId,
            OtherOrderId = taker.Id, OtherAccount = taker.Account, Side = taker.Side, Quantity = q, Price = maker.Price,
            ExecPrice = exec, Remaining = maker.Remaining, Fee = buyerFee, OtherFee = sellerFee,
        });
        if (maker.Remaining == 0) Forget(m, maker, rested: true);
        EmitLevel(m, maker.Side, maker.Price);
    }

    /// <summary>Cancels a resting order: event, hold released, out of the book.</summary>
    private void CancelResting(RefOrder o, CancelReason reason)
    {
        RefMarket m = _markets[o.Market];
        EmitOrderEvent(EventType.Cancelled, o, o.Remaining, reason);
        ReleaseFor(o, o.Remaining);
        Forget(m, o, rested: true);
        EmitLevel(m, o.Side, o.Price);
        Note($"cancel:{reason}");
    }

    /// <summary>Cancels what is left of an incoming order that never rested.</summary>
    private void CancelUnrested(RefMarket m, RefOrder o, CancelReason reason)
    {
        EmitOrderEvent(EventType.Cancelled, o, o.Remaining, reason);
        ReleaseFor(o, o.Remaining);
        Forget(m, o, rested: false);
        Note($"cancel:{reason}");
    }

    /// <summary>An order has ended: out of the book, the live set, its account's list or the market's buyback slot.</summary>
    private void Forget(RefMarket m, RefOrder o, bool rested)
    {
        if (rested)
        {
            SortedSet<RefOrder> side = m.SideOf(o.Side);
            side.Remove(o);
            // The next best level lies in another 4,096-level block: a search that must pass a summary word.
            if (side.Count > 0 && Block(m, side.Min!.Price) != Block(m, o.Price) && m.LevelTotal(o.Side, o.Price) == 0) Note("book:next-level-far");
        }
        _live.Remove(o.Id);
        if (o.Buyback) m.BuybackBid = null;
        else _accounts[o.Account].Open.Remove(o.Id);
    }

    private void EmitLevel(RefMarket m, Side side, long price) =>
        Emit(new Event { Type = EventType.BookLevel, Market = m.Id, Side = side, Price = price, Quantity = m.LevelTotal(side, price) });

    private void EmitOrderEvent(EventType type, RefOrder o, long quantity, CancelReason reason = 0) =>
        Emit(new Event
        {
            Type = type, Account = o.Account, Market = o.Market, OrderId = o.Id, ClientId = o.ClientId, Side = o.Side,
            Price = o.Price, Quantity = quantity, Remaining = o.Remaining, Reason = reason,
        });

    private void EmitOrderAccepted(RefOrder o) =>
        Emit(new Event
        {
            Type = EventType.Accepted, Account = o.Account, Market = o.Market, OrderId = o.Id, ClientId = o.ClientId,
            Side = o.Side, Price = o.Price, Quantity = o.Remaining,
        });

    private void EmitCommandOrderAccepted(in Command c, RefOrder o) =>
        Emit(new Event
        {
            Type = EventType.Accepted, Account = o.Account, Market = o.Market, OrderId = o.Id, ClientId = o.ClientId,
            Side = o.Side, Price = c.Price, Quantity = c.Quantity,
        });

    private void EmitAccepted(in Command c) =>
        Emit(new Event
        {
            Type = EventType.Accepted, Account = c.Account, Market = c.Market, OrderId = c.OrderId, ClientId = c.ClientId,
            Side = c.Side, Price = c.Price, Quantity = c.Quantity,
        });

    private void EmitMarketState(RefMarket m) =>
        Emit(new Event { Type = EventType.MarketState, Market = m.Id, Detail = (byte)m.State });
}
