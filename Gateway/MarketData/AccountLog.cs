namespace TokenMatch.Gateway.MarketData;

/// <summary>
/// One account's recent fills and accepted orders, bounded rings filled by the event thread and read
/// by sessions recovering after a reconnect (under <see cref="Gate"/>).
/// </summary>
internal sealed class AccountLog
{
    private readonly FillRecord[] _fills;
    private readonly (long OrderId, long ClientId, int Market)[] _orders;
    private long _fillCount;
    private long _orderCount;

    public readonly Lock Gate = new();

    public AccountLog(int capacity)
    {
        _fills = new FillRecord[capacity];
        _orders = new (long, long, int)[capacity];
    }

    /// <summary>Appends a fill (call under <see cref="Gate"/>).</summary>
    public void AddFill(in FillRecord fill)
    {
        _fills[_fillCount % _fills.Length] = fill;
        _fillCount++;
    }

    /// <summary>Remembers an accepted order's client id (call under <see cref="Gate"/>).</summary>
    public void AddOrder(long orderId, long clientId, int market)
    {
        _orders[_orderCount % _orders.Length] = (orderId, clientId, market);
        _orderCount++;
    }

    /// <summary>Fills of commands after <paramref name="afterSequence"/>, oldest first; complete = the log still holds every such fill.</summary>
    public List<FillRecord> FillsAfter(long afterSequence, long orderId, out bool complete)
    {
        var list = new List<FillRecord>();
        long first = Math.Max(0, _fillCount - _fills.Length);
        complete = first == 0 || _fills[first % _fills.Length].Sequence <= afterSequence;
        for (long i = first; i < _fillCount; i++)
        {
            ref FillRecord f = ref _fills[i % _fills.Length];
            if (f.Sequence > afterSequence && (orderId == 0 || f.OrderId == orderId)) list.Add(f);
        }
        return list;
    }

    /// <summary>The order id of a remembered (market, client id), or 0.</summary>
    public long OrderIdOf(int market, long clientId)
    {
        long first = Math.Max(0, _orderCount - _orders.Length);
        for (long i = _orderCount - 1; i >= first; i--)
        {
            var o = _orders[i % _orders.Length];
            if (o.ClientId == clientId && o.Market == market) return o.OrderId;
        }
        return 0;
    }
}
