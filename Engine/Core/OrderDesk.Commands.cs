using TokenMatch.Commands;
using TokenMatch.Events;
using TokenMatch.Ledger;
using TokenMatch.Markets;
using TokenMatch.Matching;

namespace TokenMatch.Core;

// The trading commands: place, cancel, amend, mass cancel and the replay-only fill.
internal sealed partial class OrderDesk
{
    /// <summary>Places a new order: checks, limits and holds, then matching; what is left rests or is cancelled.</summary>
    public ResultCode Place(ref Command c)
    {
        PlaceArgs p = c.AsPlace();
        if (p.Side is not (Side.Buy or Side.Sell)) return ResultCode.InvalidSide;
        if (p.OrderType is not (OrderType.Limit or OrderType.Market or OrderType.PostOnly)) return ResultCode.InvalidOrderType;
        if (p.Tif > TimeInForce.Fok) return ResultCode.InvalidTimeInForce;
        if (p.Stp > StpMode.DecrementAndCancel) return ResultCode.InvalidStpMode;
        if (p.PriceKind > PriceKind.Absolute) return ResultCode.InvalidPriceKind;
        Account? account = _accounts.Find(p.Account);
        if (account is null) return ResultCode.UnknownAccount;
        Market? market = MarketOrNull(p.Market);
        if (market is null) return ResultCode.UnknownMarket;
        ResultCode state = TradingState(market);
        if (state != ResultCode.Ok) return state;
        if (account.Frozen) return ResultCode.AccountFrozen;

        TimeInForce tif = p.Tif;
        if (p.OrderType == OrderType.Market)
        {
            if (tif == TimeInForce.Default) tif = TimeInForce.Ioc;
            else if (tif is not (TimeInForce.Ioc or TimeInForce.Fok)) return ResultCode.InvalidTimeInForce;
        }
        else
        {
            if (tif == TimeInForce.Default) tif = TimeInForce.GoodTillCycle;
            else if (p.OrderType == OrderType.PostOnly && tif is TimeInForce.Ioc or TimeInForce.Fok) return ResultCode.InvalidTimeInForce;
        }
        if (tif == TimeInForce.GoodTillTime ? p.ExpireAt <= _events.Now : p.ExpireAt != 0) return ResultCode.InvalidExpiry;
        if (p.Quantity <= 0) return ResultCode.InvalidQuantity;
        if (p.Quantity < market.MinQuantity || p.Quantity > market.MaxQuantity) return ResultCode.QuantityOutOfRange;

        long decay = market.DecayAt(_events.Now);
        long limit;
        if (p.OrderType == OrderType.Market && p.Price == 0) limit = p.Side == Side.Buy ? market.MaxPrice : market.MinPrice;
        else
        {
            ResultCode priceCode = ResolvePrice(market, p.Price, p.PriceKind, p.Side, decay, out limit);
            if (priceCode != ResultCode.Ok) return priceCode;
        }
        if (p.ClientId != 0 && market.ClientIds.Contains(p.Account, p.ClientId)) return ResultCode.DuplicateClientId;
        bool canRest = tif is TimeInForce.GoodTillCycle or TimeInForce.GoodTillTime;
        if (canRest && account.OpenOrders >= _ledger.MaxOpenOrders) return ResultCode.MaxOpenOrdersExceeded;

        long holdPerLot = 0;
        if (p.Side == Side.Buy)
        {
            holdPerLot = LedgerBook.BuyHoldPerLot(market, limit, decay);
            // The market's bounds keep quantity × hold inside 64 bits (checked when it was created).
            if (p.Quantity * holdPerLot > account.Available) return ResultCode.InsufficientCredits;
        }
        else
        {
            ResultCode lotCode = _ledger.CheckSell(account, market, p.Quantity, 0);
            if (lotCode != ResultCode.Ok) return lotCode;
        }
        if (p.OrderType == OrderType.PostOnly && market.Book.Crosses(p.Side, limit)) return ResultCode.PostOnlyWouldTake;

        StpMode stp = p.Stp == StpMode.Default ? account.StpDefault : p.Stp;
        int index = _orders.Rent();
        ref Order o = ref _orders[index];
        o.ClientId = p.ClientId;
        o.Price = limit;
        o.Remaining = p.Quantity;
        o.HoldPerLot = holdPerLot;
        o.ExpireAt = p.ExpireAt;
        o.Account = p.Account;
        o.Market = market.Id;
        o.MakerBps = market.MakerBps;
        o.TakerBps = market.TakerBps;
        o.Side = p.Side;
        o.Type = p.OrderType;
        o.Tif = tif;
        o.Stp = stp;
        var taker = new Taker { Index = index, Side = p.Side, Limit = limit, Stp = stp, DecayPpm = decay };
        if (tif == TimeInForce.Fok && !market.Book.CanFillWhole(in taker))
        {
            _orders.Return(index);
            return ResultCode.FokNotFillable;
        }

        // Accepted: from here on the order exists and nothing may be rejected.
        o.Id = _nextOrderId++;
        if (p.ClientId != 0) market.ClientIds.TryAdd(p.Account, p.ClientId, index);
        _ledger.Hold(account, market.Id, index, o.Remaining);
        _events.OrderAccepted(index);
        // Not indexed by id nor linked to its account yet: only a remainder that rests needs either
        // (an IOC, FOK or market order, or one filled at once, never does).
        MatchAndRest(market, in taker, account);
        return ResultCode.Ok;
    }

