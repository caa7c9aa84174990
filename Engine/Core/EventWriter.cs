using System.Runtime.CompilerServices;
using TokenMatch.Commands;
using TokenMatch.Events;
using TokenMatch.Markets;
using TokenMatch.Matching;

namespace TokenMatch.Core;

/// <summary>
/// The core's event side: a reused buffer of the current command's events, each stamped with the
/// command's sequence, type and time, handed to the sink when the buffer is full (so a burst never
/// buffers without limit) and when the command ends. One <c>Emit</c>-like method per event shape, so
/// the parts of the core fill an event the same way wherever it arises. Owned by the core thread.
/// </summary>
internal sealed class EventWriter
{
    private readonly Event[] _events;
    private readonly OrderPool _orders;
    private IEventSink? _sink;
    private int _count;
    private int _total;
    private CommandType _commandType;

    /// <summary>A writer of <paramref name="capacity"/> buffered events that reads orders from <paramref name="orders"/>.</summary>
    public EventWriter(OrderPool orders, int capacity)
    {
        _orders = orders;
        _events = new Event[capacity];
    }

    /// <summary>
    /// The <see cref="Command.Sequence"/> of the command being run, or of the last one run (−1 before
    /// the first): where a snapshot stands in the journal.
    /// </summary>
    public long Sequence { get; set; } = -1;

    /// <summary>The current command's time (the engine clock once time has been made monotonic).</summary>
    public long Now { get; private set; }

    /// <summary>Starts a command: events go to <paramref name="sink"/>, stamped with its sequence, type and time.</summary>
    public void Begin(IEventSink sink, long sequence, CommandType type, long now)
    {
        _sink = sink;
        _count = 0;
        _total = 0;
        Sequence = sequence;
        _commandType = type;
        Now = now;
    }

    /// <summary>Ends a command: hands on what is buffered and returns how many events the command produced.</summary>
    public int End()
    {
        Flush();
        _sink = null;
        return _total;
    }

    /// <summary>Starts a run whose events nobody reads (a snapshot restore replays admin commands to build state).</summary>
    public void BeginDiscarded() => _sink = DiscardEventSink.Instance;

    /// <summary>Forgets a discarded run's events.</summary>
    public void EndDiscarded()
    {
        _count = 0;
        _total = 0;
        _sink = null;
    }

    /// <summary>The next event slot, stamped with the current command; hands the buffer on first when it is full.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref Event New(EventType type)
    {
        if (_count == _events.Length) Flush();
        ref Event e = ref _events[_count++];
        e = default;
        e.Type = type;
        e.Command = _commandType;
        e.Sequence = Sequence;
        e.Timestamp = Now;
        _total++;
        return ref e;
    }

    private void Flush()
    {
        if (_count == 0) return;
        _sink!.OnEvents(new ReadOnlySpan<Event>(_events, 0, _count));
        _count = 0;
    }

    /// <summary>The command was rejected with <paramref name="code"/>: its own fields and the code.</summary>
    public void Rejected(ref Command c, ResultCode code) => CommandEvent(ref c, EventType.Rejected).Code = code;

    /// <summary>The command was accepted: its own fields.</summary>
    public void Accepted(ref Command c) => CommandEvent(ref c, EventType.Accepted);

    /// <summary>An event carrying the command's own fields (account, market, order and client id, side, price, quantity).</summary>
    private ref Event CommandEvent(ref Command c, EventType type)
    {
        ref Event e = ref New(type);
        e.Account = c.Account;
        e.Market = c.Market;
        e.OrderId = c.OrderId;
        e.ClientId = c.ClientId;
        e.Side = c.Side;
        e.Price = c.Price;
        e.Quantity = c.Quantity;
        return ref e;
    }

    /// <summary>A new order was accepted: the order as it stands (FTE price, full quantity).</summary>
    public void OrderAccepted(int index)
    {
        ref Order o = ref _orders[index];
        ref Event e = ref New(EventType.Accepted);
        e.Account = o.Account;
        e.Market = o.Market;
        e.OrderId = o.Id;
        e.ClientId = o.ClientId;
        e.Side = o.Side;
        e.Price = o.Price;
        e.Quantity = o.Remaining;
    }

    /// <summary>A command addressed to an existing order was accepted: the order's ids and side, the command's price and quantity.</summary>
    public void CommandOrderAccepted(ref Command c, int index)
    {
        ref Order o = ref _orders[index];
        ref Event e = ref New(EventType.Accepted);
        e.Account = o.Account;
        e.Market = o.Market;
        e.OrderId = o.Id;
        e.ClientId = o.ClientId;
        e.Side = o.Side;
        e.Price = c.Price;
        e.Quantity = c.Quantity;
    }

    /// <summary>Something happened to an order (cancelled, decremented, amended): <paramref name="quantity"/> lots of it, with its remaining.</summary>
    public void OrderEvent(EventType type, int index, long quantity, CancelReason reason = 0)
    {
        ref Order o = ref _orders[index];
        ref Event e = ref New(type);
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
    public void Amended(int index, long newRemaining)
    {
        OrderEvent(EventType.Amended, index, newRemaining);
        _events[_count - 1].Remaining = newRemaining;
    }

    /// <summary>
    /// A fill of resting order <paramref name="maker"/> (its remaining after the fill <paramref name="makerRemaining"/>)
    /// by the other side: <paramref name="takerOrderId"/> 0 for a replay fill, which has no order.
    /// </summary>
    public void Trade(int maker, long makerRemaining, long takerOrderId, int takerAccount, Side takerSide,
        long quantity, long exec, long buyerFee, long sellerFee)
    {
        ref Order o = ref _orders[maker];
        ref Event e = ref New(EventType.Trade);
        e.Market = o.Market;
        e.OrderId = o.Id;
        e.Account = o.Account;
        e.ClientId = o.ClientId;
        e.OtherOrderId = takerOrderId;
        e.OtherAccount = takerAccount;
        e.Side = takerSide;
        e.Quantity = quantity;
        e.Price = o.Price;
        e.ExecPrice = exec;
        e.Remaining = makerRemaining;
        e.Fee = buyerFee;
        e.OtherFee = sellerFee;
    }

    /// <summary>A price level's total changed.</summary>
    public void Level(int market, Side side, long price, long total)
    {
        ref Event e = ref New(EventType.BookLevel);
        e.Market = market;
        e.Side = side;
        e.Price = price;
        e.Quantity = total;
    }

    /// <summary>A market's state changed.</summary>
    public void MarketState(Market m)
    {
        ref Event e = ref New(EventType.MarketState);
        e.Market = m.Id;
        e.Detail = (byte)m.State;
    }

    /// <summary>An account's free lots of one origin expired with its market's cycle.</summary>
    public void LotsExpired(int market, int account, int origin, long quantity)
    {
        ref Event e = ref New(EventType.LotsExpired);
        e.Market = market;
        e.Account = account;
        e.Detail = (byte)origin;
        e.Quantity = quantity;
    }
}
