using TokenMatch.Events;

namespace TokenMatch.Protocol;

/// <summary>Explicit text names of <see cref="EventType"/> (see <see cref="NameTable{TEnum}"/>). Renaming a member never changes these.</summary>
public static class EventTypeNames
{
    /// <summary>The table.</summary>
    public static readonly NameTable<EventType> Table = new(
        (EventType.Accepted, "accepted"),
        (EventType.Rejected, "rejected"),
        (EventType.Trade, "trade"),
        (EventType.Cancelled, "cancelled"),
        (EventType.Amended, "amended"),
        (EventType.Decremented, "decremented"),
        (EventType.BookLevel, "book-level"),
        (EventType.LotsExpired, "lots-expired"),
        (EventType.MarketState, "market-state"));

    /// <summary>The name written for <paramref name="value"/> (its number when it has none).</summary>
    public static string Name(EventType value) => Table.Name(value);

    /// <summary>Reads a name.</summary>
    public static bool TryParse(string text, out EventType value) => Table.TryParse(text, out value);
}
