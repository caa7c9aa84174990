// The serve configuration model: every setting is described in docs/configuration.md.
using TokenMatch.Commands;

namespace TokenMatch.Cli.Config;

/// <summary>
/// What <c>tokenmatch serve</c> runs: listen address, TLS, journal, cycle, house, limits, markets, demo
/// accounts and API-key hashes. <see cref="Default"/> is the embedded demo; <see cref="Load"/> reads a
/// JSON file (<see cref="ConfigJson"/>), <see cref="Validate"/> checks every range
/// (<see cref="ConfigValidator"/>). Immutable once built; any thread.
/// </summary>
public sealed class ServeConfig
{
    public ListenConfig Listen { get; init; } = new();
    public TlsConfig Tls { get; init; } = new();
    public JournalConfig Journal { get; init; } = new();
    public string? KeyFile { get; init; }
    public CycleConfig Cycle { get; init; } = new();
    public HouseConfig House { get; init; } = new();
    public LimitsConfig Limits { get; init; } = new();
    public RateLimitsConfig RateLimits { get; init; } = new();
    public IReadOnlyList<MarketConfig> Markets { get; init; } = [];
    public IReadOnlyList<DemoAccountConfig> DemoAccounts { get; init; } = [];
    public IReadOnlyList<ApiKeyConfig> ApiKeys { get; init; } = [];
    public LoggingConfig Logging { get; init; } = new();

    public static ServeConfig Default => new()
    {
        Markets =
        [
            new MarketConfig { Id = 1, Symbol = "LLM-L", ModelClass = "large model", LotSize = 1000, Tick = 100, Face = 20_000_000, MinPrice = 100, MaxPrice = 40_000_000, MinQuantity = 1, MaxQuantity = 1_000_000,
                Decay = new DecayConfig { Kind = "sqrt", FloorPpm = 100_000 }, Fees = new FeesConfig { MakerBps = 5, TakerBps = 10 }, Buyback = new BuybackConfig { RateBps = 5000, BudgetLots = 1000 } },
            new MarketConfig { Id = 2, Symbol = "LLM-S", ModelClass = "small model", LotSize = 10_000, Tick = 10, Face = 2_000_000, MinPrice = 10, MaxPrice = 4_000_000, MinQuantity = 1, MaxQuantity = 1_000_000,
                Decay = new DecayConfig { Kind = "sqrt", FloorPpm = 0 }, Fees = new FeesConfig { MakerBps = 5, TakerBps = 10 } },
        ],
        DemoAccounts =
        [
            new DemoAccountConfig { Id = 0, Tier = "trusted", Credits = 100_000_000_000 },
            new DemoAccountConfig { Id = 1, Tier = "trusted", Credits = 0 },
            new DemoAccountConfig { Id = 100, Tier = "verified", Credits = 10_000_000_000, Grants = [new GrantConfig { Market = 1, Origin = "paid", Lots = 500 }, new GrantConfig { Market = 2, Origin = "paid", Lots = 2000 }] },
            new DemoAccountConfig { Id = 101, Tier = "verified", Credits = 10_000_000_000, Grants = [new GrantConfig { Market = 1, Origin = "paid", Lots = 300 }] },
            new DemoAccountConfig { Id = 102, Tier = "unverified", Credits = 1_000_000_000, Grants = [new GrantConfig { Market = 2, Origin = "trial", Lots = 100 }] },
        ],
    };

    /// <summary>
    /// The configuration in the JSON file at <paramref name="path"/>, not yet validated; throws
    /// <see cref="ConfigException"/> (the message names the field, the expected kind of value, and the
    /// line and position) and the file's own <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>.
    /// </summary>
    public static ServeConfig Load(string path) => ConfigJson.Parse(File.ReadAllText(path));

    /// <summary>The configuration in <paramref name="json"/> (as <see cref="Load"/>).</summary>
    public static ServeConfig Parse(string json) => ConfigJson.Parse(json);

    /// <summary>Every error, each with its field path and the allowed range; empty when valid.</summary>
    public IReadOnlyList<ConfigError> Validate() => ConfigValidator.Validate(this);

    /// <summary>This configuration as JSON (no comments): <see cref="Parse"/> reads it back equal.</summary>
    public string ToJson() => ConfigJson.Serialize(this);

    /// <summary>The commented example <c>tokenmatch config init</c> writes: every setting, with <see cref="Default"/>'s values.</summary>
    public static string ExampleJson() => ConfigExample.Text;

