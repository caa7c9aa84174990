using System.Text;
using TokenMatch.Commands;
using TokenMatch.Events;
using TokenMatch.Markets;

namespace TokenMatch.Formats.Scripts;

/// <summary>
/// Writes events as CSV, one row per event after a header row (columns in
/// <see cref="Header"/>, documented in docs/command-script.md). Every field of every event is written;
/// enums by kebab-case name (an empty cell means zero: no side, no reason, result ok), times as
/// ISO-8601 UTC with nine fractional digits, amounts as integers. No cell ever needs quoting.
/// Owned by the thread that runs the core (it is an <see cref="IEventSink"/>).
/// </summary>
public sealed class EventCsvWriter : IEventSink
{
    /// <summary>The header row.</summary>
    public const string Header =
        "seq,time,event,command,code,market,account,order,client,side,price,exec_price,qty,remaining,fee,other_fee,other_account,other_order,reason,detail";

    private readonly TextWriter _writer;
    private readonly StringBuilder _row = new(256);

    /// <summary>Writes to <paramref name="writer"/>; call <see cref="WriteHeader"/> first.</summary>
    public EventCsvWriter(TextWriter writer) => _writer = writer;

    /// <summary>Writes the header row.</summary>
    public void WriteHeader() => _writer.WriteLine(Header);

    /// <inheritdoc />
    public void OnEvents(ReadOnlySpan<Event> events)
    {
        foreach (ref readonly Event e in events)
            Write(e);
    }

    /// <summary>Writes one event as one row.</summary>
    public void Write(in Event e)
    {
        _writer.WriteLine(Format(e, _row));
    }

    /// <summary>The row for <paramref name="e"/>, without a line break.</summary>
    public static string Format(in Event e) => Format(e, new StringBuilder(256));

    private static string Format(in Event e, StringBuilder row)
    {
        row.Clear();
        row.Append(ScriptValues.Format(e.Sequence)).Append(',')
            .Append(ScriptTime.Format(e.Timestamp, fullPrecision: true)).Append(',')
            .Append(ScriptNames<EventType>.Name(e.Type)).Append(',')
            .Append(NameOrEmpty<CommandType>((long)e.Command)).Append(',')
            .Append(NameOrEmpty<ResultCode>((long)e.Code)).Append(',')
            .Append(ScriptValues.Format(e.Market)).Append(',')
            .Append(ScriptValues.Format(e.Account)).Append(',')
            .Append(ScriptValues.Format(e.OrderId)).Append(',')
            .Append(ScriptValues.Format(e.ClientId)).Append(',')
            .Append(NameOrEmpty<Side>((long)e.Side)).Append(',')
            .Append(ScriptValues.Format(e.Price)).Append(',')
            .Append(ScriptValues.Format(e.ExecPrice)).Append(',')
            .Append(ScriptValues.Format(e.Quantity)).Append(',')
            .Append(ScriptValues.Format(e.Remaining)).Append(',')
            .Append(ScriptValues.Format(e.Fee)).Append(',')
            .Append(ScriptValues.Format(e.OtherFee)).Append(',')
            .Append(ScriptValues.Format(e.OtherAccount)).Append(',')
            .Append(ScriptValues.Format(e.OtherOrderId)).Append(',')
            .Append(NameOrEmpty<CancelReason>((long)e.Reason)).Append(',')
            .Append(Detail(e));
        return row.ToString();
    }

    // The detail byte is a lot origin for lots-expired and a market state for market-state events.
    private static string Detail(in Event e) => e.Type switch
    {
        EventType.LotsExpired => ScriptNames<Origin>.Name(e.Detail),
        EventType.MarketState => ScriptNames<MarketState>.Name(e.Detail),
        _ => e.Detail == 0 ? "" : ScriptValues.Format(e.Detail),
    };

    private static string NameOrEmpty<TEnum>(long raw) where TEnum : struct, Enum =>
        raw == 0 ? "" : ScriptNames<TEnum>.Name(raw);
}
