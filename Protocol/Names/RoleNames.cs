using TokenMatch.Commands;

namespace TokenMatch.Protocol;

/// <summary>Explicit text names of <see cref="Role"/> (see <see cref="NameTable{TEnum}"/>). Renaming a member never changes these.</summary>
public static class RoleNames
{
    /// <summary>The table.</summary>
    public static readonly NameTable<Role> Table = new(
        (Role.None, "none"),
        (Role.Trader, "trader"),
        (Role.Provider, "provider"),
        (Role.MarketData, "market-data"));

    /// <summary>The name written for <paramref name="value"/> (its number when it has none).</summary>
    public static string Name(Role value) => Table.Name(value);

    /// <summary>Reads a name.</summary>
    public static bool TryParse(string text, out Role value) => Table.TryParse(text, out value);
}
