namespace TokenMatch.Markets;

/// <summary>Shape of a market's decay curve D(t), in ppm of face value.</summary>
public enum CurveKind : byte
{
    /// <summary>Always 1,000,000: a classic order book.</summary>
    None = 0,
    /// <summary>Straight line from 1,000,000 at start to the floor at end.</summary>
    Linear = 1,
    /// <summary>Halving every half-life (linear within one), never below the floor.</summary>
    Exponential = 2,
    /// <summary>Square root of the remaining fraction: near full value most of the month, dropping at the end.</summary>
    Sqrt = 3,
    /// <summary>Provider-given points, linear between them, the last value held.</summary>
    Table = 4,
}
