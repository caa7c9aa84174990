using TokenMatch.Core;
using TokenMatch.Events;
using TokenMatch.Pipeline;

namespace TokenMatch.Cli.Serve;

/// <summary>
/// Counts per market what the live view shows beside the book: orders accepted, trades, volume (lots)
/// and the last trade's FTE price, since the server started. Written by the release thread (an
/// <see cref="IEventSubscriber"/>: plain stores, no allocation), read by any thread (a torn read of
/// two counters only shows a value half a refresh old).
/// </summary>
public sealed class MarketActivity : IEventSubscriber
{
    private readonly long[] _orders = new long[ExchangeCore.MaxMarkets];
    private readonly long[] _trades = new long[ExchangeCore.MaxMarkets];
    private readonly long[] _volume = new long[ExchangeCore.MaxMarkets];
    private readonly long[] _last = new long[ExchangeCore.MaxMarkets];

    /// <inheritdoc/>
    public void OnEvents(ReadOnlySpan<Event> events)
    {
        foreach (ref readonly Event e in events)
        {
            if ((uint)e.Market >= ExchangeCore.MaxMarkets) continue;
            if (e.Type == EventType.Trade)
            {
                Volatile.Write(ref _trades[e.Market], _trades[e.Market] + 1);
                Volatile.Write(ref _volume[e.Market], _volume[e.Market] + e.Quantity);
                Volatile.Write(ref _last[e.Market], e.Price);
            }
            else if (e.Type == EventType.Accepted && e.Command == TokenMatch.Commands.CommandType.Place)
            {
                Volatile.Write(ref _orders[e.Market], _orders[e.Market] + 1);
            }
        }
    }

    /// <summary>Orders accepted in <paramref name="market"/>.</summary>
    public long Orders(int market) => Volatile.Read(ref _orders[market]);

    /// <summary>Trades in <paramref name="market"/>.</summary>
    public long Trades(int market) => Volatile.Read(ref _trades[market]);

    /// <summary>Lots traded in <paramref name="market"/>.</summary>
    public long Volume(int market) => Volatile.Read(ref _volume[market]);

    /// <summary>The last trade's FTE price (0 = none yet).</summary>
    public long Last(int market) => Volatile.Read(ref _last[market]);

    /// <summary>Orders accepted in every market.</summary>
    public long TotalOrders()
    {
        long n = 0;
        for (int m = 0; m < _orders.Length; m++) n += Volatile.Read(ref _orders[m]);
        return n;
    }
}
