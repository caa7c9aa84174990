using TokenMatch.Commands;

namespace TokenMatch.Protocol;

/// <summary>Explicit text names of <see cref="TimeInForce"/> (see <see cref="NameTable{TEnum}"/>). Renaming a member never changes these.</summary>
public static class TimeInForceNames
{
    /// <summary>The table.</summary>
    public static readonly NameTable<TimeInForce> Table = new(
        (TimeInForce.Default, "default"),
        (TimeInForce.GoodTillCycle, "gtc"),
        (TimeInForce.GoodTillTime, "gtt"),
        (TimeInForce.Ioc, "ioc"),
        (TimeInForce.Fok, "fok"),
        (TimeInForce.GoodTillCycle, "good-till-cycle"),
        (TimeInForce.GoodTillTime, "good-till-time"));

    /// <summary>The name written for <paramref name="value"/> (its number when it has none).</summary>
    public static string Name(TimeInForce value) => Table.Name(value);

    /// <summary>Reads a name.</summary>
    public static bool TryParse(string text, out TimeInForce value) => Table.TryParse(text, out value);
}
