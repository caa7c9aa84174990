using MessagePack;
using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Events;
using TokenMatch.Gateway.MarketData;
using TokenMatch.Protocol;

namespace TokenMatch.Gateway.Sessions;

public sealed partial class Session
{
    /// <summary>An error answer (code and message).</summary>
    internal void SendError(long correlation, ResultCode code, string message)
    {
        lock (_out.Gate)
        {
            var w = _out.Builder.Begin(MessageType.Error, correlation, 2);
            w.Write((ushort)code);
            w.Write(message);
            _out.Commit(ref w);
        }
    }

    private void SendGoodbye(ResultCode code, string message)
    {
        lock (_out.Gate)
        {
            var w = _out.Builder.Begin(MessageType.Goodbye, 0, 2);
            w.Write((ushort)code);
            w.Write(message);
            _out.Commit(ref w);
        }
    }

    private void SendResult(long correlation, ResultCode code, long sequence, long timestamp, long orderId, int eventCount)
    {
        lock (_out.Gate)
        {
            var w = _out.Builder.Begin(MessageType.Result, correlation, 5);
            w.Write((ushort)code);
            w.Write(sequence);
            w.Write(timestamp);
            w.Write(orderId);
            w.Write(eventCount);
            _out.Commit(ref w);
        }
    }

    /// <summary>Responder thread: a command of this session has run.</summary>
    internal void OnCommandResult(long correlation, in Command command, long orderId)
    {
        Interlocked.Decrement(ref _inFlight);
        SendResult(correlation, command.Result, command.Sequence, command.Timestamp, orderId, command.EventCount);
    }

    /// <summary>Event thread: an event of this session's account.</summary>
    internal void SendExecution(in Event e, in FillRecord fill, bool isFill)
    {
        lock (_out.Gate)
        {
            var w = _out.Builder.Begin(MessageType.Execution, 0, 16);
            w.Write((byte)e.Type);
            w.Write(e.Sequence);
            w.Write(e.Timestamp);
            w.Write(e.Market);
            if (isFill)
            {
                w.Write(e.Side == fill.Side ? e.OtherAccount : e.Account);
                w.Write(fill.OrderId);
                w.Write(0L);
                w.Write((byte)fill.Side);
                w.Write(e.Price);
                w.Write(e.ExecPrice);
                w.Write(e.Quantity);
                w.Write(fill.Maker ? e.Remaining : 0L);
                w.Write(fill.Fee);
                w.Write((byte)0);
                w.Write(fill.Maker);
                w.Write(fill.OtherOrderId);
            }
            else
            {
                w.Write(e.Account);
                w.Write(e.OrderId);
                w.Write(e.ClientId);
                w.Write((byte)e.Side);
                w.Write(e.Price);
                w.Write(0L);
                w.Write(e.Quantity);
                w.Write(e.Remaining);
                w.Write(0L);
                w.Write((byte)e.Reason);
                w.Write(false);
                w.Write(0L);
            }
            _out.Commit(ref w);
        }
    }

    /// <summary>Event thread, under the book's gate: one level's new total.</summary>
    internal void SendBookUpdate(int market, long sequence, Side side, long price, long quantity)
    {
        lock (_out.Gate)
        {
            var w = _out.Builder.Begin(MessageType.BookUpdate, 0, 5);
            w.Write(market);
            w.Write(sequence);
            w.Write((byte)side);
            w.Write(price);
            w.Write(quantity);
            _out.Commit(ref w);
        }
    }

    /// <summary>Event thread, under the book's gate: a trade.</summary>
    internal void SendTradeTick(int market, long sequence, long timestamp, Side takerSide, long price, long execPrice, long quantity)
    {
        lock (_out.Gate)
        {
            var w = _out.Builder.Begin(MessageType.TradeTick, 0, 7);
            w.Write(market);
            w.Write(sequence);
            w.Write(timestamp);
            w.Write((byte)takerSide);
            w.Write(price);
            w.Write(execPrice);
            w.Write(quantity);
            _out.Commit(ref w);
        }
    }

