namespace TokenMatch.Protocol;

/// <summary>Explicit text names of <see cref="FrameStatus"/> (see <see cref="NameTable{TEnum}"/>). Renaming a member never changes these.</summary>
public static class FrameStatusNames
{
    /// <summary>The table.</summary>
    public static readonly NameTable<FrameStatus> Table = new(
        (FrameStatus.Incomplete, "incomplete"),
        (FrameStatus.Frame, "frame"),
        (FrameStatus.TooLarge, "too-large"));

    /// <summary>The name written for <paramref name="value"/> (its number when it has none).</summary>
    public static string Name(FrameStatus value) => Table.Name(value);

    /// <summary>Reads a name.</summary>
    public static bool TryParse(string text, out FrameStatus value) => Table.TryParse(text, out value);
}
