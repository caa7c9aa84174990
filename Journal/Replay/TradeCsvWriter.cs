using System.Globalization;
using TokenMatch.Commands;
using TokenMatch.Events;

namespace TokenMatch.Journal.Replay;

/// <summary>
/// Writes every trade as one CSV row, for notebooks:
/// <c>sequence,timestamp_ns,market,maker_order,taker_order,maker_account,taker_account,taker_side,quantity,fte_price,exec_price,buyer_fee,seller_fee</c>.
/// Passes every event on to <paramref name="next"/>.
/// </summary>
public sealed class TradeCsvWriter(TextWriter writer, IEventSink? next = null) : IEventSink
{
    /// <summary>The header row.</summary>
    public const string Header = "sequence,timestamp_ns,market,maker_order,taker_order,maker_account,taker_account,taker_side,quantity,fte_price,exec_price,buyer_fee,seller_fee";

    /// <summary>Writes <see cref="Header"/>.</summary>
    public void WriteHeader() => writer.WriteLine(Header);

    /// <inheritdoc/>
    public void OnEvents(ReadOnlySpan<Event> events)
    {
        foreach (ref readonly Event e in events)
        {
            if (e.Type != EventType.Trade) continue;
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{e.Sequence},{e.Timestamp},{e.Market},{e.OrderId},{e.OtherOrderId},{e.Account},{e.OtherAccount},{(e.Side == Side.Buy ? "buy" : "sell")},{e.Quantity},{e.Price},{e.ExecPrice},{e.Fee},{e.OtherFee}"));
        }
        next?.OnEvents(events);
    }
}