    /// <summary>Under the book's gate: the whole L2 book at its depth sequence.</summary>
    internal void SendBookSnapshot(MarketBook book)
    {
        lock (_out.Gate)
        {
            var w = _out.Builder.Begin(MessageType.BookSnapshot, 0, 4);
            w.Write(book.Market);
            w.Write(book.DepthSequence);
            foreach (Side side in (ReadOnlySpan<Side>)[Side.Buy, Side.Sell])
            {
                var levels = book.Levels(side);
                w.WriteArrayHeader(levels is ICollection<KeyValuePair<long, long>> c ? c.Count : levels.Count());
                foreach (var (price, quantity) in levels)
                {
                    w.WriteArrayHeader(2);
                    w.Write(price);
                    w.Write(quantity);
                }
            }
            _out.Commit(ref w);
        }
    }

    /// <summary>A ticker: last, best bid and ask, volume, VWAP, face, decay and fair value.</summary>
    internal void SendTicker(int market, long now, long last, long lastExec, long bestBid, long bestAsk, long volume, long vwap,
        long face, long decayPpm, long fairValue)
    {
        lock (_out.Gate)
        {
            var w = _out.Builder.Begin(MessageType.Ticker, 0, 11);
            w.Write(market);
            w.Write(now);
            w.Write(last);
            w.Write(lastExec);
            w.Write(bestBid);
            w.Write(bestAsk);
            w.Write(volume);
            w.Write(vwap);
            w.Write(face);
            w.Write(decayPpm);
            w.Write(fairValue);
            _out.Commit(ref w);
        }
    }

    private void SendSubscribed(long correlation, ResultCode code, int market, int what)
    {
        lock (_out.Gate)
        {
            var w = _out.Builder.Begin(MessageType.Subscribed, correlation, 3);
            w.Write((ushort)code);
            w.Write(market);
            w.Write(what);
            _out.Commit(ref w);
        }
    }

    private static void WriteFill(ref MessagePackWriter w, in FillRecord f)
    {
        w.WriteArrayHeader(11);
        w.Write(f.Sequence);
        w.Write(f.Timestamp);
        w.Write(f.Market);
        w.Write(f.OrderId);
        w.Write((byte)f.Side);
        w.Write(f.Price);
        w.Write(f.ExecPrice);
        w.Write(f.Quantity);
        w.Write(f.Fee);
        w.Write(f.Maker);
        w.Write(f.OtherOrderId);
    }

    private static void WriteOrder(ref MessagePackWriter w, OrderView o)
    {
        w.WriteArrayHeader(9);
        w.Write(o.OrderId);
        w.Write(o.ClientId);
        w.Write(o.Account);
        w.Write(o.Market);
        w.Write((byte)o.Side);
        w.Write((byte)o.Type);
        w.Write(o.Price);
        w.Write(o.Remaining);
        w.Write(o.ExpireAt);
    }

    private void SendFills(long correlation, bool complete, List<FillRecord> fills)
    {
        lock (_out.Gate)
        {
            var w = _out.Builder.Begin(MessageType.FillList, correlation, 3);
            w.Write((ushort)ResultCode.Ok);
            w.Write(complete);
            w.WriteArrayHeader(fills.Count);
            foreach (FillRecord f in fills) WriteFill(ref w, in f);
            _out.Commit(ref w);
        }
    }

    private async Task OrderStatusAsync(long correlation, int account, long orderId, int market, long clientId)
    {
        IReadOnlyList<OrderView> open = await _host.GetOpenOrdersAsync(account).ConfigureAwait(false);
        OrderView? order = open.FirstOrDefault(o => orderId != 0 ? o.OrderId == orderId : o.Market == market && o.ClientId == clientId);
        AccountLog log = _server.Feed.Log(account);
        List<FillRecord> fills;
        lock (log.Gate)
        {
            long id = order?.OrderId ?? (orderId != 0 ? orderId : log.OrderIdOf(market, clientId));
            fills = id == 0 ? [] : log.FillsAfter(-1, id, out _);
        }
        ResultCode code = order is not null || fills.Count > 0 ? ResultCode.Ok : ResultCode.UnknownOrder;
        lock (_out.Gate)
        {
            var w = _out.Builder.Begin(MessageType.Order, correlation, 4);
            w.Write((ushort)code);
            w.Write(order is not null);
            if (order is not null) WriteOrder(ref w, order); else w.WriteNil();
            w.WriteArrayHeader(fills.Count);
            foreach (FillRecord f in fills) WriteFill(ref w, in f);
            _out.Commit(ref w);
        }
    }