    /// <summary>Converts and checks a command price: FTE on the tick and within bounds, or absolute converted at the current decay.</summary>
    private static ResultCode ResolvePrice(Market market, long price, PriceKind kind, Side side, long decay, out long fte)
    {
        fte = price;
        if (kind == PriceKind.Absolute)
        {
            if (price <= 0) return ResultCode.PriceOutOfRange;
            if (decay == 0) return ResultCode.DecayIsZero;
            fte = Pricing.AbsoluteToFte(price, decay, market.Tick, side == Side.Buy);
            if (fte < market.MinPrice || fte > market.MaxPrice) return ResultCode.PriceOutOfRange;
            return ResultCode.Ok;
        }
        if (price < market.MinPrice || price > market.MaxPrice) return ResultCode.PriceOutOfRange;
        if (price % market.Tick != 0) return ResultCode.PriceOffTick;
        return ResultCode.Ok;
    }

    /// <summary>Finds an open order of <paramref name="account"/> by order id, or (order id 0) by market and client id.</summary>
    private ResultCode FindOwnOrder(int account, int marketId, long orderId, long clientId, out int index)
    {
        index = -1;
        if (orderId == 0)
        {
            if (clientId == 0) return ResultCode.UnknownOrder;
            Market? market = MarketOrNull(marketId);
            if (market is null) return ResultCode.UnknownMarket;
            // The claim keeps the slot its order took; the order there is the claimant while it lives.
            if (!market.ClientIds.TryGetSlot(account, clientId, out index)) return ResultCode.UnknownOrder;
            if (!IsClaimant(index, market.Id, account, clientId))
            {
                index = -1;
                return ResultCode.UnknownOrder;
            }
        }
        else if (!_orderIndex.TryGetValue(orderId, out index)) return ResultCode.UnknownOrder;
        ref Order o = ref _orders[index];
        if (o.Account != account || o.IsBuyback) return ResultCode.UnknownOrder;
        return ResultCode.Ok;
    }

    /// <summary>
    /// Whether pool slot <paramref name="slot"/> (from a client id claim; −1 when unknown) holds a live
    /// order of that market, account and client id: then it is the order that claimed the id, for a
    /// claim is unique in its market for the whole cycle.
    /// </summary>
    private bool IsClaimant(int slot, int market, int account, long clientId)
    {
        if (slot < 0) return false;
        ref Order o = ref _orders[slot];
        return o.Id != 0 && o.Market == market && o.Account == account && o.ClientId == clientId;
    }

    /// <summary>Cancels an order of the account, by order id or by market and client id.</summary>
    public ResultCode Cancel(ref Command c)
    {
        OrderRefArgs r = c.AsOrderRef();
        if (_accounts.Find(r.Account) is null) return ResultCode.UnknownAccount;
        ResultCode found = FindOwnOrder(r.Account, r.Market, r.OrderId, r.ClientId, out int index);
        if (found != ResultCode.Ok) return found;
        _events.CommandOrderAccepted(ref c, index);
        CancelResting(index, CancelReason.User);
        return ResultCode.Ok;
    }

    /// <summary>Cancels every order of the account, or of the account in one market, oldest accepted first.</summary>
    public ResultCode MassCancel(ref Command c)
    {
        MassCancelArgs m = c.AsMassCancel();
        Account? account = _accounts.Find(m.Account);
        if (account is null) return ResultCode.UnknownAccount;
        if (m.Market >= 0 && MarketOrNull(m.Market) is null) return ResultCode.UnknownMarket;
        _events.Accepted(ref c);
        CancelAccountOrders(account, m.Market, CancelReason.MassCancel);
        return ResultCode.Ok;
    }

