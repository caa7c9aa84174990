using TokenMatch.Commands;
using TokenMatch.Markets;
using TokenMatch.Matching;

namespace TokenMatch.Ledger;

/// <summary>
/// The ledger's rules beside its data: accounts and the engine-wide settings that bound them (tier
/// caps, open-order limit, consumption order, the house accounts, the deposits' total), and every
/// change of credits and lots — holds and releases of orders, settlement and fees of fills,
/// consumption, spending, deposits and grants. It emits no events and knows no books: the core
/// decides when, the ledger how much. Each command method checks everything first and changes
/// nothing unless it returns <see cref="ResultCode.Ok"/>. Owned by the core thread.
/// </summary>
internal sealed class LedgerBook
{
    private readonly AccountTable _accounts;
    private readonly Market?[] _markets;
    private readonly OrderPool _orders;
    private readonly long[] _tierCaps = [long.MaxValue, long.MaxValue, long.MaxValue];
    private readonly Origin[] _consumeOrder = [Origin.Trial, Origin.Promo, Origin.Acquired, Origin.Allocated];
    private long _maxOpenOrders = long.MaxValue;
    private int _provider = -1;
    private int _feeAccount = -1;
    private long _totalDeposits;

    /// <summary>A ledger over <paramref name="accounts"/>, the core's market table (by id) and order pool.</summary>
    public LedgerBook(AccountTable accounts, Market?[] markets, OrderPool orders)
    {
        _accounts = accounts;
        _markets = markets;
        _orders = orders;
    }

    /// <summary>The accounts by id.</summary>
    public AccountTable Accounts => _accounts;

    /// <summary>Max sell quantity per cycle by tier (lots): sold plus open sells, counted at entry.</summary>
    public long[] TierCaps => _tierCaps;

    /// <summary>The order in which consumption takes free lots' origins, first consumed first.</summary>
    public Origin[] ConsumeOrder => _consumeOrder;

    /// <summary>Max resting orders per account.</summary>
    public long MaxOpenOrders { get => _maxOpenOrders; set => _maxOpenOrders = value; }

    /// <summary>The provider's account (buyback bids), −1 until set.</summary>
    public int Provider { get => _provider; set => _provider = value; }

    /// <summary>The account fees are paid to, −1 until set.</summary>
    public int FeeAccount { get => _feeAccount; set => _feeAccount = value; }

    /// <summary>Credits deposited in all: every balance, hold and spent amount is part of it.</summary>
    public long TotalDeposits { get => _totalDeposits; set => _totalDeposits = value; }

    /// <summary>Creates an account of tier <paramref name="tier"/> (a raw tier code).</summary>
    public ResultCode CreateAccount(int id, byte tier)
    {
        if ((uint)id >= Core.ExchangeCore.MaxAccounts) return ResultCode.InvalidId;
        if (_accounts.Find(id) is not null) return ResultCode.AccountExists;
        if (tier > (byte)Tier.Trusted) return ResultCode.InvalidTier;
        _accounts.Add(new Account(id, (Tier)tier));
        return ResultCode.Ok;
    }

    /// <summary>Sets the consumption order from four raw origins, which must be distinct.</summary>
    public ResultCode SetConsumeOrder(ReadOnlySpan<long> order)
    {
        int seen = 0;
        foreach (long origin in order)
        {
            if (origin is < 0 or > 3 || (seen & (1 << (int)origin)) != 0) return ResultCode.InvalidConsumeOrder;
            seen |= 1 << (int)origin;
        }
        for (int i = 0; i < 4; i++) _consumeOrder[i] = (Origin)order[i];
        return ResultCode.Ok;
    }

    /// <summary>True when two accounts are one beneficial owner (same account or same owner group) right now.</summary>
    public bool SameOwner(int accountA, int accountB)
    {
        if (accountA == accountB) return true;
        long group = _accounts.Get(accountA).Group;
        return group != 0 && group == _accounts.Get(accountB).Group;
    }

    /// <summary>Credits a buy holds per lot: eff(limit, now) plus the larger of its maker and taker fee on that price.</summary>
    public static long BuyHoldPerLot(Market market, long limit, long decay)
    {
        long eff = Pricing.Effective(limit, decay, market.Tick);
        return eff + Pricing.FeePerLot(eff, Math.Max(market.MakerBps, market.TakerBps));
    }

