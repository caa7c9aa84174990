using System.Globalization;
using System.Text;
using TokenMatch.Commands;
using TokenMatch.Protocol;

namespace TokenMatch.Formats.Scripts;

/// <summary>
/// Text names of enum values in scripts and CSV, from the explicit tables in <c>Protocol/Names</c>
/// (pinned by <c>Engine.Tests/Protocol/wire-names.tsv</c>): lower-case kebab case (<c>cancel-newest</c>,
/// <c>fok-not-fillable</c>), with a few short forms that read better (time in force <c>gtc</c>, <c>gtt</c>).
/// A value with no name is written as its number, and a number is accepted when reading, so that any
/// byte a command can hold survives a round trip.
/// </summary>
/// <typeparam name="TEnum">An enum type backed by <see cref="byte"/> or <see cref="ushort"/>.</typeparam>
public static class ScriptNames<TEnum> where TEnum : struct, Enum
{
    private static readonly Dictionary<long, string> NamesByValue = [];
    private static readonly Dictionary<string, long> ValuesByName = new(StringComparer.Ordinal);

    static ScriptNames()
    {
        // The explicit wire-name tables (Protocol/Names), not the C# identifiers: renaming a member
        // never changes a file format. The first name of a value is the one written; all are read.
        NameTable<TEnum> table = WireNames.Table<TEnum>()
            ?? throw new InvalidOperationException($"{typeof(TEnum).Name} has no wire-name table in Protocol/Names");
        foreach (var (value, name) in table.Entries)
        {
            long raw = NameTable<TEnum>.Raw(value);
            NamesByValue.TryAdd(raw, name);
            ValuesByName[name] = raw;
        }
    }

    /// <summary>Every name accepted, short forms included, for error messages.</summary>
    public static string AllNames => string.Join(", ", ValuesByName.Keys);

    /// <summary>The name written for <paramref name="raw"/>, or the number when it has none.</summary>
    public static string Name(long raw) =>
        NamesByValue.TryGetValue(raw, out string? name) ? name : raw.ToString(CultureInfo.InvariantCulture);

    /// <summary>The name written for <paramref name="value"/>.</summary>
    public static string Name(TEnum value) => Name(Convert.ToInt64(value, CultureInfo.InvariantCulture));

    /// <summary>Reads a name (or a number from 0 to <paramref name="max"/>) as the enum's raw value.</summary>
    public static bool TryParse(string text, long max, out long raw, out string error)
    {
        error = "";
        if (ValuesByName.TryGetValue(text, out raw)) return true;
        if (ScriptValues.LooksLikeInteger(text) && ScriptValues.TryParseInteger(text, out raw, out _) && raw >= 0 && raw <= max)
            return true;
        error = $"unknown {typeof(TEnum).Name} {ScriptText.Quote(text)} (expected one of: {AllNames})";
        return false;
    }

    /// <summary>PascalCase to lower-case kebab case.</summary>
    public static string Kebab(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 4);
        for (int i = 0; i < pascal.Length; i++)
        {
            char c = pascal[i];
            if (char.IsAsciiLetterUpper(c) && i > 0) builder.Append('-');
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }
}
