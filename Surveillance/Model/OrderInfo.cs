using TokenMatch.Commands;

namespace TokenMatch.Surveillance.Model;

/// <summary>An order surveillance tracks from its acceptance to its end. Owned by the detector thread.</summary>
public sealed class OrderInfo
{
    /// <summary>Engine order id.</summary>
    public long Id { get; init; }
    /// <summary>Owner.</summary>
    public int Account { get; init; }
    /// <summary>Market.</summary>
    public int Market { get; init; }
    /// <summary>Side.</summary>
    public Side Side { get; init; }
    /// <summary>FTE price at acceptance.</summary>
    public long Price { get; set; }
    /// <summary>Lots at acceptance (before any fill).</summary>
    public long Quantity { get; init; }
    /// <summary>Lots filled so far.</summary>
    public long Filled { get; set; }
    /// <summary>Engine time and sequence of its acceptance.</summary>
    public long PlacedAt { get; init; }
    /// <summary>Sequence of the command that placed it.</summary>
    public long PlacedSequence { get; init; }
    /// <summary>True once it has left the book (filled, cancelled or expired).</summary>
    public bool Done { get; set; }
}
