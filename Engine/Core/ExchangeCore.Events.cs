using System.Runtime.CompilerServices;
using TokenMatch.Commands;
using TokenMatch.Events;
using TokenMatch.Markets;
using TokenMatch.Matching;

namespace TokenMatch.Core;

public sealed partial class ExchangeCore
{
    /// <summary>The next event slot, stamped with the current command; hands the buffer on first when it is full.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref Event NewEvent(EventType type)
    {
        if (_eventCount == _events.Length) Flush();
        ref Event e = ref _events[_eventCount++];
        e = default;
        e.Type = type;
        e.Command = _commandType;
        e.Sequence = _sequence;
        e.Timestamp = _now;
        _eventTotal++;
        return ref e;
    }

    private void Flush()
    {
        if (_eventCount == 0) return;
        _sink!.OnEvents(new ReadOnlySpan<Event>(_events, 0, _eventCount));
        _eventCount = 0;
    }

    private void EmitRejected(ref Command c, ResultCode code) => EmitCommandEvent(ref c, EventType.Rejected).Code = code;

    private void EmitAccepted(ref Command c) => EmitCommandEvent(ref c, EventType.Accepted);

    /// <summary>An event carrying the command's own fields (account, market, order and client id, side, price, quantity).</summary>
    private ref Event EmitCommandEvent(ref Command c, EventType type)
    {
        ref Event e = ref NewEvent(type);
        e.Account = c.Account;
        e.Market = c.Market;
        e.OrderId = c.OrderId;
        e.ClientId = c.ClientId;
        e.Side = c.Side;
        e.Price = c.Price;
        e.Quantity = c.Quantity;
        return ref e;
    }

    private void EmitOrderAccepted(int index)
    {
        ref Order o = ref _orders[index];
        ref Event e = ref NewEvent(EventType.Accepted);
        e.Account = o.Account;
        e.Market = o.Market;
        e.OrderId = o.Id;
        e.ClientId = o.ClientId;
        e.Side = o.Side;
        e.Price = o.Price;
        e.Quantity = o.Remaining;
    }

    private void EmitOrderEvent(EventType type, int index, long quantity, CancelReason reason = 0)
    {
        ref Order o = ref _orders[index];
        ref Event e = ref NewEvent(type);
        e.Account = o.Account;
        e.Market = o.Market;
        e.OrderId = o.Id;
        e.ClientId = o.ClientId;
        e.Side = o.Side;
        e.Price = o.Price;
        e.Quantity = quantity;
        e.Remaining = o.Remaining;
        e.Reason = reason;
    }

    /// <summary>An amend's outcome: Price the order's (new) FTE price, Quantity and Remaining both the new remaining quantity.</summary>
    private void EmitAmended(int index, long newRemaining)
    {
        EmitOrderEvent(EventType.Amended, index, newRemaining);
        _events[_eventCount - 1].Remaining = newRemaining;
    }

    private void EmitMarketState(Market m)
    {
        ref Event e = ref NewEvent(EventType.MarketState);
        e.Market = m.Id;
        e.Detail = (byte)m.State;
    }

    void IBookHost.OnLevel(int market, Side side, long price, long total)
    {
        ref Event e = ref NewEvent(EventType.BookLevel);
        e.Market = market;
        e.Side = side;
        e.Price = price;
        e.Quantity = total;
    }
}
