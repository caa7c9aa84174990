using System.Runtime.InteropServices;

namespace TokenMatch.Commands;

/// <summary>
/// One command: the ring slot's payload. A fixed-size struct reused in place; the producer writes the
/// fields, the sequencer stamps <see cref="Sequence"/> and <see cref="Timestamp"/>, the core writes
/// <see cref="Result"/> and the range of events it produced. Each command kind reuses the generic
/// fields for values of its own: <see cref="CommandLayout"/> draws the slot and which field means what
/// per kind, and the typed views (<see cref="AsPlace"/>, <see cref="AsGrant"/>, …) name them; unused
/// fields are zero.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public partial struct Command
{
    /// <summary>What to do.</summary>
    public CommandType Type;
    /// <summary>Order side (place, fill).</summary>
    public Side Side;
    /// <summary>Order type (place).</summary>
    public OrderType OrderType;
    /// <summary>Time in force (place).</summary>
    public TimeInForce Tif;
    /// <summary>Self-trade prevention mode (place, set stp default).</summary>
    public StpMode Stp;
    /// <summary>How <see cref="Price"/> is quoted (place, amend).</summary>
    public PriceKind PriceKind;
    /// <summary>Lot origin (grant) or tier (create account, set tier, set tier cap).</summary>
    public byte Code;
    /// <summary>The core's verdict, written when the command has run.</summary>
    public ResultCode Result;
    /// <summary>Account the command acts for (or on, for admin commands).</summary>
    public int Account;
    /// <summary>Market id.</summary>
    public int Market;
    /// <summary>Sequence number: the command's slot sequence in the command ring.</summary>
    public long Sequence;
    /// <summary>Nanoseconds since the Unix epoch, UTC, stamped when the slot was claimed.</summary>
    public long Timestamp;
    /// <summary>Engine order id (cancel, amend, fill); 0 to address an order by client id.</summary>
    public long OrderId;
    /// <summary>Client order id, unique per account and market for the cycle; 0 means none.</summary>
    public long ClientId;
    /// <summary>Price in micro-credits per lot (FTE or absolute, see <see cref="PriceKind"/>); 0 = none.</summary>
    public long Price;
    /// <summary>Quantity in lots, or an amount of credits (deposit, spend).</summary>
    public long Quantity;
    /// <summary>Good-till-time expiry (ns), or the second value of a two-value admin command.</summary>
    public long Arg;
    /// <summary>Admin arguments (create market, set curve, set buyback, ...).</summary>
    public long A0, A1, A2, A3, A4, A5, A6, A7;
    /// <summary>Number of events the command produced (written by the core).</summary>
    public int EventCount;

    /// <summary>Clears every field, ready for reuse.</summary>
    public void Clear() => this = default;

    /// <summary>A heartbeat at <paramref name="timestamp"/>.</summary>
    public static Command Time(long timestamp) => new() { Type = CommandType.Time, Timestamp = timestamp };

    /// <summary>A new order.</summary>
    public static Command Place(long timestamp, int account, int market, Side side, long price, long quantity,
        OrderType type = OrderType.Limit, TimeInForce tif = TimeInForce.Default, long clientId = 0,
        StpMode stp = StpMode.Default, PriceKind priceKind = PriceKind.Fte, long expireAt = 0) => new()
    {
        Type = CommandType.Place, Timestamp = timestamp, Account = account, Market = market, Side = side,
        Price = price, Quantity = quantity, OrderType = type, Tif = tif, ClientId = clientId, Stp = stp,
        PriceKind = priceKind, Arg = expireAt,
    };

    /// <summary>Cancel by engine order id.</summary>
    public static Command Cancel(long timestamp, int account, long orderId) => new()
    { Type = CommandType.Cancel, Timestamp = timestamp, Account = account, OrderId = orderId };

    /// <summary>Cancel by account, market and client order id.</summary>
    public static Command CancelByClientId(long timestamp, int account, int market, long clientId) => new()
    { Type = CommandType.Cancel, Timestamp = timestamp, Account = account, Market = market, ClientId = clientId };

    /// <summary>Amend by engine order id: new remaining quantity and/or price (0 keeps it).</summary>
    public static Command Amend(long timestamp, int account, long orderId, long newQuantity, long newPrice,
        PriceKind priceKind = PriceKind.Fte) => new()
    {
        Type = CommandType.Amend, Timestamp = timestamp, Account = account, OrderId = orderId,
        Quantity = newQuantity, Price = newPrice, PriceKind = priceKind,
    };

    /// <summary>Amend by account, market and client order id.</summary>
    public static Command AmendByClientId(long timestamp, int account, int market, long clientId, long newQuantity,
        long newPrice, PriceKind priceKind = PriceKind.Fte) => new()
    {
        Type = CommandType.Amend, Timestamp = timestamp, Account = account, Market = market, ClientId = clientId,
        Quantity = newQuantity, Price = newPrice, PriceKind = priceKind,
    };

    /// <summary>Mass cancel: every order of the account, or in one market when <paramref name="market"/> ≥ 0.</summary>
    public static Command MassCancel(long timestamp, int account, int market = -1) => new()
    { Type = CommandType.MassCancel, Timestamp = timestamp, Account = account, Market = market };

    /// <summary>Consume <paramref name="lots"/> of the account's free lots in a market.</summary>
    public static Command Consume(long timestamp, int account, int market, long lots) => new()
    { Type = CommandType.Consume, Timestamp = timestamp, Account = account, Market = market, Quantity = lots };

    /// <summary>Charge <paramref name="credits"/> for service.</summary>
    public static Command Spend(long timestamp, int account, long credits) => new()
    { Type = CommandType.Spend, Timestamp = timestamp, Account = account, Quantity = credits };

    /// <summary>Create an account.</summary>
    public static Command CreateAccount(long timestamp, int account, Tier tier = Tier.Unverified) => new()
    { Type = CommandType.CreateAccount, Timestamp = timestamp, Account = account, Code = (byte)tier };

    /// <summary>Deposit credits.</summary>
    public static Command Deposit(long timestamp, int account, long credits) => new()
    { Type = CommandType.Deposit, Timestamp = timestamp, Account = account, Quantity = credits };

    /// <summary>Grant token lots of an origin in a market.</summary>
    public static Command Grant(long timestamp, int account, int market, Origin origin, long lots) => new()
    { Type = CommandType.Grant, Timestamp = timestamp, Account = account, Market = market, Code = (byte)origin, Quantity = lots };

    /// <summary>Set an account's tier.</summary>
    public static Command SetTier(long timestamp, int account, Tier tier) => new()
    { Type = CommandType.SetTier, Timestamp = timestamp, Account = account, Code = (byte)tier };

    /// <summary>Set a tier's max sell quantity per cycle (lots).</summary>
    public static Command SetTierCap(long timestamp, Tier tier, long maxSellLots) => new()
    { Type = CommandType.SetTierCap, Timestamp = timestamp, Code = (byte)tier, Quantity = maxSellLots };

    /// <summary>Set the max open orders per account.</summary>
    public static Command SetMaxOpenOrders(long timestamp, long maxOpenOrders) => new()
    { Type = CommandType.SetMaxOpenOrders, Timestamp = timestamp, Quantity = maxOpenOrders };

    /// <summary>Put an account into owner group <paramref name="group"/> (a positive provider-chosen id).</summary>
    public static Command Link(long timestamp, int account, long group) => new()
    { Type = CommandType.Link, Timestamp = timestamp, Account = account, Arg = group };

    /// <summary>Take an account out of its owner group.</summary>
    public static Command Unlink(long timestamp, int account) => new()
    { Type = CommandType.Unlink, Timestamp = timestamp, Account = account };

    /// <summary>Freeze an account.</summary>
    public static Command Freeze(long timestamp, int account) => new()
    { Type = CommandType.Freeze, Timestamp = timestamp, Account = account };

    /// <summary>Unfreeze an account.</summary>
    public static Command Unfreeze(long timestamp, int account) => new()
    { Type = CommandType.Unfreeze, Timestamp = timestamp, Account = account };

    /// <summary>Set an account's default self-trade prevention mode.</summary>
    public static Command SetStpDefault(long timestamp, int account, StpMode mode) => new()
    { Type = CommandType.SetStpDefault, Timestamp = timestamp, Account = account, Stp = mode };

    /// <summary>Set the consumption order: four distinct origins, first consumed first.</summary>
    public static Command SetConsumeOrder(long timestamp, Origin first, Origin second, Origin third, Origin fourth) => new()
    { Type = CommandType.SetConsumeOrder, Timestamp = timestamp, A0 = (long)first, A1 = (long)second, A2 = (long)third, A3 = (long)fourth };

    /// <summary>Name the provider account (buyback bids) and the fee account.</summary>
    public static Command SetHouse(long timestamp, int providerAccount, int feeAccount) => new()
    { Type = CommandType.SetHouse, Timestamp = timestamp, Account = providerAccount, Arg = feeAccount };

    /// <summary>Create a market in state pre-open, with decay none until <see cref="SetCurve"/>.</summary>
    public static Command CreateMarket(long timestamp, int market, string symbol, long lotSize, long tick, long face,
        long minPrice, long maxPrice, long minQuantity, long maxQuantity, long cycleStart, long cycleEnd) => new()
    {
        Type = CommandType.CreateMarket, Timestamp = timestamp, Market = market,
        OrderId = MarketSymbol.PackLow(symbol), ClientId = MarketSymbol.PackHigh(symbol),
        A0 = lotSize, A1 = tick, A2 = face, A3 = minPrice, A4 = maxPrice, A5 = minQuantity, A6 = maxQuantity,
        A7 = cycleStart, Quantity = cycleEnd,
    };

    /// <summary>Set a pre-open market's decay curve (floor in ppm, half-life in ns for exponential).</summary>
    public static Command SetCurve(long timestamp, int market, Markets.CurveKind kind, long floorPpm = 0, long halfLife = 0) => new()
    { Type = CommandType.SetCurve, Timestamp = timestamp, Market = market, Code = (byte)kind, A0 = floorPpm, A1 = halfLife };

    /// <summary>Append a table point (elapsed ppm of the cycle, decay ppm) to a pre-open market.</summary>
    public static Command AddCurvePoint(long timestamp, int market, long elapsedPpm, long decayPpm) => new()
    { Type = CommandType.AddCurvePoint, Timestamp = timestamp, Market = market, A0 = elapsedPpm, A1 = decayPpm };

    /// <summary>Open, halt, resume or expire a market (<paramref name="type"/> picks which).</summary>
    public static Command MarketState(long timestamp, CommandType type, int market) => new()
    { Type = type, Timestamp = timestamp, Market = market };

    /// <summary>Set a market's maker and taker fee rates in bps.</summary>
    public static Command SetFees(long timestamp, int market, long makerBps, long takerBps) => new()
    { Type = CommandType.SetFees, Timestamp = timestamp, Market = market, A0 = makerBps, A1 = takerBps };

    /// <summary>Set a market's buyback rate (bps of face) and budget (lots per cycle, bought back included).</summary>
    public static Command SetBuyback(long timestamp, int market, long rateBps, long budgetLots) => new()
    { Type = CommandType.SetBuyback, Timestamp = timestamp, Market = market, A0 = rateBps, A1 = budgetLots };

    /// <summary>Replay-only: execute resting order <paramref name="orderId"/> for <paramref name="quantity"/> against <paramref name="account"/>.</summary>
    public static Command Fill(long timestamp, int account, long orderId, long quantity) => new()
    { Type = CommandType.Fill, Timestamp = timestamp, Account = account, OrderId = orderId, Quantity = quantity };
}
