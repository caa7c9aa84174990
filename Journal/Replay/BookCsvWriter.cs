using System.Globalization;
using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Events;

namespace TokenMatch.Journal.Replay;

/// <summary>
/// Writes the top <c>levels</c> of a market's book after every command that changed it (a
/// book-level event), one row per level and side:
/// <c>sequence,timestamp_ns,market,side,level,price,quantity,orders</c> (level 1 is the best).
/// Use as an event sink (it notes which markets changed) and call <see cref="AfterCommand"/> after each command.
/// </summary>
public sealed class BookCsvWriter(TextWriter writer, int levels, IEventSink? next = null) : IEventSink
{
    /// <summary>The header row.</summary>
    public const string Header = "sequence,timestamp_ns,market,side,level,price,quantity,orders";

    private readonly SortedSet<int> _changed = new();

    /// <summary>Writes <see cref="Header"/>.</summary>
    public void WriteHeader() => writer.WriteLine(Header);

    /// <inheritdoc/>
    public void OnEvents(ReadOnlySpan<Event> events)
    {
        foreach (ref readonly Event e in events)
            if (e.Type == EventType.BookLevel) _changed.Add(e.Market);
        next?.OnEvents(events);
    }

    /// <summary>Writes the books that <paramref name="command"/> changed, as <paramref name="core"/> has them now.</summary>
    public void AfterCommand(ExchangeCore core, Command command)
    {
        foreach (int market in _changed)
        {
            if (core.GetDepth(market, levels) is not BookDepth depth) continue;
            Write(command, market, "bid", depth.Bids);
            Write(command, market, "ask", depth.Asks);
        }
        _changed.Clear();
    }

    private void Write(Command command, int market, string side, IReadOnlyList<DepthLevel> book)
    {
        for (int i = 0; i < book.Count; i++)
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{command.Sequence},{command.Timestamp},{market},{side},{i + 1},{book[i].Price},{book[i].Quantity},{book[i].Orders}"));
    }
}
