using TokenMatch.Commands;

namespace TokenMatch.Protocol;

/// <summary>Explicit text names of <see cref="Side"/> (see <see cref="NameTable{TEnum}"/>). Renaming a member never changes these.</summary>
public static class SideNames
{
    /// <summary>The table.</summary>
    public static readonly NameTable<Side> Table = new(
        (Side.None, "none"),
        (Side.Buy, "buy"),
        (Side.Sell, "sell"));

    /// <summary>The name written for <paramref name="value"/> (its number when it has none).</summary>
    public static string Name(Side value) => Table.Name(value);

    /// <summary>Reads a name.</summary>
    public static bool TryParse(string text, out Side value) => Table.TryParse(text, out value);
}
