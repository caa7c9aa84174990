namespace TokenMatch.Commands;

/// <summary>How a command's price is quoted.</summary>
public enum PriceKind : byte
{
    /// <summary>Fresh-token-equivalent price (what the lot would cost at cycle start).</summary>
    Fte = 0,
    /// <summary>Absolute price now; converted to FTE at entry, never worse for the sender.</summary>
    Absolute = 1,
}
