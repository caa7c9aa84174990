using TokenMatch.Commands;

namespace TokenMatch.Protocol;

/// <summary>Explicit text names of <see cref="PriceKind"/> (see <see cref="NameTable{TEnum}"/>). Renaming a member never changes these.</summary>
public static class PriceKindNames
{
    /// <summary>The table.</summary>
    public static readonly NameTable<PriceKind> Table = new(
        (PriceKind.Fte, "fte"),
        (PriceKind.Absolute, "absolute"));

    /// <summary>The name written for <paramref name="value"/> (its number when it has none).</summary>
    public static string Name(PriceKind value) => Table.Name(value);

    /// <summary>Reads a name.</summary>
    public static bool TryParse(string text, out PriceKind value) => Table.TryParse(text, out value);
}
