namespace TokenMatch.Commands;

/// <summary>
/// The outcome of a command. Rejections are values, never exceptions; each subsystem owns a
/// numeric range: 1xx validation, 2xx admin, 3xx risk and ledger, 4xx matching, 5xx gateway and
/// pipeline. Documented in docs/result-codes.md. Values are part of the wire format: never renumber.
/// </summary>
public enum ResultCode : ushort
{
    /// <summary>Accepted.</summary>
    Ok = 0,

    // 1xx: validation of a trading command against the market.
    /// <summary>The command type is not known.</summary>
    UnknownCommand = 100,
    /// <summary>No market has this id.</summary>
    UnknownMarket = 101,
    /// <summary>The market is pre-open.</summary>
    MarketNotOpen = 102,
    /// <summary>The market is halted (only cancels and set buyback are accepted).</summary>
    MarketHalted = 103,
    /// <summary>The market's cycle has ended.</summary>
    MarketExpired = 104,
    /// <summary>Quantity zero or negative.</summary>
    InvalidQuantity = 105,
    /// <summary>Quantity outside the market's min and max order quantity.</summary>
    QuantityOutOfRange = 106,
    /// <summary>Price zero, negative, or outside the market's min and max FTE price.</summary>
    PriceOutOfRange = 107,
    /// <summary>Price not a whole multiple of the tick.</summary>
    PriceOffTick = 108,
    /// <summary>An amount would overflow 64 bits.</summary>
    Overflow = 109,
    /// <summary>Side is neither buy nor sell.</summary>
    InvalidSide = 110,
    /// <summary>Order type not known.</summary>
    InvalidOrderType = 111,
    /// <summary>Time in force not known, or not allowed for the order type.</summary>
    InvalidTimeInForce = 112,
    /// <summary>Self-trade prevention mode not known.</summary>
    InvalidStpMode = 113,
    /// <summary>Good-till-time expiry not after the command's time.</summary>
    InvalidExpiry = 114,
    /// <summary>An absolute price was sent while the decay factor is zero.</summary>
    DecayIsZero = 115,
    /// <summary>The client order id was already claimed by an accepted order this cycle.</summary>
    DuplicateClientId = 116,
    /// <summary>Price kind not known.</summary>
    InvalidPriceKind = 117,

    // 2xx: admin commands.
    /// <summary>A market with this id already exists.</summary>
    MarketExists = 200,
    /// <summary>A market's parameters are inconsistent (lot, tick, bounds, cycle).</summary>
    InvalidMarketSpec = 201,
    /// <summary>A table curve rises, does not start at full value, or is out of order.</summary>
    InvalidCurve = 202,
    /// <summary>A fee rate is outside 0..1,000 bps.</summary>
    FeeOutOfRange = 203,
    /// <summary>A buyback rate is outside 0..10,000 bps.</summary>
    RateOutOfRange = 204,
    /// <summary>A budget, cap or limit is negative.</summary>
    NegativeValue = 205,
    /// <summary>An amount that must be positive is not.</summary>
    InvalidAmount = 206,
    /// <summary>An account with this id already exists.</summary>
    AccountExists = 207,
    /// <summary>Verification tier not known.</summary>
    InvalidTier = 208,
    /// <summary>The market is not in the state this command needs.</summary>
    InvalidMarketState = 209,
    /// <summary>Lot origin not known or not grantable.</summary>
    InvalidOrigin = 210,
    /// <summary>The provider or fee account is not set.</summary>
    HouseNotSet = 211,
    /// <summary>A consumption order is not a permutation of the four origins.</summary>
    InvalidConsumeOrder = 212,
    /// <summary>An account or market id outside the supported range.</summary>
    InvalidId = 213,
    /// <summary>The buyback bid's FTE price falls outside the market's price bounds.</summary>
    BuybackPriceOutOfRange = 214,
    /// <summary>An API key with this id was already issued.</summary>
    ApiKeyExists = 215,
    /// <summary>No API key has this id, or it is already revoked.</summary>
    UnknownApiKey = 216,
    /// <summary>Session role not known.</summary>
    InvalidRole = 217,

    // 3xx: risk and ledger.
    /// <summary>No account has this id.</summary>
    UnknownAccount = 300,
    /// <summary>Not enough available credits.</summary>
    InsufficientCredits = 301,
    /// <summary>Not enough free token lots.</summary>
    InsufficientLots = 302,
    /// <summary>The sell would need acquired, trial or promo lots, which are never sellable.</summary>
    LotsNotSellable = 303,
    /// <summary>The account is frozen.</summary>
    AccountFrozen = 304,
    /// <summary>The tier's max sell quantity per cycle would be exceeded.</summary>
    TierCapExceeded = 305,
    /// <summary>The account's max open orders would be exceeded.</summary>
    MaxOpenOrdersExceeded = 306,

    // 4xx: matching.
    /// <summary>No open order with this id (or client id) for this account.</summary>
    UnknownOrder = 400,
    /// <summary>A post-only order would take liquidity.</summary>
    PostOnlyWouldTake = 401,
    /// <summary>A fill-or-kill order cannot fill whole.</summary>
    FokNotFillable = 402,
    /// <summary>An amend that changes nothing.</summary>
    AmendNoChange = 403,

    // 5xx: gateway and pipeline.
    /// <summary>The session has not logged in.</summary>
    NotAuthenticated = 500,
    /// <summary>The session's role or account may not do this.</summary>
    NotAuthorized = 501,
    /// <summary>The session sent orders faster than its rate limit.</summary>
    RateLimited = 502,
    /// <summary>A frame could not be decoded.</summary>
    MalformedFrame = 503,
    /// <summary>The command ring is full and the pipeline is configured to refuse.</summary>
    RingFull = 504,
    /// <summary>The engine is shutting down.</summary>
    ShuttingDown = 505,
    /// <summary>The client's protocol version is not one the server speaks.</summary>
    UnsupportedVersion = 506,
    /// <summary>The frame's message type is not known (or not a request).</summary>
    UnknownMessageType = 507,
    /// <summary>A field is missing, of the wrong type, or out of range.</summary>
    InvalidField = 508,
    /// <summary>A frame's length prefix exceeds the maximum frame length.</summary>
    FrameTooLarge = 509,
    /// <summary>The session has the maximum number of requests in flight.</summary>
    TooManyInFlight = 510,
    /// <summary>The API key is malformed, unknown, revoked or wrong.</summary>
    LoginFailed = 511,
    /// <summary>Hello or login sent twice, or login before hello.</summary>
    ProtocolViolation = 512,
    /// <summary>The session's outbound buffer passed its bound: it read too slowly.</summary>
    SlowConsumer = 513,
    /// <summary>The session sent too many bad frames.</summary>
    TooManyErrors = 514,
    /// <summary>The session's API key was revoked.</summary>
    KeyRevoked = 515,
    /// <summary>The server is closing the session (shutdown, or the client said goodbye).</summary>
    SessionClosed = 516,
    /// <summary>An alert subscription on a gateway that runs no surveillance.</summary>
    NoSurveillance = 517,
}
