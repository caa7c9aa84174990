using System.Numerics;
using TokenMatch.Commands;
using TokenMatch.Markets;

namespace TokenMatch.Matching;

/// <summary>
/// The reference book: deliberately simple and obviously correct, for tests that drive it side by
/// side with the fast <see cref="IOrderBook"/> implementation. Each side is a sorted dictionary from
/// FTE price to the list of resting pool slots at that price, best price first and, within a
/// price, in the order they were added. Totals are summed afresh whenever they are reported, and
/// the executed price is computed here with <see cref="BigInteger"/> straight from the brief's
/// formula. Its own structure and walk are not the fast book's, but everything it reports through
/// <see cref="IBookHost"/> (owner checks, self-trade outcomes' ledger side, settlement, fees, holds,
/// validation before it) is the same core code: a bug there is on both sides. Slow on purpose.
/// Owned by the core thread.
/// </summary>
public sealed class NaiveOrderBook : IOrderBook
{
    private readonly Market _market;
    private readonly IBookHost _host;
    private readonly SortedDictionary<long, List<int>> _bids = new(Comparer<long>.Create((a, b) => b.CompareTo(a)));
    private readonly SortedDictionary<long, List<int>> _asks = new(Comparer<long>.Create((a, b) => a.CompareTo(b)));

    // Where each resting slot was filed, so that a removal never depends on fields the caller may have changed.
    private readonly Dictionary<int, (Side Side, long Price)> _filed = new();

    /// <summary>Creates an empty book for <paramref name="market"/>, reporting to <paramref name="host"/>.</summary>
    public NaiveOrderBook(Market market, IBookHost host)
    {
        _market = market;
        _host = host;
    }

    private OrderPool Pool => _host.Orders;

    /// <inheritdoc/>
    public int Count => _filed.Count;

    /// <inheritdoc/>
    public void Add(int order)
    {
        ref Order o = ref Pool[order];
        if (_filed.ContainsKey(order)) throw new InvalidOperationException($"slot {order} already rests");
        SortedDictionary<long, List<int>> side = SideOf(o.Side);
        if (!side.TryGetValue(o.Price, out List<int>? level))
        {
            level = new List<int>();
            side.Add(o.Price, level);
        }
        level.Add(order);
        _filed.Add(order, (o.Side, o.Price));
        _host.OnLevel(_market.Id, o.Side, o.Price, Total(level));
    }

    /// <inheritdoc/>
    public void Remove(int order)
    {
        var (side, price) = TakeOut(order);
        _host.OnLevel(_market.Id, side, price, LevelTotal(side, price));
    }

    /// <inheritdoc/>
    public void Reduce(int order, long newRemaining)
    {
        if (!_filed.TryGetValue(order, out var at)) throw new InvalidOperationException($"slot {order} does not rest");
        Pool[order].Remaining = newRemaining;
        _host.OnLevel(_market.Id, at.Side, at.Price, LevelTotal(at.Side, at.Price));
    }

    /// <inheritdoc/>
    public bool Crosses(Side side, long limit)
    {
        foreach (long price in SideOf(Opposite(side)).Keys)
            if (Meets(side, limit, price)) return true;
        return false;
    }

    /// <inheritdoc/>
    public bool CanFillWhole(in Taker taker)
    {
        ref Order incoming = ref Pool[taker.Index];
        long need = incoming.Remaining;
        foreach (var (price, level) in SideOf(Opposite(taker.Side)))
        {
            if (!Meets(taker.Side, taker.Limit, price)) break;
            foreach (int slot in level)
            {
                ref Order resting = ref Pool[slot];
                if (IsSelfTrade(in taker, incoming.Account, ref resting))
                {
                    if (taker.Stp == StpMode.CancelOldest) continue;
                    return false;
                }
                need -= resting.Remaining;
                if (need <= 0) return true;
            }
        }
        return false;
    }

    /// <inheritdoc/>
    public void Match(ref Taker taker)
    {
        OrderPool pool = Pool;
        SortedDictionary<long, List<int>> opposite = SideOf(Opposite(taker.Side));
        while (pool[taker.Index].Remaining > 0 && opposite.Count > 0)
        {
            var (price, level) = opposite.First();
            if (!Meets(taker.Side, taker.Limit, price)) return;
            int slot = level[0];
            ref Order resting = ref pool[slot];
            ref Order incoming = ref pool[taker.Index];
            Side restingSide = resting.Side;

            if (IsSelfTrade(in taker, incoming.Account, ref resting))
            {
                switch (taker.Stp)
                {
                    case StpMode.CancelNewest:
                        taker.Killed = true;
                        return;
                    case StpMode.CancelOldest:
                    case StpMode.CancelBoth:
                        _host.OnSelfTradeCancel(slot);
                        TakeOut(slot);
                        _host.OnLevel(_market.Id, restingSide, price, LevelTotal(restingSide, price));
                        _host.OnRemoved(slot);
                        if (taker.Stp == StpMode.CancelBoth)
                        {
                            taker.Killed = true;
                            return;
                        }
                        continue;
                    case StpMode.DecrementAndCancel:
                        {
                            long d = Math.Min(resting.Remaining, incoming.Remaining);
                            resting.Remaining -= d;
                            incoming.Remaining -= d;
                            bool gone = resting.Remaining == 0;
                            _host.OnDecrement(slot, taker.Index, d);
                            _host.OnLevel(_market.Id, restingSide, price, LevelTotal(restingSide, price));
                            if (gone)
                            {
                                TakeOut(slot);
                                _host.OnRemoved(slot);
                            }
                            continue;
                        }
                    default:
                        throw new InvalidOperationException($"self-trade mode {taker.Stp} cannot match");
                }
            }

            long q = Math.Min(resting.Remaining, incoming.Remaining);
            resting.Remaining -= q;
            incoming.Remaining -= q;
            bool filled = resting.Remaining == 0;
            _host.OnTrade(slot, taker.Index, q, ExecutedPrice(price));
            _host.OnLevel(_market.Id, restingSide, price, LevelTotal(restingSide, price));
            if (filled)
            {
                TakeOut(slot);
                _host.OnRemoved(slot);
            }
        }
    }

