using TokenMatch.Events;
using TokenMatch.Pipeline;

namespace TokenMatch.Examples.Embedding;

/// <summary>
/// A market-data subscriber: prints each trade. Runs on the engine's event thread, after the
/// journal has the command that caused the trade; it must be quick and must not keep the span.
/// </summary>
internal sealed class TradePrinter : IEventSubscriber
{
    private int _trades;

    /// <summary>Trades seen so far (read from other threads after the host has stopped).</summary>
    public int Trades => Volatile.Read(ref _trades);

    /// <inheritdoc/>
    public void OnEvents(ReadOnlySpan<Event> events)
    {
        foreach (ref readonly Event e in events)
        {
            if (e.Type != EventType.Trade) continue;
            Console.WriteLine($"trade #{e.Sequence}: {e.Quantity} lots at {e.ExecPrice:N0} µcr/lot (maker order {e.OrderId}, taker order {e.OtherOrderId})");
            Interlocked.Increment(ref _trades);
        }
    }
}
