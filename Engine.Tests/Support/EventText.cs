using TokenMatch.Events;

namespace TokenMatch.Tests.Support;

/// <summary>
/// One short line per event, so a scenario can assert a whole event stream as a list of strings
/// and a mismatch shows exactly which field differs.
/// </summary>
public static class EventText
{
    /// <summary>The event as one line: its type, then the fields that type uses.</summary>
    public static string Describe(Event e) => e.Type switch
    {
        EventType.Accepted => $"Accepted {e.Command} a{e.Account} m{e.Market} #{e.OrderId} c{e.ClientId} {e.Side} {e.Price}x{e.Quantity}",
        EventType.Rejected => $"Rejected {e.Code}",
        EventType.Trade => $"Trade m{e.Market} #{e.OrderId}/a{e.Account} <- #{e.OtherOrderId}/a{e.OtherAccount} {e.Side} {e.Quantity}@{e.ExecPrice} fte{e.Price} fees{e.Fee}/{e.OtherFee} left{e.Remaining}",
        EventType.Cancelled => $"Cancelled m{e.Market} #{e.OrderId} a{e.Account} c{e.ClientId} {e.Side} {e.Price}x{e.Quantity} {e.Reason}",
        EventType.Amended => $"Amended m{e.Market} #{e.OrderId} a{e.Account} c{e.ClientId} {e.Side} {e.Price}x{e.Quantity}",
        EventType.Decremented => $"Decremented m{e.Market} #{e.OrderId} a{e.Account} {e.Side} -{e.Quantity} left{e.Remaining}",
        EventType.BookLevel => $"Level m{e.Market} {e.Side} {e.Price}={e.Quantity}",
        EventType.LotsExpired => $"LotsExpired m{e.Market} a{e.Account} {e.Origin} {e.Quantity}",
        EventType.MarketState => $"MarketState m{e.Market} {e.State}",
        _ => $"Unknown {e.Type}",
    };

    /// <summary>Every event of a list, one line each.</summary>
    public static string[] Lines(this IEnumerable<Event> events) => events.Select(Describe).ToArray();
}
