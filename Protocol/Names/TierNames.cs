using TokenMatch.Commands;

namespace TokenMatch.Protocol;

/// <summary>Explicit text names of <see cref="Tier"/> (see <see cref="NameTable{TEnum}"/>). Renaming a member never changes these.</summary>
public static class TierNames
{
    /// <summary>The table.</summary>
    public static readonly NameTable<Tier> Table = new(
        (Tier.Unverified, "unverified"),
        (Tier.Verified, "verified"),
        (Tier.Trusted, "trusted"));

    /// <summary>The name written for <paramref name="value"/> (its number when it has none).</summary>
    public static string Name(Tier value) => Table.Name(value);

    /// <summary>Reads a name.</summary>
    public static bool TryParse(string text, out Tier value) => Table.TryParse(text, out value);
}
