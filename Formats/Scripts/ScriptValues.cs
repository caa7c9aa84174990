using System.Globalization;

namespace TokenMatch.Formats.Scripts;

/// <summary>
/// Numbers in command scripts: integers with an optional sign and <c>_</c> between digits
/// (<c>1_000_000</c>), and credit amounts, either integer micro-credits or exact decimal credits with
/// a <c>c</c> suffix (<c>12.5c</c> = 12,500,000). Integer arithmetic only; overflow is an error.
/// </summary>
public static class ScriptValues
{
    /// <summary>Micro-credits per credit.</summary>
    public const long MicrosPerCredit = 1_000_000;

    /// <summary>True when the text is a sign followed by digits and underscores only.</summary>
    public static bool LooksLikeInteger(string text)
    {
        int start = text.StartsWith('-') ? 1 : 0;
        if (start == text.Length) return false;
        for (int i = start; i < text.Length; i++)
            if (!char.IsAsciiDigit(text[i]) && text[i] != '_') return false;
        return true;
    }

    /// <summary>Parses a signed 64-bit integer; <c>_</c> may separate digits.</summary>
    public static bool TryParseInteger(string text, out long value, out string error)
    {
        value = 0;
        error = $"expected an integer, got '{text}'";
        bool negative = text.StartsWith('-');
        int start = negative ? 1 : 0;
        if (start == text.Length || !char.IsAsciiDigit(text[start]) || !char.IsAsciiDigit(text[^1])) return false;
        Int128 magnitude = 0;
        for (int i = start; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '_')
            {
                if (text[i - 1] == '_') return false;
                continue;
            }
            if (!char.IsAsciiDigit(c)) return false;
            magnitude = magnitude * 10 + (c - '0');
            if (magnitude > (Int128)long.MaxValue + 1)
            {
                error = $"'{text}' does not fit a 64-bit integer";
                return false;
            }
        }
        Int128 signed = negative ? -magnitude : magnitude;
        if (signed > long.MaxValue)
        {
            error = $"'{text}' does not fit a 64-bit integer";
            return false;
        }
        value = (long)signed;
        error = "";
        return true;
    }

    /// <summary>Parses a 32-bit id (account, market).</summary>
    public static bool TryParseId(string text, out int value, out string error)
    {
        value = 0;
        if (!TryParseInteger(text, out long wide, out error)) return false;
        if (wide is < int.MinValue or > int.MaxValue)
        {
            error = $"'{text}' does not fit a 32-bit id";
            return false;
        }
        value = (int)wide;
        return true;
    }

    /// <summary>
    /// Parses credits: integer micro-credits, or decimal credits with a <c>c</c> suffix and at most
    /// six decimals (<c>2c</c>, <c>0.25c</c>, <c>-1.5c</c>).
    /// </summary>
    public static bool TryParseCredits(string text, out long micros, out string error)
    {
        micros = 0;
        if (!text.EndsWith('c')) return TryParseInteger(text, out micros, out error);
        string body = text[..^1];
        int dot = body.IndexOf('.');
        string whole = dot < 0 ? body : body[..dot];
        string fraction = dot < 0 ? "" : body[(dot + 1)..];
        error = $"expected micro-credits (integer) or credits such as 12.5c, got '{text}'";
        if (dot >= 0 && fraction.Length == 0) return false;
        if (fraction.Length > 6)
        {
            error = $"'{text}' has more than 6 decimals (1 micro-credit = 0.000001c)";
            return false;
        }
        foreach (char ch in fraction)
            if (!char.IsAsciiDigit(ch)) return false;
        if (!TryParseInteger(whole, out long credits, out _)) return false;
        long fractionMicros = fraction.Length == 0 ? 0 : long.Parse(fraction.PadRight(6, '0'), CultureInfo.InvariantCulture);
        bool negative = whole.StartsWith('-');
        Int128 total = (Int128)credits * MicrosPerCredit + (negative ? -fractionMicros : fractionMicros);
        if (total < long.MinValue || total > long.MaxValue)
        {
            error = $"'{text}' does not fit 64-bit micro-credits";
            return false;
        }
        micros = (long)total;
        error = "";
        return true;
    }

    /// <summary>An integer in invariant culture, no separators.</summary>
    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);
}
