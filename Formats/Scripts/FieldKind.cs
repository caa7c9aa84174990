namespace TokenMatch.Formats.Scripts;

/// <summary>How a script field's value is written and read.</summary>
public enum FieldKind
{
    /// <summary>A signed 64-bit integer (lots, ppm, bps, ids of orders and groups).</summary>
    Integer,
    /// <summary>A signed 32-bit id (account, market).</summary>
    Id,
    /// <summary>Micro-credits, or exact decimal credits with a <c>c</c> suffix.</summary>
    Credits,
    /// <summary>An FTE price in micro-credits per lot (sets the price kind to FTE).</summary>
    FtePrice,
    /// <summary>An absolute price in micro-credits per lot (sets the price kind to absolute).</summary>
    AbsolutePrice,
    /// <summary>A time: ISO-8601 UTC or integer nanoseconds.</summary>
    Time,
    /// <summary>A duration: an integer with an optional unit (d, h, m, s, ms, us, ns).</summary>
    Duration,
    /// <summary>Order side by name.</summary>
    Side,
    /// <summary>Order type by name.</summary>
    OrderType,
    /// <summary>Time in force by name.</summary>
    TimeInForce,
    /// <summary>Self-trade prevention mode by name.</summary>
    Stp,
    /// <summary>Lot origin by name.</summary>
    Origin,
    /// <summary>Verification tier by name.</summary>
    Tier,
    /// <summary>Decay curve kind by name.</summary>
    Curve,
    /// <summary>A market symbol (1..16 printable ASCII characters).</summary>
    Symbol,
    /// <summary>Four origins separated by commas (the consumption order).</summary>
    Origins,
}