    /// <summary>
    /// The issue commands for <see cref="ApiKeys"/> (a real deployment's key hashes), in order; the
    /// configuration must be valid (a hash that does not parse throws <see cref="FormatException"/>).
    /// </summary>
    public IEnumerable<Command> ApiKeyCommands()
    {
        foreach (ApiKeyConfig k in ApiKeys)
        {
            Role role = k.Role.ToLowerInvariant() switch
            {
                "trader" => Role.Trader,
                "provider" => Role.Provider,
                "marketdata" => Role.MarketData,
                _ => throw new FormatException($"unknown API key role '{k.Role}'"),
            };
            if (!ApiKeyHash.TryCreateIssue(k.Hash, k.Account, role, out Command issue))
                throw new FormatException($"API key hash for account {k.Account} does not parse: expected {ApiKeyHash.Shape}");
            yield return issue;
        }
    }
}

/// <summary>One configuration error: the field path (<c>markets[0].tick</c>, empty for the whole file) and what is wrong, with the allowed range.</summary>
public sealed record ConfigError(string Field, string Message)
{
    /// <summary>"field: message".</summary>
    public override string ToString() => Field.Length == 0 ? Message : $"{Field}: {Message}";
}

/// <summary>A configuration file that does not read as a configuration; the message names <see cref="Field"/> and, for JSON errors, the line and position.</summary>
public sealed class ConfigException(string field, string message) : Exception(message)
{
    /// <summary>The field path, empty for the whole file.</summary>
    public string Field { get; } = field;
}
public sealed class ListenConfig { public string Address { get; init; } = "127.0.0.1"; public int Port { get; init; } = 7340; }
public sealed class TlsConfig { public string? CertificateFile { get; init; } }
public sealed class JournalConfig { public string Directory { get; init; } = "./data"; public string Fsync { get; init; } = "batch"; public long SnapshotEveryCommands { get; init; } = 1_000_000; }
public sealed class CycleConfig { public string Length { get; init; } = "month"; }
public sealed class HouseConfig { public int ProviderAccount { get; init; } public int FeeAccount { get; init; } = 1; }
public sealed class LimitsConfig { public long MaxOpenOrdersPerAccount { get; init; } = 1000; public Dictionary<string, long> TierCaps { get; init; } = new() { ["unverified"] = 0, ["verified"] = 10_000, ["trusted"] = 1_000_000 }; }
public sealed class RateLimitsConfig { public double ConnectionRate { get; init; } = 2_000_000; public double ConnectionBurst { get; init; } = 100_000; public double AccountRate { get; init; } = 1_000_000; public double AccountBurst { get; init; } = 50_000; }
public sealed class MarketConfig
{
    public int Id { get; init; }
    public string Symbol { get; init; } = "";
    public string ModelClass { get; init; } = "";
    public long LotSize { get; init; }
    public long Tick { get; init; }
    public long Face { get; init; }
    public long MinPrice { get; init; }
    public long MaxPrice { get; init; }
    public long MinQuantity { get; init; }
    public long MaxQuantity { get; init; }
    public DecayConfig Decay { get; init; } = new();
    public FeesConfig Fees { get; init; } = new();
    public BuybackConfig? Buyback { get; init; }
}
public sealed class DecayConfig { public string Kind { get; init; } = "none"; public long FloorPpm { get; init; } public long HalfLife { get; init; } public IReadOnlyList<CurvePointConfig> Points { get; init; } = []; }
public sealed class CurvePointConfig { public long ElapsedPpm { get; init; } public long DecayPpm { get; init; } }
public sealed class FeesConfig { public long MakerBps { get; init; } public long TakerBps { get; init; } }
public sealed class BuybackConfig { public long RateBps { get; init; } public long BudgetLots { get; init; } }
public sealed class DemoAccountConfig { public int Id { get; init; } public string Tier { get; init; } = "unverified"; public long Credits { get; init; } public IReadOnlyList<GrantConfig> Grants { get; init; } = []; public long? Link { get; init; } }
public sealed class GrantConfig { public int Market { get; init; } public string Origin { get; init; } = "paid"; public long Lots { get; init; } }
public sealed class ApiKeyConfig { public int Account { get; init; } public string Role { get; init; } = "trader"; public string Hash { get; init; } = ""; }
public sealed class LoggingConfig { public string Level { get; init; } = "Information"; }
