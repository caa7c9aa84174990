namespace TokenMatch.Commands;

/// <summary>Why an order left the book without filling.</summary>
public enum CancelReason : byte
{
    /// <summary>Cancelled by its owner.</summary>
    User = 1,
    /// <summary>Cancelled by a mass cancel.</summary>
    MassCancel = 2,
    /// <summary>Unfilled remainder of an IOC or market order.</summary>
    IocRemainder = 3,
    /// <summary>Self-trade prevention.</summary>
    SelfTrade = 4,
    /// <summary>The market's cycle ended (or the market was expired by admin).</summary>
    Expiry = 5,
    /// <summary>Its good-till-time expiry passed.</summary>
    TimeExpiry = 6,
    /// <summary>Its account was frozen.</summary>
    Freeze = 7,
    /// <summary>A buyback bid replaced or removed by set buyback.</summary>
    BuybackReplaced = 8,
}
