using System.Buffers;
using MessagePack;
using TokenMatch.Commands;
using TokenMatch.Events;
using TokenMatch.Markets;
using TokenMatch.Protocol;

namespace TokenMatch.Client;

public sealed partial class GatewayClient
{
    /// <summary>Frames the client could not decode (a server bug or a newer server).</summary>
    public int UndecodedFrames { get; private set; }

    private void Dispatch(in ReadOnlySequence<byte> body)
    {
        var r = new BodyReader(in body);
        try
        {
            if (!r.TryStart()) { UndecodedFrames++; return; }
            ref MessagePackReader m = ref r.Raw;
            long correlation = r.Correlation;
            switch ((MessageType)r.Type)
            {
                case MessageType.Error:
                {
                    var code = (ResultCode)m.ReadUInt16();
                    string message = m.ReadString() ?? "";
                    if (correlation != 0 && _pending.TryGetValue(correlation, out var p)) p.TrySetException(new GatewayException(code, message));
                    break;
                }
                case MessageType.Welcome: Complete(correlation, (m.ReadInt32(), m.ReadString() ?? "", m.ReadInt32())); break;
                case MessageType.LoggedIn: Complete(correlation, new LoginInfo(m.ReadInt32(), (Role)m.ReadByte(), m.ReadInt64())); break;
                case MessageType.Pong: m.ReadInt64(); Complete(correlation, m.ReadInt64()); break;
                case MessageType.Goodbye: GoodbyeReceived?.Invoke(new Goodbye((ResultCode)m.ReadUInt16(), m.ReadString() ?? "")); break;
                case MessageType.Result:
                    Complete(correlation, new CommandResult((ResultCode)m.ReadUInt16(), m.ReadInt64(), m.ReadInt64(), m.ReadInt64(), m.ReadInt32()));
                    break;
                case MessageType.KeyIssued: Complete(correlation, new IssuedKey((ResultCode)m.ReadUInt16(), m.ReadInt64(), m.ReadString())); break;
                case MessageType.Order:
                {
                    var code = (ResultCode)m.ReadUInt16();
                    m.ReadBoolean();
                    OrderInfo? order = m.TryReadNil() ? null : ReadOrder(ref m);
                    Complete(correlation, new OrderStatus(code, order, ReadFills(ref m)));
                    break;
                }
                case MessageType.Orders:
                {
                    m.ReadUInt16();
                    int n = m.ReadArrayHeader();
                    var orders = new List<OrderInfo>(n);
                    for (int i = 0; i < n; i++) orders.Add(ReadOrder(ref m));
                    Complete(correlation, (IReadOnlyList<OrderInfo>)orders);
                    break;
                }
                case MessageType.FillList:
                {
                    m.ReadUInt16();
                    bool complete = m.ReadBoolean();
                    Complete(correlation, new FillList(complete, ReadFills(ref m)));
                    break;
                }
                case MessageType.AccountInfo:
                {
                    var info = new AccountInfo((ResultCode)m.ReadUInt16(), m.ReadInt32(), (Tier)m.ReadByte(), m.ReadBoolean(), m.ReadInt64(),
                        m.ReadInt64(), m.ReadInt64(), m.ReadInt64(), m.ReadInt32(), (StpMode)m.ReadByte(), ReadLots(ref m));
                    Complete(correlation, info);
                    break;
                }
                case MessageType.MarketInfo:
                    Complete(correlation, new MarketInfo((ResultCode)m.ReadUInt16(), m.ReadInt32(), m.TryReadNil() ? null : m.ReadString(),
                        (MarketState)m.ReadByte(), m.ReadInt64(), m.ReadInt64(), m.ReadInt64(), m.ReadInt64(), m.ReadInt64(), m.ReadInt64(),
                        m.ReadInt64(), m.ReadInt64(), m.ReadInt64(), (CurveKind)m.ReadByte(), m.ReadInt64(), m.ReadInt64(), m.ReadInt64(),
                        m.ReadInt64(), m.ReadInt64()));
                    break;
                case MessageType.DepthInfo:
                {
                    var code = (ResultCode)m.ReadUInt16();
                    int market = m.ReadInt32();
                    Complete(correlation, new DepthInfo(code, market, ReadLevels(ref m), ReadLevels(ref m)));
                    break;
                }
                case MessageType.StateHashInfo: m.ReadUInt16(); Complete(correlation, (m.ReadUInt64(), m.ReadInt64())); break;
                case MessageType.Subscribed: Complete(correlation, (ResultCode)m.ReadUInt16()); break;
                case MessageType.Execution:
                    ExecutionReceived?.Invoke(new Execution((EventType)m.ReadByte(), m.ReadInt64(), m.ReadInt64(), m.ReadInt32(), m.ReadInt32(),
                        m.ReadInt64(), m.ReadInt64(), (Side)m.ReadByte(), m.ReadInt64(), m.ReadInt64(), m.ReadInt64(), m.ReadInt64(),
                        m.ReadInt64(), (CancelReason)m.ReadByte(), m.ReadBoolean(), m.ReadInt64()));
                    break;
                case MessageType.BookSnapshot:
                {
                    int market = m.ReadInt32();
                    long sequence = m.ReadInt64();
                    var bids = ReadLevels(ref m);
                    var asks = ReadLevels(ref m);
                    LocalBook book = Book(market);
                    lock (book.Gate) book.ApplySnapshot(sequence, bids, asks);
                    BookChanged?.Invoke(book);
                    break;
                }
                case MessageType.BookUpdate:
                {
                    int market = m.ReadInt32();
                    long sequence = m.ReadInt64();
                    var side = (Side)m.ReadByte();
                    long price = m.ReadInt64(), quantity = m.ReadInt64();
                    if (_options.BookUpdateFilter is { } filter && !filter(market, sequence)) break;
                    LocalBook book = Book(market);
                    bool ok;
                    lock (book.Gate) ok = book.ApplyUpdate(sequence, side, price, quantity);
                    if (!ok && _subscriptions.TryGetValue(market, out int what))
                    {
                        // A gap: ask for a new snapshot (off the read loop, which must keep reading to get it).
                        _ = Task.Run(async () =>
                        {
                            try { await SubscribeAsync(market, what).ConfigureAwait(false); }
                            catch (GatewayException) { }
                            catch (TimeoutException) { }
                        });
                    }
                    else if (ok) BookChanged?.Invoke(book);
                    break;
                }
                case MessageType.TradeTick:
                    TradeReceived?.Invoke(new TradeTick(m.ReadInt32(), m.ReadInt64(), m.ReadInt64(), (Side)m.ReadByte(), m.ReadInt64(),
                        m.ReadInt64(), m.ReadInt64()));
                    break;
                case MessageType.Ticker:
                    TickerReceived?.Invoke(new Ticker(m.ReadInt32(), m.ReadInt64(), m.ReadInt64(), m.ReadInt64(), m.ReadInt64(), m.ReadInt64(),
                        m.ReadInt64(), m.ReadInt64(), m.ReadInt64(), m.ReadInt64(), m.ReadInt64()));
                    break;
                case MessageType.AlertsSubscribed: Complete(correlation, ((ResultCode)m.ReadUInt16(), m.ReadInt64())); break;
                case MessageType.Alert:
                {
                    AlertMessage alert = ReadAlert(ref m);
                    Interlocked.Exchange(ref _lastAlertId, Math.Max(Interlocked.Read(ref _lastAlertId), alert.Id));
                    AlertReceived?.Invoke(alert);
                    break;
                }
                default:
                    UndecodedFrames++;
                    break;
            }
        }
        catch (Exception e) when (e is MessagePackSerializationException or EndOfStreamException or InvalidOperationException or OverflowException)
        {
            UndecodedFrames++;
        }
    }