    /// <inheritdoc/>
    public void CollectOrders(Side side, List<int> into)
    {
        foreach (List<int> level in SideOf(side).Values) into.AddRange(level);
    }

    /// <inheritdoc/>
    public void CollectLevels(Side side, int levels, List<(long Price, long Quantity, int Orders)> into)
    {
        foreach (var (price, level) in SideOf(side))
        {
            if (levels-- <= 0) return;
            into.Add((price, Total(level), level.Count));
        }
    }

    /// <inheritdoc/>
    public void ValidateInternalState()
    {
        var seen = new HashSet<int>();
        foreach (Side side in (ReadOnlySpan<Side>)[Side.Buy, Side.Sell])
        {
            foreach (var (price, level) in SideOf(side))
            {
                Check(level.Count > 0, $"{side} level {price} is empty");
                Check(price > 0 && price % _market.Tick == 0, $"{side} level {price} is not a positive multiple of the tick");
                foreach (int slot in level)
                {
                    Order o = Pool[slot];
                    Check(seen.Add(slot), $"slot {slot} rests twice");
                    Check(o.Id != 0, $"slot {slot} rests but is free");
                    Check(o.Side == side, $"order {o.Id} ({o.Side}) filed under {side}");
                    Check(o.Price == price, $"order {o.Id} at {o.Price} filed under {price}");
                    Check(o.Market == _market.Id, $"order {o.Id} of market {o.Market} in market {_market.Id}");
                    Check(o.Remaining > 0, $"order {o.Id} rests with {o.Remaining} lots");
                    Check(_filed.TryGetValue(slot, out var at) && at == (side, price), $"order {o.Id} misfiled");
                }
            }
        }
        Check(seen.Count == _filed.Count, $"{seen.Count} slots in levels, {_filed.Count} filed");
    }

    /// <summary>eff(p) = max(tick, ⌊p × D / 1,000,000 / tick⌋ × tick), in arbitrary precision.</summary>
    private long ExecutedPrice(long ftePrice)
    {
        BigInteger tick = _market.Tick;
        BigInteger value = (BigInteger)ftePrice * _host.DecayPpm / 1_000_000 / tick * tick;
        return (long)BigInteger.Max(tick, value);
    }

    private bool IsSelfTrade(in Taker taker, int takerAccount, ref Order resting) =>
        taker.Stp != StpMode.None && !taker.IsBuyback && !resting.IsBuyback
        && _host.SameOwner(takerAccount, resting.Account);

    /// <summary>An incoming order of <paramref name="side"/> at <paramref name="limit"/> meets a resting price.</summary>
    private static bool Meets(Side side, long limit, long restingPrice) =>
        side == Side.Buy ? restingPrice <= limit : restingPrice >= limit;

    private (Side Side, long Price) TakeOut(int order)
    {
        if (!_filed.Remove(order, out var at)) throw new InvalidOperationException($"slot {order} does not rest");
        SortedDictionary<long, List<int>> side = SideOf(at.Side);
        List<int> level = side[at.Price];
        if (!level.Remove(order)) throw new InvalidOperationException($"slot {order} missing from its level");
        if (level.Count == 0) side.Remove(at.Price);
        return at;
    }

    private long LevelTotal(Side side, long price) =>
        SideOf(side).TryGetValue(price, out List<int>? level) ? Total(level) : 0;

    private long Total(List<int> level)
    {
        long total = 0;
        foreach (int slot in level) total += Pool[slot].Remaining;
        return total;
    }

    private SortedDictionary<long, List<int>> SideOf(Side side) => side switch
    {
        Side.Buy => _bids,
        Side.Sell => _asks,
        _ => throw new InvalidOperationException($"side {side}"),
    };

    private static Side Opposite(Side side) => side == Side.Buy ? Side.Sell : Side.Buy;

    private static void Check(bool condition, string message)
    {
        if (!condition) throw new InvalidOperationException($"naive book: {message}");
    }
}
