using TokenMatch.Gateway.Sessions;
using TokenMatch.Pipeline;

namespace TokenMatch.Gateway.MarketData;

/// <summary>
/// Sends tickers to their subscribers every interval (and once on subscribing): last trade, best bid
/// and ask, volume and VWAP from the feed's book; face and the decay factor D(now) from the core (a
/// query, made from this loop's own task, never from a pipeline thread), so the fair value
/// face × D(now) lets a user judge a price against the decay curve (its FTE equivalent is the face).
/// </summary>
internal sealed class TickerLoop
{
    private readonly EngineHost _host;
    private readonly EventFeed _feed;

    public TickerLoop(EngineHost host, EventFeed feed)
    {
        _host = host;
        _feed = feed;
    }

    /// <summary>Runs until cancelled.</summary>
    public async Task RunAsync(TimeSpan interval, CancellationToken cancel)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancel).ConfigureAwait(false))
            {
                foreach (MarketBook book in _feed.Books)
                {
                    if (!book.HasTickerSubscribers) continue;
                    Session[] subscribers;
                    lock (book.Gate) subscribers = book.TickerSubscribers;
                    await SendAsync(book, subscribers).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>One ticker to one session, now.</summary>
    public void SendNow(Session session, int market) => _ = SendAsync(_feed.Book(market), [session]);

    private async Task SendAsync(MarketBook book, Session[] subscribers)
    {
        int market = book.Market;
        long face, decay, now;
        try
        {
            (face, decay, now) = await _host.QueryAsync(core => (core.GetMarket(market)?.Face ?? 0, core.GetDecay(market) ?? 0, core.Clock))
                .ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            return;
        }
        long last, lastExec, bid, ask, volume, vwap;
        lock (book.Gate)
        {
            last = book.LastPrice;
            lastExec = book.LastExecPrice;
            bid = book.BestBid;
            ask = book.BestAsk;
            volume = book.Volume;
            vwap = volume == 0 ? 0 : (long)(book.Notional / volume);
        }
        long fair = (long)((Int128)face * decay / 1_000_000);
        foreach (Session s in subscribers) s.SendTicker(market, now, last, lastExec, bid, ask, volume, vwap, face, decay, fair);
    }
}
