using TokenMatch.Commands;

namespace TokenMatch.Protocol;

/// <summary>Explicit text names of <see cref="ResultCode"/> (see <see cref="NameTable{TEnum}"/>). Renaming a member never changes these.</summary>
public static class ResultCodeNames
{
    /// <summary>The table.</summary>
    public static readonly NameTable<ResultCode> Table = new(
        (ResultCode.Ok, "ok"),
        (ResultCode.UnknownCommand, "unknown-command"),
        (ResultCode.UnknownMarket, "unknown-market"),
        (ResultCode.MarketNotOpen, "market-not-open"),
        (ResultCode.MarketHalted, "market-halted"),
        (ResultCode.MarketExpired, "market-expired"),
        (ResultCode.InvalidQuantity, "invalid-quantity"),
        (ResultCode.QuantityOutOfRange, "quantity-out-of-range"),
        (ResultCode.PriceOutOfRange, "price-out-of-range"),
        (ResultCode.PriceOffTick, "price-off-tick"),
        (ResultCode.Overflow, "overflow"),
        (ResultCode.InvalidSide, "invalid-side"),
        (ResultCode.InvalidOrderType, "invalid-order-type"),
        (ResultCode.InvalidTimeInForce, "invalid-time-in-force"),
        (ResultCode.InvalidStpMode, "invalid-stp-mode"),
        (ResultCode.InvalidExpiry, "invalid-expiry"),
        (ResultCode.DecayIsZero, "decay-is-zero"),
        (ResultCode.DuplicateClientId, "duplicate-client-id"),
        (ResultCode.InvalidPriceKind, "invalid-price-kind"),
        (ResultCode.MarketExists, "market-exists"),
        (ResultCode.InvalidMarketSpec, "invalid-market-spec"),
        (ResultCode.InvalidCurve, "invalid-curve"),
        (ResultCode.FeeOutOfRange, "fee-out-of-range"),
        (ResultCode.RateOutOfRange, "rate-out-of-range"),
        (ResultCode.NegativeValue, "negative-value"),
        (ResultCode.InvalidAmount, "invalid-amount"),
        (ResultCode.AccountExists, "account-exists"),
        (ResultCode.InvalidTier, "invalid-tier"),
        (ResultCode.InvalidMarketState, "invalid-market-state"),
        (ResultCode.InvalidOrigin, "invalid-origin"),
        (ResultCode.HouseNotSet, "house-not-set"),
        (ResultCode.InvalidConsumeOrder, "invalid-consume-order"),
        (ResultCode.InvalidId, "invalid-id"),
        (ResultCode.BuybackPriceOutOfRange, "buyback-price-out-of-range"),
        (ResultCode.ApiKeyExists, "api-key-exists"),
        (ResultCode.UnknownApiKey, "unknown-api-key"),
        (ResultCode.InvalidRole, "invalid-role"),
        (ResultCode.UnknownAccount, "unknown-account"),
        (ResultCode.InsufficientCredits, "insufficient-credits"),
        (ResultCode.InsufficientLots, "insufficient-lots"),
        (ResultCode.LotsNotSellable, "lots-not-sellable"),
        (ResultCode.AccountFrozen, "account-frozen"),
        (ResultCode.TierCapExceeded, "tier-cap-exceeded"),
        (ResultCode.MaxOpenOrdersExceeded, "max-open-orders-exceeded"),
        (ResultCode.UnknownOrder, "unknown-order"),
        (ResultCode.PostOnlyWouldTake, "post-only-would-take"),
        (ResultCode.FokNotFillable, "fok-not-fillable"),
        (ResultCode.AmendNoChange, "amend-no-change"),
        (ResultCode.NotAuthenticated, "not-authenticated"),
        (ResultCode.NotAuthorized, "not-authorized"),
        (ResultCode.RateLimited, "rate-limited"),
        (ResultCode.MalformedFrame, "malformed-frame"),
        (ResultCode.RingFull, "ring-full"),
        (ResultCode.ShuttingDown, "shutting-down"),
        (ResultCode.UnsupportedVersion, "unsupported-version"),
        (ResultCode.UnknownMessageType, "unknown-message-type"),
        (ResultCode.InvalidField, "invalid-field"),
        (ResultCode.FrameTooLarge, "frame-too-large"),
        (ResultCode.TooManyInFlight, "too-many-in-flight"),
        (ResultCode.LoginFailed, "login-failed"),
        (ResultCode.ProtocolViolation, "protocol-violation"),
        (ResultCode.SlowConsumer, "slow-consumer"),
        (ResultCode.TooManyErrors, "too-many-errors"),
        (ResultCode.KeyRevoked, "key-revoked"),
        (ResultCode.SessionClosed, "session-closed"),
        (ResultCode.NoSurveillance, "no-surveillance"));

    /// <summary>The name written for <paramref name="value"/> (its number when it has none).</summary>
    public static string Name(ResultCode value) => Table.Name(value);

    /// <summary>Reads a name.</summary>
    public static bool TryParse(string text, out ResultCode value) => Table.TryParse(text, out value);
}
