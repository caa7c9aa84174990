using System.Runtime.CompilerServices;
using TokenMatch.Commands;
using TokenMatch.Markets;

namespace TokenMatch.Matching;

/// <summary>
/// The fast book of one market: price levels in arrays indexed by (price − min) / tick, one intrusive
/// FIFO of pooled orders per level, a two-level bitmap to find the next non-empty level, and the best
/// level of each side cached. No allocation after construction. Owned by the core thread.
/// </summary>
public sealed partial class OrderBook : IOrderBook
{
    private readonly IBookHost _host;
    private readonly OrderPool _pool;
    private readonly int _market;
    private readonly long _minPrice;
    private readonly long _tick;
    private readonly PriceLevel[] _bids;
    private readonly PriceLevel[] _asks;
    private readonly PriceBitmap _bidBits;
    private readonly PriceBitmap _askBits;
    private int _bestBid = -1;
    private int _bestAsk = -1;
    private int _count;

    /// <summary>Creates an empty book spanning the market's FTE price range.</summary>
    public OrderBook(Market market, IBookHost host)
    {
        _host = host;
        _pool = host.Orders;
        _market = market.Id;
        _minPrice = market.MinPrice;
        _tick = market.Tick;
        int levels = checked((int)((market.MaxPrice - market.MinPrice) / market.Tick + 1));
        _bids = NewLevels(levels);
        _asks = NewLevels(levels);
        _bidBits = new PriceBitmap(levels);
        _askBits = new PriceBitmap(levels);
    }

    private static PriceLevel[] NewLevels(int n)
    {
        var levels = new PriceLevel[n];
        for (int i = 0; i < n; i++) levels[i].Head = levels[i].Tail = -1;
        return levels;
    }

    /// <inheritdoc/>
    public int Count => _count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int IndexOf(long price) => (int)((price - _minPrice) / _tick);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long PriceAt(int index) => _minPrice + index * _tick;

    /// <inheritdoc/>
    public void Add(int order)
    {
        ref Order o = ref _pool[order];
        int i = IndexOf(o.Price);
        bool buy = o.Side == Side.Buy;
        ref PriceLevel level = ref (buy ? _bids : _asks)[i];
        o.Next = -1;
        o.Prev = level.Tail;
        if (level.Tail >= 0) _pool[level.Tail].Next = order;
        else
        {
            level.Head = order;
            if (buy)
            {
                _bidBits.Set(i);
                if (i > _bestBid) _bestBid = i;
            }
            else
            {
                _askBits.Set(i);
                if (_bestAsk < 0 || i < _bestAsk) _bestAsk = i;
            }
        }
        level.Tail = order;
        level.Count++;
        level.Total += o.Remaining;
        _count++;
        _host.OnLevel(_market, o.Side, o.Price, level.Total);
    }

    /// <inheritdoc/>
    public void Remove(int order)
    {
        ref Order o = ref _pool[order];
        ref PriceLevel level = ref (o.Side == Side.Buy ? _bids : _asks)[IndexOf(o.Price)];
        level.Total -= o.Remaining;
        Unlink(order, ref level);
        _host.OnLevel(_market, o.Side, o.Price, level.Total);
    }

    /// <inheritdoc/>
    public void Reduce(int order, long newRemaining)
    {
        ref Order o = ref _pool[order];
        ref PriceLevel level = ref (o.Side == Side.Buy ? _bids : _asks)[IndexOf(o.Price)];
        level.Total -= o.Remaining - newRemaining;
        o.Remaining = newRemaining;
        _host.OnLevel(_market, o.Side, o.Price, level.Total);
    }

    /// <summary>Takes an order out of its level's FIFO; clears the level's bit and moves the best level when it empties.</summary>
    private void Unlink(int order, ref PriceLevel level)
    {
        ref Order o = ref _pool[order];
        if (o.Prev >= 0) _pool[o.Prev].Next = o.Next; else level.Head = o.Next;
        if (o.Next >= 0) _pool[o.Next].Prev = o.Prev; else level.Tail = o.Prev;
        o.Prev = o.Next = -1;
        level.Count--;
        _count--;
        if (level.Count == 0) LevelEmptied(o.Side, IndexOf(o.Price));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void LevelEmptied(Side side, int i)
    {
        if (side == Side.Buy)
        {
            _bidBits.Clear(i);
            if (i == _bestBid) _bestBid = _bidBits.NextAtOrBelow(i - 1);
        }
        else
        {
            _askBits.Clear(i);
            if (i == _bestAsk) _bestAsk = _askBits.NextAtOrAbove(i + 1);
        }
    }

    /// <inheritdoc/>
    public bool Crosses(Side side, long limit)
    {
        if (side == Side.Buy) return _bestAsk >= 0 && PriceAt(_bestAsk) <= limit;
        return _bestBid >= 0 && PriceAt(_bestBid) >= limit;
    }

    /// <inheritdoc/>
    public void CollectOrders(Side side, List<int> into)
    {
        bool buy = side == Side.Buy;
        PriceLevel[] levels = buy ? _bids : _asks;
        PriceBitmap bits = buy ? _bidBits : _askBits;
        int i = buy ? _bestBid : _bestAsk;
        while (i >= 0)
        {
            for (int o = levels[i].Head; o >= 0; o = _pool[o].Next) into.Add(o);
            i = buy ? bits.NextAtOrBelow(i - 1) : bits.NextAtOrAbove(i + 1);
        }
    }

    /// <inheritdoc/>
    public void CollectLevels(Side side, int levels, List<(long Price, long Quantity, int Orders)> into)
    {
        bool buy = side == Side.Buy;
        PriceLevel[] array = buy ? _bids : _asks;
        PriceBitmap bits = buy ? _bidBits : _askBits;
        int i = buy ? _bestBid : _bestAsk;
        for (int n = 0; n < levels && i >= 0; n++)
        {
            into.Add((PriceAt(i), array[i].Total, array[i].Count));
            i = buy ? bits.NextAtOrBelow(i - 1) : bits.NextAtOrAbove(i + 1);
        }
    }
}
