using TokenMatch.Markets;

namespace TokenMatch.Protocol;

/// <summary>Explicit text names of <see cref="CurveKind"/> (see <see cref="NameTable{TEnum}"/>). Renaming a member never changes these.</summary>
public static class CurveKindNames
{
    /// <summary>The table.</summary>
    public static readonly NameTable<CurveKind> Table = new(
        (CurveKind.None, "none"),
        (CurveKind.Linear, "linear"),
        (CurveKind.Exponential, "exponential"),
        (CurveKind.Sqrt, "sqrt"),
        (CurveKind.Table, "table"));

    /// <summary>The name written for <paramref name="value"/> (its number when it has none).</summary>
    public static string Name(CurveKind value) => Table.Name(value);

    /// <summary>Reads a name.</summary>
    public static bool TryParse(string text, out CurveKind value) => Table.TryParse(text, out value);
}
