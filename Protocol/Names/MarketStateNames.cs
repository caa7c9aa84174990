using TokenMatch.Markets;

namespace TokenMatch.Protocol;

/// <summary>Explicit text names of <see cref="MarketState"/> (see <see cref="NameTable{TEnum}"/>). Renaming a member never changes these.</summary>
public static class MarketStateNames
{
    /// <summary>The table.</summary>
    public static readonly NameTable<MarketState> Table = new(
        (MarketState.PreOpen, "pre-open"),
        (MarketState.Open, "open"),
        (MarketState.Halted, "halted"),
        (MarketState.Expired, "expired"));

    /// <summary>The name written for <paramref name="value"/> (its number when it has none).</summary>
    public static string Name(MarketState value) => Table.Name(value);

    /// <summary>Reads a name.</summary>
    public static bool TryParse(string text, out MarketState value) => Table.TryParse(text, out value);
}
