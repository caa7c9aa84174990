using System.Buffers.Text;

namespace TokenMatch.Formats.Lobster;

/// <summary>
/// Parses LOBSTER's comma-separated files from UTF-8 bytes into integers: times become nanoseconds
/// after midnight (the decimals padded to nine digits, never through a double), every other field a
/// <see cref="long"/>. A damaged row stops the parse with a <see cref="LobsterFormatException"/> that
/// names the row and the reason.
/// </summary>
public static class LobsterCsv
{
    /// <summary>Columns of a message file row.</summary>
    public const int MessageColumns = 6;

    /// <summary>Nanoseconds in one second.</summary>
    public const long NanosPerSecond = 1_000_000_000;

    private const int MaxTimeDecimals = 9;

    /// <summary>Parses a whole message file.</summary>
    public static LobsterMessage[] ParseMessages(ReadOnlySpan<byte> data, string file)
    {
        var messages = new LobsterMessage[CountRows(data)];
        Span<Range> fields = stackalloc Range[MessageColumns];
        int row = 0;
        int pos = 0;
        while (NextLine(data, ref pos, out ReadOnlySpan<byte> line))
        {
            int count = 0;
            foreach (Range range in line.Split((byte)','))
            {
                if (count < MessageColumns) fields[count] = range;
                count++;
            }
            if (count != MessageColumns)
                throw new LobsterFormatException(file, row,
                    $"expected {MessageColumns} columns (time, type, order id, size, price, direction), found {count}");
            if (!TryParseTime(line[fields[0]], out long time))
                throw Field(file, row, "time", line[fields[0]], "seconds after midnight (digits, optionally a point and decimals)");
            long type = Integer(file, row, "type", line[fields[1]]);
            if (type is < (long)LobsterEventType.NewOrder or > (long)LobsterEventType.Halt)
                throw new LobsterFormatException(file, row, $"unknown event type {type} (LOBSTER types are 1 to 7)");
            long orderId = Integer(file, row, "order id", line[fields[2]]);
            long size = Integer(file, row, "size", line[fields[3]]);
            long price = Integer(file, row, "price", line[fields[4]]);
            long direction = Integer(file, row, "direction", line[fields[5]]);
            // A halt indicator (7) carries no order: its direction is not used and may be written as 0.
            if (direction is not (1 or -1) && !(type == (long)LobsterEventType.Halt && direction == 0))
                throw new LobsterFormatException(file, row, $"direction {direction} is neither 1 (buy) nor -1 (sell)");
            // A cross trade (6) names a pseudo order with a negative id: -1 opening, -2 closing, -3/-4 other crosses.
            if (size < 0 || (orderId < 0 && type != (long)LobsterEventType.CrossTrade))
                throw new LobsterFormatException(file, row, size < 0 ? $"negative size {size}" : $"negative order id {orderId}");
            if (price <= 0 && type <= (long)LobsterEventType.Execution)
                throw new LobsterFormatException(file, row, $"price {price} of a visible order is not positive");
            messages[row] = new LobsterMessage(time, (LobsterEventType)type, orderId, size, price, (sbyte)direction);
            row++;
        }
        return row == messages.Length ? messages : messages[..row];
    }

    /// <summary>Parses a whole orderbook file; every row must have the same multiple of 4 columns.</summary>
    public static LobsterOrderbook ParseOrderbook(ReadOnlySpan<byte> data, string file)
    {
        int pos = 0;
        int width = 0;
        long[] values = [];
        int rows = 0;
        int capacity = CountRows(data);
        while (NextLine(data, ref pos, out ReadOnlySpan<byte> line))
        {
            if (width == 0)
            {
                width = line.Count((byte)',') + 1;
                if (width % 4 != 0)
                    throw new LobsterFormatException(file, rows,
                        $"{width} columns is not a multiple of 4 (ask price, ask size, bid price, bid size per level)");
                values = new long[(long)capacity * width];
            }
            int column = 0;
            int offset = rows * width;
            foreach (Range range in line.Split((byte)','))
            {
                if (column == width)
                    throw new LobsterFormatException(file, rows, $"more than the {width} columns of row 0");
                values[offset + column] = Integer(file, rows, "level value", line[range]);
                column++;
            }
            if (column != width)
                throw new LobsterFormatException(file, rows, $"expected {width} columns like row 0, found {column}");
            for (int level = 0; level < width; level += 2)
                if (values[offset + level + 1] < 0 || (values[offset + level + 1] > 0 && values[offset + level] <= 0))
                    throw new LobsterFormatException(file, rows,
                        $"level {level / 4 + 1} {(level % 4 == 0 ? "ask" : "bid")}: size {values[offset + level + 1]} at price {values[offset + level]}");
            rows++;
        }
        if (rows == 0) throw new LobsterFormatException(file, -1, "the orderbook file is empty");
        return new LobsterOrderbook(width / 4, rows, values);
    }

