using System.Globalization;

namespace TokenMatch.Cli.Serve;

/// <summary>
/// The file <c>tokenmatch serve</c> writes the demo's API keys to, once, mode 0600: one line per key,
/// <c>&lt;role&gt; &lt;account&gt; &lt;key&gt;</c> (role provider, marketdata or trader), then a line
/// <c>market &lt;id&gt; &lt;symbol&gt;</c> per market of the first cycle. Each cycle rollover appends
/// its markets' lines (keys are never rewritten), so the last line per symbol names the current
/// market. A file holding a single bare key (older serve versions) reads as the provider's key.
/// </summary>
public sealed class KeyFile
{
    private KeyFile(IReadOnlyList<KeyFileEntry> keys, IReadOnlyList<(int Id, string Symbol)> markets)
    {
        Keys = keys;
        Markets = markets;
    }

    /// <summary>The keys, in file order.</summary>
    public IReadOnlyList<KeyFileEntry> Keys { get; }

    /// <summary>The market lines, in file order (later cycles last).</summary>
    public IReadOnlyList<(int Id, string Symbol)> Markets { get; }

    /// <summary>The first key of <paramref name="role"/> (and <paramref name="account"/> when given), or null.</summary>
    public string? Find(string role, int? account = null) =>
        Keys.FirstOrDefault(k => k.Role == role && (account is null || k.Account == account))?.Key;

    /// <summary>The current (last listed) market id of each symbol.</summary>
    public IReadOnlyDictionary<string, int> CurrentMarkets()
    {
        var current = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach ((int id, string symbol) in Markets) current[symbol] = id;
        return current;
    }

    /// <summary>Writes a new key file (replacing any), mode 0600 from the first byte.</summary>
    public static void Write(string path, IEnumerable<KeyFileEntry> keys, IEnumerable<(int Id, string Symbol)> markets)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream))
        {
            foreach (KeyFileEntry k in keys) writer.WriteLine($"{k.Role} {k.Account.ToString(CultureInfo.InvariantCulture)} {k.Key}");
            WriteMarkets(writer, markets);
        }
        // An existing file keeps its mode on create: narrow it.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    /// <summary>Appends a new cycle's market lines.</summary>
    public static void AppendMarkets(string path, IEnumerable<(int Id, string Symbol)> markets)
    {
        using var writer = new StreamWriter(path, append: true);
        WriteMarkets(writer, markets);
    }

    private static void WriteMarkets(StreamWriter writer, IEnumerable<(int Id, string Symbol)> markets)
    {
        foreach ((int id, string symbol) in markets) writer.WriteLine($"market {id.ToString(CultureInfo.InvariantCulture)} {symbol}");
    }

    /// <summary>Reads a key file; throws <see cref="FormatException"/> naming the line that does not parse, or the I/O exception.</summary>
    public static KeyFile Read(string path)
    {
        string[] lines = File.ReadAllLines(path);
        var keys = new List<KeyFileEntry>();
        var markets = new List<(int, string)>();
        string[] content = lines.Where(l => l.Trim().Length > 0).ToArray();
        if (content.Length == 1 && !content[0].Trim().Contains(' ', StringComparison.Ordinal))
            return new KeyFile([new KeyFileEntry(KeyFileEntry.Provider, 0, content[0].Trim())], []);
        for (int i = 0; i < lines.Length; i++)
        {
            string[] f = lines[i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length == 0) continue;
            if (f.Length != 3 || !int.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out int number))
                throw new FormatException($"{path} line {i + 1}: expected '<role> <account> <key>' or 'market <id> <symbol>'");
            switch (f[0])
            {
                case "market": markets.Add((number, f[2])); break;
                case KeyFileEntry.Provider or KeyFileEntry.MarketData or KeyFileEntry.Trader: keys.Add(new KeyFileEntry(f[0], number, f[2])); break;
                default: throw new FormatException($"{path} line {i + 1}: unknown role '{f[0]}' (provider, marketdata, trader or market)");
            }
        }
        return new KeyFile(keys, markets);
    }
}
