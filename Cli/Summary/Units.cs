using System.Globalization;

namespace TokenMatch.Cli.Summary;

/// <summary>Exact text for amounts: micro-credits as credits with up to six decimals (<c>1.25c</c>), tenths of a percent as <c>97.5%</c>.</summary>
public static class Units
{
    /// <summary>Micro-credits as credits: <c>2500000</c> → <c>2.5c</c>, <c>-1</c> → <c>-0.000001c</c>.</summary>
    public static string Credits(Int128 micro)
    {
        bool negative = micro < 0;
        Int128 abs = negative ? -micro : micro;
        Int128 whole = abs / 1_000_000;
        long fraction = (long)(abs % 1_000_000);
        string text = whole.ToString(CultureInfo.InvariantCulture);
        if (fraction != 0) text += "." + fraction.ToString("D6", CultureInfo.InvariantCulture).TrimEnd('0');
        return (negative ? "-" : "") + text + "c";
    }

    /// <summary>Tenths of a percent: <c>975</c> → <c>97.5%</c>.</summary>
    public static string Permille(long permille) =>
        string.Create(CultureInfo.InvariantCulture, $"{permille / 10}.{Math.Abs(permille % 10)}%");

    /// <summary>An integer with thousands separators.</summary>
    public static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
