using TokenMatch.Commands;
using TokenMatch.Events;

namespace TokenMatch.Journal.Replay;

/// <summary>Counts trades, volume, buybacks, fees and rejections per market from the replay's events, and passes them on.</summary>
internal sealed class ReplayStatsSink(JournalReplaySummary summary, IEventSink? next) : IEventSink
{
    /// <summary>The provider account (buyback bids), from the last <c>set house</c> run; −1 before.</summary>
    public int Provider { get; set; } = -1;

    /// <inheritdoc/>
    public void OnEvents(ReadOnlySpan<Event> events)
    {
        foreach (ref readonly Event e in events)
        {
            switch (e.Type)
            {
                case EventType.Trade:
                    MarketStats m = Market(e.Market);
                    Int128 value = (Int128)e.Quantity * e.ExecPrice;
                    m.Trades++;
                    m.Volume += e.Quantity;
                    m.Notional += value;
                    m.Fees += (Int128)e.Fee + e.OtherFee;
                    m.CreditsToSellers += value - e.OtherFee;
                    int buyer = e.Side == Side.Buy ? e.OtherAccount : e.Account;
                    if (buyer == Provider)
                    {
                        m.BuybackVolume += e.Quantity;
                        m.BuybackSpend += value;
                    }
                    break;
                case EventType.Rejected:
                    SortedDictionary<ResultCode, long> rejections = Market(e.Market).Rejections;
                    rejections[e.Code] = rejections.GetValueOrDefault(e.Code) + 1;
                    break;
            }
        }
        next?.OnEvents(events);
    }

    private MarketStats Market(int id)
    {
        if (!summary.Markets.TryGetValue(id, out MarketStats? stats)) summary.Markets[id] = stats = new MarketStats { Market = id };
        return stats;
    }
}