    private async Task OpenOrdersAsync(long correlation, int account)
    {
        IReadOnlyList<OrderView> open = await _host.GetOpenOrdersAsync(account).ConfigureAwait(false);
        lock (_out.Gate)
        {
            var w = _out.Builder.Begin(MessageType.Orders, correlation, 2);
            w.Write((ushort)ResultCode.Ok);
            w.WriteArrayHeader(open.Count);
            foreach (OrderView o in open) WriteOrder(ref w, o);
            _out.Commit(ref w);
        }
    }

    private async Task AccountAsync(long correlation, int account)
    {
        AccountView? a = await _host.GetAccountAsync(account).ConfigureAwait(false);
        lock (_out.Gate)
        {
            var w = _out.Builder.Begin(MessageType.AccountInfo, correlation, 11);
            w.Write((ushort)(a is null ? ResultCode.UnknownAccount : ResultCode.Ok));
            w.Write(account);
            w.Write((byte)(a?.Tier ?? 0));
            w.Write(a?.Frozen ?? false);
            w.Write(a?.Group ?? 0);
            w.Write(a?.Available ?? 0);
            w.Write(a?.Held ?? 0);
            w.Write(a?.Spent ?? 0);
            w.Write(a?.OpenOrders ?? 0);
            w.Write((byte)(a?.StpDefault ?? 0));
            IReadOnlyList<MarketLotsView> lots = a?.Lots ?? [];
            w.WriteArrayHeader(lots.Count);
            foreach (MarketLotsView l in lots)
            {
                w.WriteArrayHeader(7);
                w.Write(l.Market);
                foreach (long free in l.Free) w.Write(free);
                w.Write(l.HeldAllocated);
                w.Write(l.SellCounted);
            }
            _out.Commit(ref w);
        }
    }

    private async Task MarketAsync(long correlation, int market)
    {
        var (m, decay) = await _host.QueryAsync(core => (core.GetMarket(market), core.GetDecay(market))).ConfigureAwait(false);
        lock (_out.Gate)
        {
            var w = _out.Builder.Begin(MessageType.MarketInfo, correlation, 19);
            w.Write((ushort)(m is null ? ResultCode.UnknownMarket : ResultCode.Ok));
            w.Write(market);
            if (m is null) w.WriteNil(); else w.Write(m.Symbol);
            w.Write((byte)(m?.State ?? 0));
            w.Write(m?.LotSize ?? 0);
            w.Write(m?.Tick ?? 0);
            w.Write(m?.Face ?? 0);
            w.Write(m?.MinPrice ?? 0);
            w.Write(m?.MaxPrice ?? 0);
            w.Write(m?.MinQuantity ?? 0);
            w.Write(m?.MaxQuantity ?? 0);
            w.Write(m?.CycleStart ?? 0);
            w.Write(m?.CycleEnd ?? 0);
            w.Write((byte)(m?.Curve ?? 0));
            w.Write(m?.MakerBps ?? 0);
            w.Write(m?.TakerBps ?? 0);
            w.Write(m?.BuybackRateBps ?? 0);
            w.Write(m?.BuybackBudget ?? 0);
            w.Write(decay ?? 0);
            _out.Commit(ref w);
        }
    }

    private async Task DepthAsync(long correlation, int market, int levels)
    {
        BookDepth? depth = await _host.GetDepthAsync(market, levels).ConfigureAwait(false);
        lock (_out.Gate)
        {
            var w = _out.Builder.Begin(MessageType.DepthInfo, correlation, 4);
            w.Write((ushort)(depth is null ? ResultCode.UnknownMarket : ResultCode.Ok));
            w.Write(market);
            foreach (IReadOnlyList<DepthLevel> side in (IReadOnlyList<DepthLevel>[])[depth?.Bids ?? [], depth?.Asks ?? []])
            {
                w.WriteArrayHeader(side.Count);
                foreach (DepthLevel l in side)
                {
                    w.WriteArrayHeader(3);
                    w.Write(l.Price);
                    w.Write(l.Quantity);
                    w.Write(l.Orders);
                }
            }
            _out.Commit(ref w);
        }
    }
}