    /// <summary>
    /// Parses LOBSTER's time (seconds after midnight, optionally a point and decimals) into
    /// nanoseconds after midnight, exactly, with integers only. LOBSTER writes "at least
    /// milliseconds and up to nanoseconds", but real files (and files rewritten by other tools)
    /// carry more digits than nanoseconds: those are rounded to the nearest nanosecond, half up
    /// (34200.0042411759999 → 34,200,004,241,176 ns), carrying into the second when needed.
    /// </summary>
    public static bool TryParseTime(ReadOnlySpan<byte> text, out long nanos)
    {
        nanos = 0;
        int dot = text.IndexOf((byte)'.');
        ReadOnlySpan<byte> whole = dot < 0 ? text : text[..dot];
        if (!TryParseDigits(whole, out long seconds) || seconds > long.MaxValue / NanosPerSecond - 1) return false;
        long fraction = 0;
        if (dot >= 0)
        {
            ReadOnlySpan<byte> decimals = text[(dot + 1)..];
            if (decimals.Length == 0) return false;
            foreach (byte b in decimals)
                if ((uint)(b - '0') > 9) return false;
            ReadOnlySpan<byte> kept = decimals.Length > MaxTimeDecimals ? decimals[..MaxTimeDecimals] : decimals;
            if (!TryParseDigits(kept, out fraction)) return false;
            for (int i = kept.Length; i < MaxTimeDecimals; i++) fraction *= 10;
            if (decimals.Length > MaxTimeDecimals && decimals[MaxTimeDecimals] >= (byte)'5') fraction++;
        }
        nanos = seconds * NanosPerSecond + fraction;
        return true;
    }

    private static bool TryParseDigits(ReadOnlySpan<byte> text, out long value)
    {
        value = 0;
        if (text.IsEmpty) return false;
        foreach (byte b in text)
            if ((uint)(b - '0') > 9) return false;
        return Utf8Parser.TryParse(text, out value, out int consumed) && consumed == text.Length;
    }

    private static long Integer(string file, int row, string name, ReadOnlySpan<byte> text)
    {
        if (Utf8Parser.TryParse(text, out long value, out int consumed) && consumed == text.Length && consumed > 0
            && text[0] != (byte)'+')
            return value;
        throw Field(file, row, name, text, "an integer");
    }

    private static LobsterFormatException Field(string file, int row, string name, ReadOnlySpan<byte> text, string expected)
    {
        string shown = System.Text.Encoding.UTF8.GetString(text.Length > 40 ? text[..40] : text);
        string cut = text.Length > 40 ? $"…\" ({text.Length:N0} bytes)" : "\"";
        return new LobsterFormatException(file, row, $"{name} \"{shown}{cut} is not {expected}");
    }

    /// <summary>An upper bound on the rows: newlines plus one for a last line without one.</summary>
    private static int CountRows(ReadOnlySpan<byte> data) => data.Count((byte)'\n') + 1;

    /// <summary>The next line (CR LF or LF endings); false at the end of the data, so a final newline ends the file.</summary>
    private static bool NextLine(ReadOnlySpan<byte> data, ref int pos, out ReadOnlySpan<byte> line)
    {
        if (pos >= data.Length)
        {
            line = default;
            return false;
        }
        ReadOnlySpan<byte> rest = data[pos..];
        int end = rest.IndexOf((byte)'\n');
        line = end < 0 ? rest : rest[..end];
        pos += end < 0 ? rest.Length : end + 1;
        if (!line.IsEmpty && line[^1] == (byte)'\r') line = line[..^1];
        return true;
    }
}
