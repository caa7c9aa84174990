namespace TokenMatch.Commands;

/// <summary>
/// A market symbol of up to 16 printable ASCII characters packed into two longs, so that a
/// create-market command fits a fixed-size ring slot (low half in <see cref="Command.OrderId"/>,
/// high half in <see cref="Command.ClientId"/>). Byte i of the symbol is byte i (little-endian) of the pair.
/// </summary>
public static class MarketSymbol
{
    /// <summary>Longest symbol in characters.</summary>
    public const int MaxLength = 16;

    /// <summary>True when <paramref name="symbol"/> is 1..16 printable ASCII characters without spaces.</summary>
    public static bool IsValid(string symbol)
    {
        if (symbol.Length is 0 or > MaxLength) return false;
        foreach (char c in symbol)
            if (c <= ' ' || c > '~') return false;
        return true;
    }

    /// <summary>Characters 0..7 as a long.</summary>
    public static long PackLow(string symbol) => Pack(symbol, 0);

    /// <summary>Characters 8..15 as a long.</summary>
    public static long PackHigh(string symbol) => Pack(symbol, 8);

    private static long Pack(string symbol, int from)
    {
        ulong v = 0;
        for (int i = 0; i < 8 && from + i < symbol.Length; i++)
            v |= (ulong)(byte)symbol[from + i] << (8 * i);
        return (long)v;
    }

    /// <summary>The symbol held in a packed pair (stops at the first zero byte).</summary>
    public static string Unpack(long low, long high)
    {
        Span<char> chars = stackalloc char[MaxLength];
        int n = 0;
        for (int i = 0; i < MaxLength; i++)
        {
            ulong half = (ulong)(i < 8 ? low : high);
            byte b = (byte)(half >> (8 * (i % 8)));
            if (b == 0) break;
            chars[n++] = (char)b;
        }
        return new string(chars[..n]);
    }

    /// <summary>True when every byte of the packed pair is printable ASCII or trailing zero, and there is at least one.</summary>
    public static bool IsValidPacked(long low, long high)
    {
        bool ended = false;
        for (int i = 0; i < MaxLength; i++)
        {
            ulong half = (ulong)(i < 8 ? low : high);
            byte b = (byte)(half >> (8 * (i % 8)));
            if (b == 0) { if (i == 0) return false; ended = true; continue; }
            if (ended || b <= (byte)' ' || b > (byte)'~') return false;
        }
        return true;
    }
}
