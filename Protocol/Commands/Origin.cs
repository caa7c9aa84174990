namespace TokenMatch.Commands;

/// <summary>Where a token lot came from. Only allocated lots are sellable.</summary>
public enum Origin : byte
{
    /// <summary>The monthly quota grant: the only sellable origin.</summary>
    Allocated = 0,
    /// <summary>Trial grant: never sellable.</summary>
    Trial = 1,
    /// <summary>Promo grant: never sellable.</summary>
    Promo = 2,
    /// <summary>Bought on the market: consumed, never resold.</summary>
    Acquired = 3,
}
