using TokenMatch.Commands;
using TokenMatch.Markets;

namespace TokenMatch.Matching;

public sealed partial class OrderBook
{
    /// <inheritdoc/>
    public MatchResult Match(in Taker taker)
    {
        bool buy = taker.Side == Side.Buy;
        PriceLevel[] levels = buy ? _asks : _bids;
        Side makerSide = buy ? Side.Sell : Side.Buy;
        int limit = IndexOf(taker.Limit);
        long decay = taker.DecayPpm;
        ref Order t = ref _pool[taker.Index];
        while (t.Remaining > 0)
        {
            int i = buy ? _bestAsk : _bestBid;
            if (i < 0 || (buy ? i > limit : i < limit)) return MatchResult.Done;
            long price = PriceAt(i);
            long exec = Pricing.Effective(price, decay, _tick);
            ref PriceLevel level = ref levels[i];
            int m = level.Head;
            // Walk the level's FIFO; a level that empties moves the best index, so re-read it each round.
            while (m >= 0 && t.Remaining > 0)
            {
                ref Order o = ref _pool[m];
                int next = o.Next;
                if (taker.Stp != StpMode.None && !taker.IsBuyback && !o.IsBuyback && _host.SameOwner(t.Account, o.Account))
                {
                    if (!SelfTrade(in taker, ref t, m, ref level, makerSide, price)) return MatchResult.SelfTradeKilled;
                }
                else
                {
                    long q = Math.Min(t.Remaining, o.Remaining);
                    o.Remaining -= q;
                    t.Remaining -= q;
                    level.Total -= q;
                    _host.OnTrade(m, taker.Index, q, exec);
                    _host.OnLevel(_market, makerSide, price, level.Total);
                    if (o.Remaining == 0)
                    {
                        Unlink(m, ref level);
                        _host.OnRemoved(m);
                    }
                }
                m = next;
            }
        }
        return MatchResult.Done;
    }

    /// <summary>
    /// Applies the incoming order's self-trade mode to resting order <paramref name="m"/>; false when
    /// the mode cancels the incoming remainder (cancel-newest, cancel-both), which ends the walk.
    /// </summary>
    private bool SelfTrade(in Taker taker, ref Order t, int m, ref PriceLevel level, Side makerSide, long price)
    {
        ref Order o = ref _pool[m];
        switch (taker.Stp)
        {
            case StpMode.CancelNewest:
                return false;
            case StpMode.CancelOldest:
            case StpMode.CancelBoth:
                _host.OnSelfTradeCancel(m);
                level.Total -= o.Remaining;
                Unlink(m, ref level);
                _host.OnLevel(_market, makerSide, price, level.Total);
                _host.OnRemoved(m);
                return taker.Stp != StpMode.CancelBoth;
            default:
                long d = Math.Min(t.Remaining, o.Remaining);
                o.Remaining -= d;
                t.Remaining -= d;
                level.Total -= d;
                _host.OnDecrement(m, taker.Index, d);
                _host.OnLevel(_market, makerSide, price, level.Total);
                if (o.Remaining == 0)
                {
                    Unlink(m, ref level);
                    _host.OnRemoved(m);
                }
                return true;
        }
    }

    /// <inheritdoc/>
    public bool CanFillWhole(in Taker taker)
    {
        bool buy = taker.Side == Side.Buy;
        PriceLevel[] levels = buy ? _asks : _bids;
        PriceBitmap bits = buy ? _askBits : _bidBits;
        int limit = IndexOf(taker.Limit);
        ref Order t = ref _pool[taker.Index];
        long need = t.Remaining;
        for (int i = buy ? _bestAsk : _bestBid; i >= 0 && (buy ? i <= limit : i >= limit);
             i = buy ? bits.NextAtOrAbove(i + 1) : bits.NextAtOrBelow(i - 1))
        {
            for (int m = levels[i].Head; m >= 0; m = _pool[m].Next)
            {
                ref Order o = ref _pool[m];
                if (taker.Stp != StpMode.None && !taker.IsBuyback && !o.IsBuyback && _host.SameOwner(t.Account, o.Account))
                {
                    // Cancel-oldest removes the resting order and goes on; every other mode ends or
                    // shrinks the incoming order without a trade, so it cannot fill whole.
                    if (taker.Stp == StpMode.CancelOldest) continue;
                    return false;
                }
                need -= o.Remaining;
                if (need <= 0) return true;
            }
        }
        return false;
    }

    /// <inheritdoc/>
    public void ValidateInternalState()
    {
        int total = ValidateSide(_bids, _bidBits, Side.Buy, _bestBid) + ValidateSide(_asks, _askBits, Side.Sell, _bestAsk);
        if (total != _count) throw new InvalidOperationException($"book {_market}: count {_count} but {total} orders linked");
    }

    private int ValidateSide(PriceLevel[] levels, PriceBitmap bits, Side side, int best)
    {
        int orders = 0;
        int expectedBest = -1;
        for (int i = 0; i < levels.Length; i++)
        {
            ref PriceLevel level = ref levels[i];
            if (bits.IsSet(i) != (level.Count > 0))
                throw new InvalidOperationException($"book {_market} {side} level {PriceAt(i)}: bitmap disagrees with count {level.Count}");
            if (level.Count == 0)
            {
                if (level.Head != -1 || level.Tail != -1 || level.Total != 0)
                    throw new InvalidOperationException($"book {_market} {side} level {PriceAt(i)}: empty level not clear");
                continue;
            }
            if (side == Side.Buy || expectedBest < 0) expectedBest = i;
            long sum = 0;
            int n = 0, prev = -1;
            for (int o = level.Head; o >= 0; o = _pool[o].Next)
            {
                ref Order order = ref _pool[o];
                if (order.Prev != prev) throw new InvalidOperationException($"book {_market}: broken back link at order {order.Id}");
                if (order.Side != side || order.Price != PriceAt(i) || order.Remaining <= 0)
                    throw new InvalidOperationException($"book {_market}: order {order.Id} misplaced or empty");
                sum += order.Remaining;
                n++;
                prev = o;
            }
            if (prev != level.Tail || n != level.Count || sum != level.Total)
                throw new InvalidOperationException($"book {_market} {side} level {PriceAt(i)}: tail/count/total disagree");
            orders += n;
        }
        if (best != expectedBest) throw new InvalidOperationException($"book {_market} {side}: best index {best}, expected {expectedBest}");
        return orders;
    }
}
