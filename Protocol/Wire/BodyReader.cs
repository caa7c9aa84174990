using System.Buffers;
using MessagePack;

namespace TokenMatch.Protocol;

/// <summary>
/// Reads a frame body field by field with type checks that report instead of throwing: each read
/// returns false and sets <see cref="Error"/> (naming the field) when the field is missing or of the
/// wrong MessagePack type. Truncated or invalid MessagePack inside a field can still make the
/// underlying reader throw (<see cref="MessagePackSerializationException"/>, <see cref="EndOfStreamException"/>);
/// callers catch those as a malformed body. Never recurses (no stack risk from nested input).
/// </summary>
public ref struct BodyReader
{
    private MessagePackReader _reader;
    private int _remaining;
    private int _field;

    /// <summary>Why the last read failed, or null.</summary>
    public string? Error;

    /// <summary>Message type read by <see cref="TryStart"/>.</summary>
    public ushort Type;

    /// <summary>Correlation id read by <see cref="TryStart"/>.</summary>
    public long Correlation;

    /// <summary>A reader over one body.</summary>
    public BodyReader(in ReadOnlySequence<byte> body)
    {
        _reader = new MessagePackReader(body);
        _remaining = 0;
        _field = 0;
        Error = null;
        Type = 0;
        Correlation = 0;
    }

    /// <summary>Fields not yet read.</summary>
    public readonly int Remaining => _remaining;

    /// <summary>Reads the array header, the type and the correlation id.</summary>
    public bool TryStart()
    {
        if (_reader.End) { Error = "empty body"; return false; }
        if (_reader.NextMessagePackType != MessagePackType.Array) { Error = "body is not a MessagePack array"; return false; }
        _remaining = _reader.ReadArrayHeader();
        if (_remaining < FrameDescriptor.FirstField) { Error = "body array has fewer than 2 elements (type, correlation)"; return false; }
        if (!Long(out long type, "type")) return false;
        if (type is < 0 or > ushort.MaxValue) { Error = "field 0 (type) out of range"; return false; }
        Type = (ushort)type;
        if (!Long(out Correlation, "correlation")) return false;
        return true;
    }

    /// <summary>Reads an integer field.</summary>
    public bool Long(out long value, string name)
    {
        value = 0;
        if (!Next(name)) return false;
        if (_reader.NextMessagePackType != MessagePackType.Integer) return WrongType(name, "an integer");
        if (_reader.NextCode == MessagePackCode.UInt64)
        {
            ulong u = _reader.ReadUInt64();
            if (u > long.MaxValue) { Error = $"field {_field - 1} ({name}) out of range"; return false; }
            value = (long)u;
            return true;
        }
        value = _reader.ReadInt64();
        return true;
    }

    /// <summary>Reads an integer field that must fit an int.</summary>
    public bool Int(out int value, string name)
    {
        value = 0;
        if (!Long(out long v, name)) return false;
        if (v is < int.MinValue or > int.MaxValue) { Error = $"field {_field - 1} ({name}) out of range"; return false; }
        value = (int)v;
        return true;
    }

    /// <summary>Reads an integer field that must fit a byte (an enum).</summary>
    public bool Byte(out byte value, string name)
    {
        value = 0;
        if (!Long(out long v, name)) return false;
        if (v is < 0 or > byte.MaxValue) { Error = $"field {_field - 1} ({name}) out of range"; return false; }
        value = (byte)v;
        return true;
    }

    /// <summary>Reads a boolean field (an integer 0 or 1 is accepted too).</summary>
    public bool Bool(out bool value, string name)
    {
        value = false;
        if (!Next(name)) return false;
        if (_reader.NextMessagePackType == MessagePackType.Boolean) { value = _reader.ReadBoolean(); return true; }
        if (_reader.NextMessagePackType == MessagePackType.Integer) { value = _reader.ReadInt64() != 0; return true; }
        return WrongType(name, "a boolean");
    }

    /// <summary>Reads a string field of at most <paramref name="maxLength"/> UTF-8 bytes (nil reads as null).</summary>
    public bool String(out string? value, string name, int maxLength)
    {
        value = null;
        if (!Next(name)) return false;
        if (_reader.NextMessagePackType == MessagePackType.Nil) { _reader.ReadNil(); return true; }
        if (_reader.NextMessagePackType != MessagePackType.String) return WrongType(name, "a string");
        ReadOnlySequence<byte>? bytes = _reader.ReadStringSequence();
        if (bytes is { } b)
        {
            if (b.Length > maxLength) { Error = $"field {_field - 1} ({name}) longer than {maxLength} bytes"; return false; }
            value = System.Text.EncodingExtensions.GetString(System.Text.Encoding.UTF8, b);
        }
        return true;
    }

    /// <summary>Reads an array header (a list field); its elements are then read by <see cref="Raw"/>.</summary>
    public bool ArrayHeader(out int count, string name)
    {
        count = 0;
        if (!Next(name)) return false;
        if (_reader.NextMessagePackType == MessagePackType.Nil) { _reader.ReadNil(); count = -1; return true; }
        if (_reader.NextMessagePackType != MessagePackType.Array) return WrongType(name, "an array");
        count = _reader.ReadArrayHeader();
        return true;
    }

    /// <summary>The underlying reader, for list elements after <see cref="ArrayHeader"/>.</summary>
    [System.Diagnostics.CodeAnalysis.UnscopedRef]
    public ref MessagePackReader Raw => ref _reader;

    /// <summary>Skips the fields not read (a later minor version's additions), without recursion.</summary>
    public void SkipRest()
    {
        long pending = _remaining;
        _remaining = 0;
        while (pending > 0)
        {
            pending--;
            switch (_reader.NextMessagePackType)
            {
                case MessagePackType.Array: pending += _reader.ReadArrayHeader(); break;
                case MessagePackType.Map: pending += 2L * _reader.ReadMapHeader(); break;
                default: _reader.Skip(); break;
            }
        }
    }

    private bool Next(string name)
    {
        if (_remaining == 0) { Error = $"field {_field} ({name}) missing"; return false; }
        if (_reader.End) { Error = $"field {_field} ({name}) truncated"; return false; }
        _remaining--;
        _field++;
        return true;
    }

    private bool WrongType(string name, string expected)
    {
        Error = $"field {_field - 1} ({name}) must be {expected}, not {_reader.NextMessagePackType}";
        return false;
    }
}
