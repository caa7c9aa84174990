using TokenMatch.Commands;

namespace TokenMatch.Protocol;

/// <summary>Explicit text names of <see cref="StpMode"/> (see <see cref="NameTable{TEnum}"/>). Renaming a member never changes these.</summary>
public static class StpModeNames
{
    /// <summary>The table.</summary>
    public static readonly NameTable<StpMode> Table = new(
        (StpMode.Default, "default"),
        (StpMode.None, "none"),
        (StpMode.CancelNewest, "cancel-newest"),
        (StpMode.CancelOldest, "cancel-oldest"),
        (StpMode.CancelBoth, "cancel-both"),
        (StpMode.DecrementAndCancel, "decrement-and-cancel"));

    /// <summary>The name written for <paramref name="value"/> (its number when it has none).</summary>
    public static string Name(StpMode value) => Table.Name(value);

    /// <summary>Reads a name.</summary>
    public static bool TryParse(string text, out StpMode value) => Table.TryParse(text, out value);
}