    /// <summary>Amends an order: a pure reduction keeps priority; a price change or an increase is a cancel-and-replace that may match at once.</summary>
    public ResultCode Amend(ref Command c)
    {
        AmendArgs a = c.AsAmend();
        Account? account = _accounts.Find(a.Account);
        if (account is null) return ResultCode.UnknownAccount;
        if (a.PriceKind > PriceKind.Absolute) return ResultCode.InvalidPriceKind;
        ResultCode found = FindOwnOrder(a.Account, a.Market, a.OrderId, a.ClientId, out int index);
        if (found != ResultCode.Ok) return found;
        ref Order o = ref _orders[index];
        Market market = _markets[o.Market]!;
        ResultCode state = TradingState(market);
        if (state != ResultCode.Ok) return state;
        if (account.Frozen) return ResultCode.AccountFrozen;
        if (a.NewQuantity < 0) return ResultCode.InvalidQuantity;
        long quantity = a.NewQuantity == 0 ? o.Remaining : a.NewQuantity;
        if (quantity > market.MaxQuantity) return ResultCode.QuantityOutOfRange;
        long decay = market.DecayAt(_events.Now);
        long price = o.Price;
        if (a.NewPrice != 0)
        {
            ResultCode priceCode = ResolvePrice(market, a.NewPrice, a.PriceKind, o.Side, decay, out price);
            if (priceCode != ResultCode.Ok) return priceCode;
        }
        if (quantity == o.Remaining && price == o.Price) return ResultCode.AmendNoChange;

        if (price == o.Price && quantity < o.Remaining)
        {
            // A pure reduction keeps priority: release the lots' hold and shrink in place.
            _events.CommandOrderAccepted(ref c, index);
            _ledger.Release(index, o.Remaining - quantity);
            _events.Amended(index, quantity);
            market.Book.Reduce(index, quantity);
            return ResultCode.Ok;
        }

        // Cancel-and-replace: new priority, hold and fees recomputed now; may match at once.
        long holdPerLot = 0;
        if (o.Side == Side.Buy)
        {
            holdPerLot = LedgerBook.BuyHoldPerLot(market, price, decay);
            if ((Int128)quantity * holdPerLot > account.Available + o.Remaining * o.HoldPerLot) return ResultCode.InsufficientCredits;
        }
        else
        {
            ResultCode lotCode = _ledger.CheckSell(account, market, quantity, o.Remaining);
            if (lotCode != ResultCode.Ok) return lotCode;
        }
        if (o.Type == OrderType.PostOnly && market.Book.Crosses(o.Side, price)) return ResultCode.PostOnlyWouldTake;

        _events.CommandOrderAccepted(ref c, index);
        market.Book.Remove(index);
        _ledger.Release(index, o.Remaining);
        o.Price = price;
        o.Remaining = quantity;
        o.HoldPerLot = holdPerLot;
        o.MakerBps = market.MakerBps;
        o.TakerBps = market.TakerBps;
        _ledger.Hold(account, market.Id, index, quantity);
        _events.Amended(index, quantity);
        var taker = new Taker { Index = index, Side = o.Side, Limit = price, Stp = o.Stp, DecayPpm = decay };
        MatchAndRest(market, in taker);
        return ResultCode.Ok;
    }

    /// <summary>Replay only: executes a resting order for a quantity against an account that has no order of its own.</summary>
    public ResultCode Fill(ref Command c)
    {
        FillArgs f = c.AsFill();
        Account? taker = _accounts.Find(f.Taker);
        if (taker is null) return ResultCode.UnknownAccount;
        if (!_orderIndex.TryGetValue(f.OrderId, out int index) || _orders[index].IsBuyback) return ResultCode.UnknownOrder;
        ref Order o = ref _orders[index];
        Market market = _markets[o.Market]!;
        ResultCode state = TradingState(market);
        if (state != ResultCode.Ok) return state;
        if (f.Quantity <= 0) return ResultCode.InvalidQuantity;
        if (f.Quantity > o.Remaining) return ResultCode.QuantityOutOfRange;
        long q = f.Quantity;
        long exec = Pricing.Effective(o.Price, market.DecayAt(_events.Now), market.Tick);
        long takerFee = q * Pricing.FeePerLot(exec, market.TakerBps);
        if (o.Side == Side.Sell)
        {
            if (q * exec + takerFee > taker.Available) return ResultCode.InsufficientCredits;
        }
        else
        {
            ResultCode lotCode = _ledger.CheckSell(taker, market, q, 0);
            if (lotCode != ResultCode.Ok) return lotCode;
        }

        _events.CommandOrderAccepted(ref c, index);
        long makerFee = q * Pricing.FeePerLot(exec, o.MakerBps);
        _ledger.SettleFill(taker, market, index, q, exec, takerFee, makerFee);
        long left = o.Remaining - q;
        bool makerBuys = o.Side == Side.Buy;
        _events.Trade(index, left, 0, f.Taker, makerBuys ? Side.Sell : Side.Buy, q, exec,
            makerBuys ? makerFee : takerFee, makerBuys ? takerFee : makerFee);
        if (left > 0) market.Book.Reduce(index, left);
        else
        {
            market.Book.Remove(index);
            FreeOrder(index);
        }
        return ResultCode.Ok;
    }
}
