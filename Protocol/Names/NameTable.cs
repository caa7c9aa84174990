using System.Runtime.CompilerServices;

namespace TokenMatch.Protocol;

/// <summary>
/// The explicit text names of one enum's members (lower-case kebab case, as scripts and CSV files
/// write them), given as literals so that renaming a C# identifier never changes a file format.
/// Immutable once built; safe from any thread.
/// </summary>
/// <typeparam name="TEnum">An enum backed by <see cref="byte"/> or <see cref="ushort"/>.</typeparam>
public sealed class NameTable<TEnum> where TEnum : struct, Enum
{
    private readonly Dictionary<long, string> _names = [];
    private readonly Dictionary<string, TEnum> _values = new(StringComparer.Ordinal);
    private readonly (TEnum Value, string Name)[] _entries;

    /// <summary>Builds the table from its members' names (the first name of a value is the one written).</summary>
    public NameTable(params (TEnum Value, string Name)[] entries)
    {
        _entries = entries;
        foreach (var (value, name) in entries)
        {
            _names.TryAdd(Raw(value), name);
            _values.Add(name, value);
        }
    }

    /// <summary>Every (member, name) pair in declaration order, short forms included.</summary>
    public IReadOnlyList<(TEnum Value, string Name)> Entries => _entries;

    /// <summary>The name written for <paramref name="value"/>, or its number when it has none.</summary>
    public string Name(TEnum value) =>
        _names.TryGetValue(Raw(value), out string? name) ? name : Raw(value).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>True when <paramref name="value"/> is a named member.</summary>
    public bool IsDefined(TEnum value) => _names.ContainsKey(Raw(value));

    /// <summary>Reads a name (exact, lower case).</summary>
    public bool TryParse(string text, out TEnum value) => _values.TryGetValue(text, out value);

    /// <summary>Every name accepted, for error messages.</summary>
    public string AllNames => string.Join(", ", _values.Keys);

    /// <summary>The member's wire number.</summary>
    public static long Raw(TEnum value) => Unsafe.SizeOf<TEnum>() switch
    {
        1 => Unsafe.As<TEnum, byte>(ref value),
        2 => Unsafe.As<TEnum, ushort>(ref value),
        4 => Unsafe.As<TEnum, int>(ref value),
        _ => Unsafe.As<TEnum, long>(ref value),
    };
}
