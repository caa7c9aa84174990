using TokenMatch.Commands;

namespace TokenMatch.Protocol;

/// <summary>Explicit text names of <see cref="Origin"/> (see <see cref="NameTable{TEnum}"/>). Renaming a member never changes these.</summary>
public static class OriginNames
{
    /// <summary>The table.</summary>
    public static readonly NameTable<Origin> Table = new(
        (Origin.Allocated, "allocated"),
        (Origin.Trial, "trial"),
        (Origin.Promo, "promo"),
        (Origin.Acquired, "acquired"));

    /// <summary>The name written for <paramref name="value"/> (its number when it has none).</summary>
    public static string Name(Origin value) => Table.Name(value);

    /// <summary>Reads a name.</summary>
    public static bool TryParse(string text, out Origin value) => Table.TryParse(text, out value);
}
