using System.Text.Json;
using System.Text.Json.Serialization;

namespace TokenMatch.Surveillance.Config;

/// <summary>
/// Every detector's thresholds and automatic response. Defaults are documented in
/// docs/surveillance.md; a JSON file overrides any subset (unknown fields are an error, so a typo
/// does not silently keep a default).
/// </summary>
public sealed record SurveillanceConfig
{
    /// <summary>Sybil clusters.</summary>
    public SybilConfig Sybil { get; init; } = new();
    /// <summary>Collusion and credit moving.</summary>
    public CollusionConfig Collusion { get; init; } = new();
    /// <summary>Spoofing and layering.</summary>
    public SpoofingConfig Spoofing { get; init; } = new();
    /// <summary>Velocity.</summary>
    public VelocityConfig Velocity { get; init; } = new();

    /// <summary>The JSON settings: camelCase, comments and trailing commas allowed, unknown fields refused.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Parses a configuration; throws <see cref="JsonException"/> naming the problem, or <see cref="ArgumentException"/> for a value out of range.</summary>
    public static SurveillanceConfig FromJson(string json)
    {
        SurveillanceConfig config = JsonSerializer.Deserialize<SurveillanceConfig>(json, JsonOptions)
            ?? throw new JsonException("the configuration is null");
        config.Validate();
        return config;
    }

    /// <summary>This configuration as JSON (every field, defaults included).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first field out of range.</summary>
    public void Validate()
    {
        Positive("sybil.minClusterSize", Sybil.MinClusterSize);
        Positive("sybil.lockstepGapNs", Sybil.LockstepGapNs);
        Positive("sybil.maxAgeNs", Sybil.MaxAgeNs);
        Positive("sybil.evaluateEveryNs", Sybil.EvaluateEveryNs);
        Range("sybil.maxLowTier", Sybil.MaxLowTier, 0, 2);
        Positive("sybil.minClusterRejections", Sybil.MinClusterRejections);
        Range("collusion.deviationPpm", Collusion.DeviationPpm, 1, 1_000_000);
        Positive("collusion.minTrades", Collusion.MinTrades);
        Positive("collusion.minCreditsMoved", Collusion.MinCreditsMoved);
        Positive("collusion.highMultiple", Collusion.HighMultiple);
        Positive("spoofing.minLargeLots", Spoofing.MinLargeLots);
        Positive("spoofing.largeFactor", Spoofing.LargeFactor);
        Positive("spoofing.maxLifetimeNs", Spoofing.MaxLifetimeNs);
        Positive("spoofing.minEpisodes", Spoofing.MinEpisodes);
        Range("spoofing.ratioFactor", Spoofing.RatioFactor, 0, 1_000_000);
        Positive("velocity.windowNs", Velocity.WindowNs);
        Positive("velocity.minOrders", Velocity.MinOrders);
        Positive("velocity.minLots", Velocity.MinLots);
        Positive("velocity.factor", Velocity.Factor);
        foreach ((string name, int limit) in new[] { ("sybil", Sybil.EvidenceLimit), ("collusion", Collusion.EvidenceLimit),
                     ("spoofing", Spoofing.EvidenceLimit), ("velocity", Velocity.EvidenceLimit) })
            Range(name + ".evidenceLimit", limit, 0, 10_000);
    }

    private static void Positive(string field, long value) => Range(field, value, 1, long.MaxValue);

    private static void Range(string field, long value, long min, long max)
    {
        if (value < min || value > max)
            throw new ArgumentException($"{field} is {value}; allowed {min}..{(max == long.MaxValue ? "" : max.ToString())}");
    }
}
