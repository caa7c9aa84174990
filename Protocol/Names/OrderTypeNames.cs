using TokenMatch.Commands;

namespace TokenMatch.Protocol;

/// <summary>Explicit text names of <see cref="OrderType"/> (see <see cref="NameTable{TEnum}"/>). Renaming a member never changes these.</summary>
public static class OrderTypeNames
{
    /// <summary>The table.</summary>
    public static readonly NameTable<OrderType> Table = new(
        (OrderType.Limit, "limit"),
        (OrderType.Market, "market"),
        (OrderType.PostOnly, "post-only"));

    /// <summary>The name written for <paramref name="value"/> (its number when it has none).</summary>
    public static string Name(OrderType value) => Table.Name(value);

    /// <summary>Reads a name.</summary>
    public static bool TryParse(string text, out OrderType value) => Table.TryParse(text, out value);
}
