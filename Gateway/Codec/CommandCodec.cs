using TokenMatch.Commands;
using TokenMatch.Protocol;

namespace TokenMatch.Gateway.Codec;

/// <summary>
/// The command message's fields (docs/protocol.md, message 10), in ring-slot order. Fields may be
/// omitted from the end (they read as 0); only the command type is required. Sequence and timestamp
/// are never sent: the engine stamps them when the slot is claimed.
/// </summary>
public static class CommandCodec
{
    /// <summary>Number of command fields after type and correlation.</summary>
    public const int FieldCount = 22;

    /// <summary>Reads the fields into <paramref name="c"/> (cleared first). False with the reader's error when a field is bad.</summary>
    public static bool TryRead(ref BodyReader r, ref Command c)
    {
        c = default;
        if (!r.Byte(out byte type, "command type")) return false;
        c.Type = (CommandType)type;
        if (r.Remaining == 0) return true;
        if (!r.Int(out c.Account, "account")) return false;
        if (r.Remaining == 0) return true;
        if (!r.Int(out c.Market, "market")) return false;
        if (!Enum(ref r, out byte side, "side")) return false;
        c.Side = (Side)side;
        if (!Enum(ref r, out byte orderType, "order type")) return false;
        c.OrderType = (OrderType)orderType;
        if (!Enum(ref r, out byte tif, "time in force")) return false;
        c.Tif = (TimeInForce)tif;
        if (!Enum(ref r, out byte stp, "stp")) return false;
        c.Stp = (StpMode)stp;
        if (!Enum(ref r, out byte priceKind, "price kind")) return false;
        c.PriceKind = (PriceKind)priceKind;
        if (!Enum(ref r, out c.Code, "code")) return false;
        if (!Opt(ref r, out c.OrderId, "order id")) return false;
        if (!Opt(ref r, out c.ClientId, "client id")) return false;
        if (!Opt(ref r, out c.Price, "price")) return false;
        if (!Opt(ref r, out c.Quantity, "quantity")) return false;
        if (!Opt(ref r, out c.Arg, "arg")) return false;
        if (!Opt(ref r, out c.A0, "a0")) return false;
        if (!Opt(ref r, out c.A1, "a1")) return false;
        if (!Opt(ref r, out c.A2, "a2")) return false;
        if (!Opt(ref r, out c.A3, "a3")) return false;
        if (!Opt(ref r, out c.A4, "a4")) return false;
        if (!Opt(ref r, out c.A5, "a5")) return false;
        if (!Opt(ref r, out c.A6, "a6")) return false;
        if (!Opt(ref r, out c.A7, "a7")) return false;
        return true;
    }

    private static bool Enum(ref BodyReader r, out byte value, string name)
    {
        value = 0;
        return r.Remaining == 0 || r.Byte(out value, name);
    }

    private static bool Opt(ref BodyReader r, out long value, string name)
    {
        value = 0;
        return r.Remaining == 0 || r.Long(out value, name);
    }
}