    /// <summary>Whether a sell of <paramref name="quantity"/> more lots (beyond <paramref name="alreadyHeld"/> it gives back) is allowed.</summary>
    public ResultCode CheckSell(Account account, Market market, long quantity, long alreadyHeld)
    {
        MarketLots lots = market.HasLots(account) ? market.LotsOf(account) : default;
        long freeAllocated = lots.Free[(int)Origin.Allocated] + alreadyHeld;
        if (quantity > freeAllocated)
        {
            long otherFree = lots.TotalFree - lots.Free[(int)Origin.Allocated];
            return freeAllocated + otherFree >= quantity ? ResultCode.LotsNotSellable : ResultCode.InsufficientLots;
        }
        long counted = lots.SellCounted - alreadyHeld;
        if (counted + quantity > _tierCaps[(int)account.Tier]) return ResultCode.TierCapExceeded;
        return ResultCode.Ok;
    }

    /// <summary>Holds what an order of <paramref name="quantity"/> lots needs: credits for a buy, free allocated lots for a sell.</summary>
    public void Hold(Account account, int market, int index, long quantity)
    {
        ref Order o = ref _orders[index];
        if (o.Side == Side.Buy)
        {
            long credits = quantity * o.HoldPerLot;
            account.Available -= credits;
            account.Held += credits;
        }
        else
        {
            ref MarketLots lots = ref _markets[market]!.LotsOf(account);
            lots.Free[(int)Origin.Allocated] -= quantity;
            lots.HeldAllocated += quantity;
            lots.SellCounted += quantity;
        }
    }

    /// <summary>Releases the hold of <paramref name="quantity"/> unfilled lots of an order (a sell gives them back to the tier cap's count).</summary>
    public void Release(int index, long quantity)
    {
        ref Order o = ref _orders[index];
        if (o.Side == Side.Buy)
        {
            Account account = _accounts.Get(o.Account);
            long credits = quantity * o.HoldPerLot;
            account.Held -= credits;
            account.Available += credits;
        }
        else
        {
            ref MarketLots lots = ref _markets[o.Market]!.LotsOf(_accounts.Get(o.Account));
            lots.HeldAllocated -= quantity;
            lots.Free[(int)Origin.Allocated] += quantity;
            lots.SellCounted -= quantity;
        }
    }

    /// <summary>
    /// Settles a fill of <paramref name="quantity"/> lots at <paramref name="exec"/> between a resting
    /// and an incoming order: each side's fee at its own rate (none for the buyback bid), the buyer
    /// charged from its hold, the seller paid, the fees to the fee account. Returns the fees (a pair in
    /// registers rather than out values, which would live in memory).
    /// </summary>
    public (long BuyerFee, long SellerFee) SettleTrade(int maker, int taker, long quantity, long exec)
    {
        ref Order m = ref _orders[maker];
        Market market = _markets[m.Market]!;
        bool makerBuys = m.Side == Side.Buy;
        int buyIndex = makerBuys ? maker : taker;
        int sellIndex = makerBuys ? taker : maker;
        ref Order buy = ref _orders[buyIndex];
        ref Order sell = ref _orders[sellIndex];
        bool feeFree = buy.IsBuyback;
        long buyerFee = feeFree ? 0 : quantity * Pricing.FeePerLot(exec, makerBuys ? buy.MakerBps : buy.TakerBps);
        long sellerFee = feeFree ? 0 : quantity * Pricing.FeePerLot(exec, makerBuys ? sell.TakerBps : sell.MakerBps);
        SettleBuyer(_accounts.Get(buy.Account), market, buyIndex, quantity, exec, buyerFee);
        SettleSeller(_accounts.Get(sell.Account), market, quantity, exec, sellerFee);
        AddFees(buyerFee + sellerFee);
        return (buyerFee, sellerFee);
    }

