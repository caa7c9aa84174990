namespace TokenMatch.Commands;

/// <summary>Order side.</summary>
public enum Side : byte
{
    /// <summary>Not set (invalid).</summary>
    None = 0,
    /// <summary>Bid.</summary>
    Buy = 1,
    /// <summary>Ask.</summary>
    Sell = 2,
}

/// <summary>Order type.</summary>
public enum OrderType : byte
{
    /// <summary>Limit order.</summary>
    Limit = 1,
    /// <summary>Market order: IOC (default) or FOK, its limit the protection price or the market's bound.</summary>
    Market = 2,
    /// <summary>Limit order rejected if it would take.</summary>
    PostOnly = 3,
}

/// <summary>Time in force.</summary>
public enum TimeInForce : byte
{
    /// <summary>The type's default: good-till-cycle-end for limit and post-only, IOC for market.</summary>
    Default = 0,
    /// <summary>Rests until filled, cancelled or the cycle ends.</summary>
    GoodTillCycle = 1,
    /// <summary>Rests until its expiry time.</summary>
    GoodTillTime = 2,
    /// <summary>Immediate or cancel.</summary>
    Ioc = 3,
    /// <summary>Fill or kill: whole or rejected.</summary>
    Fok = 4,
}

/// <summary>Self-trade prevention mode, decided by the incoming order.</summary>
public enum StpMode : byte
{
    /// <summary>The account's default (cancel-newest unless set).</summary>
    Default = 0,
    /// <summary>Orders of one owner group trade with each other.</summary>
    None = 1,
    /// <summary>Cancel the incoming remainder.</summary>
    CancelNewest = 2,
    /// <summary>Cancel the resting order, go on matching.</summary>
    CancelOldest = 3,
    /// <summary>Cancel both.</summary>
    CancelBoth = 4,
    /// <summary>Reduce both by the smaller quantity, cancel whichever reaches zero.</summary>
    DecrementAndCancel = 5,
}

/// <summary>How a command's price is quoted.</summary>
public enum PriceKind : byte
{
    /// <summary>Fresh-token-equivalent price (what the lot would cost at cycle start).</summary>
    Fte = 0,
    /// <summary>Absolute price now; converted to FTE at entry, never worse for the sender.</summary>
    Absolute = 1,
}

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

/// <summary>Verification tier of an account.</summary>
public enum Tier : byte
{
    /// <summary>Not verified.</summary>
    Unverified = 0,
    /// <summary>Verified.</summary>
    Verified = 1,
    /// <summary>Trusted.</summary>
    Trusted = 2,
}

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