    private void Complete(long correlation, object answer)
    {
        if (_pending.TryGetValue(correlation, out var pending)) pending.TrySetResult(answer);
    }

    private static OrderInfo ReadOrder(ref MessagePackReader m)
    {
        m.ReadArrayHeader();
        return new OrderInfo(m.ReadInt64(), m.ReadInt64(), m.ReadInt32(), m.ReadInt32(), (Side)m.ReadByte(), (OrderType)m.ReadByte(),
            m.ReadInt64(), m.ReadInt64(), m.ReadInt64());
    }

    private static List<Fill> ReadFills(ref MessagePackReader m)
    {
        int n = m.ReadArrayHeader();
        var fills = new List<Fill>(n);
        for (int i = 0; i < n; i++)
        {
            m.ReadArrayHeader();
            fills.Add(new Fill(m.ReadInt64(), m.ReadInt64(), m.ReadInt32(), m.ReadInt64(), (Side)m.ReadByte(), m.ReadInt64(), m.ReadInt64(),
                m.ReadInt64(), m.ReadInt64(), m.ReadBoolean(), m.ReadInt64()));
        }
        return fills;
    }

    private static AlertMessage ReadAlert(ref MessagePackReader m)
    {
        long id = m.ReadInt64();
        string detector = m.ReadString() ?? "";
        int severity = m.ReadInt32(), market = m.ReadInt32();
        int n = m.ReadArrayHeader();
        var accounts = new List<int>(n);
        for (int i = 0; i < n; i++) accounts.Add(m.ReadInt32());
        long first = m.ReadInt64(), last = m.ReadInt64(), timestamp = m.ReadInt64();
        string summary = m.ReadString() ?? "";
        n = m.ReadArrayHeader();
        var figures = new List<KeyValuePair<string, long>>(n);
        for (int i = 0; i < n; i++)
        {
            int fields = m.ReadArrayHeader();
            figures.Add(new(m.ReadString() ?? "", m.ReadInt64()));
            for (int k = 2; k < fields; k++) m.Skip();
        }
        n = m.ReadArrayHeader();
        var orders = new List<long>(n);
        for (int i = 0; i < n; i++) orders.Add(m.ReadInt64());
        n = m.ReadArrayHeader();
        var trades = new List<AlertTrade>(n);
        for (int i = 0; i < n; i++)
        {
            int fields = m.ReadArrayHeader();
            trades.Add(new AlertTrade(m.ReadInt64(), m.ReadInt64(), m.ReadInt64(), m.ReadInt32(), m.ReadInt32(), m.ReadInt64(), m.ReadInt64(), m.ReadInt64()));
            for (int k = 8; k < fields; k++) m.Skip();
        }
        return new AlertMessage(id, detector, severity, market, accounts, first, last, timestamp, summary, figures, orders, trades);
    }

    private static List<Level> ReadLevels(ref MessagePackReader m)
    {
        int n = m.ReadArrayHeader();
        var levels = new List<Level>(n);
        for (int i = 0; i < n; i++)
        {
            int fields = m.ReadArrayHeader();
            long price = m.ReadInt64(), quantity = m.ReadInt64();
            int orders = fields > 2 ? m.ReadInt32() : 0;
            for (int k = 3; k < fields; k++) m.Skip();
            levels.Add(new Level(price, quantity, orders));
        }
        return levels;
    }

    private static List<long[]> ReadLots(ref MessagePackReader m)
    {
        int n = m.ReadArrayHeader();
        var lots = new List<long[]>(n);
        for (int i = 0; i < n; i++)
        {
            int fields = m.ReadArrayHeader();
            var row = new long[fields];
            for (int k = 0; k < fields; k++) row[k] = m.ReadInt64();
            lots.Add(row);
        }
        return lots;
    }
}