    /// <summary>
    /// Settles a replay fill of resting order <paramref name="index"/> by account <paramref name="taker"/>
    /// (no order of its own): the taker pays or delivers directly, the maker settles from its order.
    /// </summary>
    public void SettleFill(Account taker, Market market, int index, long quantity, long exec, long takerFee, long makerFee)
    {
        ref Order o = ref _orders[index];
        Account maker = _accounts.Get(o.Account);
        if (o.Side == Side.Sell)
        {
            taker.Available -= quantity * exec + takerFee;
            market.LotsOf(taker).Free[(int)Origin.Acquired] += quantity;
            SettleSeller(maker, market, quantity, exec, makerFee);
        }
        else
        {
            ref MarketLots lots = ref market.LotsOf(taker);
            lots.Free[(int)Origin.Allocated] -= quantity;
            lots.SellCounted += quantity;
            taker.Available += quantity * exec - takerFee;
            SettleBuyer(maker, market, index, quantity, exec, makerFee);
        }
        AddFees(takerFee + makerFee);
    }

    /// <summary>The buy side of a fill: charges price and fee from the order's hold, releases the rest of those lots' hold, delivers the lots.</summary>
    private void SettleBuyer(Account buyer, Market market, int index, long quantity, long exec, long fee)
    {
        ref Order o = ref _orders[index];
        long held = quantity * o.HoldPerLot;
        buyer.Held -= held;
        buyer.Available += held - quantity * exec - fee;
        if (o.IsBuyback)
        {
            // Bought-back tokens are retired, never acquired.
            market.Retired += quantity;
            market.BoughtBack += quantity;
        }
        else market.LotsOf(buyer).Free[(int)Origin.Acquired] += quantity;
    }

    /// <summary>The sell side of a fill: the held allocated lots go, credits less the fee come in.</summary>
    private static void SettleSeller(Account seller, Market market, long quantity, long exec, long fee)
    {
        market.LotsOf(seller).HeldAllocated -= quantity;
        seller.Available += quantity * exec - fee;
    }

    private void AddFees(long fees)
    {
        if (fees != 0) _accounts.Get(_feeAccount).Available += fees;
    }

    /// <summary>Consumes <paramref name="lots"/> free lots in the consumption order; more than the account has is rejected whole.</summary>
    public ResultCode Consume(Account account, Market market, long lots)
    {
        if (market.State == MarketState.Expired) return ResultCode.MarketExpired;
        if (lots <= 0) return ResultCode.InvalidQuantity;
        if (!market.HasLots(account) || market.LotsOf(account).TotalFree < lots) return ResultCode.InsufficientLots;
        ref MarketLots row = ref market.LotsOf(account);
        long left = lots;
        foreach (Origin origin in _consumeOrder)
        {
            long take = Math.Min(left, row.Free[(int)origin]);
            row.Free[(int)origin] -= take;
            left -= take;
        }
        market.Consumed += lots;
        return ResultCode.Ok;
    }

    /// <summary>Charges <paramref name="credits"/> of available credits for service: the only way credits leave.</summary>
    public static ResultCode Spend(Account account, long credits)
    {
        if (credits <= 0) return ResultCode.InvalidAmount;
        if (credits > account.Available) return ResultCode.InsufficientCredits;
        account.Available -= credits;
        account.Spent += credits;
        return ResultCode.Ok;
    }

    /// <summary>Deposits <paramref name="credits"/>.</summary>
    public ResultCode Deposit(Account account, long credits)
    {
        if (credits <= 0) return ResultCode.InvalidAmount;
        // Every balance is part of the deposits' total, so bounding the total bounds them all.
        if (credits > long.MaxValue - _totalDeposits) return ResultCode.Overflow;
        _totalDeposits += credits;
        account.Available += credits;
        return ResultCode.Ok;
    }

    /// <summary>Grants <paramref name="lots"/> free lots of <paramref name="origin"/> (a raw origin code) in a market.</summary>
    public static ResultCode Grant(Account account, Market market, byte origin, long lots)
    {
        if (market.State == MarketState.Expired) return ResultCode.MarketExpired;
        if (origin > (byte)Origin.Promo) return ResultCode.InvalidOrigin;
        if (lots <= 0) return ResultCode.InvalidQuantity;
        if (lots > long.MaxValue - market.Granted) return ResultCode.Overflow;
        market.Granted += lots;
        market.LotsOf(account).Free[origin] += lots;
        return ResultCode.Ok;
    }
}
