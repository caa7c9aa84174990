using TokenMatch.Commands;
using TokenMatch.Events;
using TokenMatch.Ledger;
using TokenMatch.Markets;
using TokenMatch.Matching;

namespace TokenMatch.Core;

// The trading commands: place, cancel, amend, mass cancel and the replay-only fill.
internal sealed partial class OrderDesk
{
    /// <summary>The place command.</summary>
    public ResultCode Place(ref Command c)
    {
        if (c.Side is not (Side.Buy or Side.Sell)) return ResultCode.InvalidSide;
        if (c.OrderType is not (OrderType.Limit or OrderType.Market or OrderType.PostOnly)) return ResultCode.InvalidOrderType;
        if (c.Tif > TimeInForce.Fok) return ResultCode.InvalidTimeInForce;
        if (c.Stp > StpMode.DecrementAndCancel) return ResultCode.InvalidStpMode;
        if (c.PriceKind > PriceKind.Absolute) return ResultCode.InvalidPriceKind;
        Account? account = _ledger.Accounts.Find(c.Account);
        if (account is null) return ResultCode.UnknownAccount;
        Market? market = MarketOrNull(c.Market);
        if (market is null) return ResultCode.UnknownMarket;
        ResultCode state = TradingState(market);
        if (state != ResultCode.Ok) return state;
        if (account.Frozen) return ResultCode.AccountFrozen;

        TimeInForce tif = c.Tif;
        if (c.OrderType == OrderType.Market)
        {
            if (tif == TimeInForce.Default) tif = TimeInForce.Ioc;
            else if (tif is not (TimeInForce.Ioc or TimeInForce.Fok)) return ResultCode.InvalidTimeInForce;
        }
        else
        {
            if (tif == TimeInForce.Default) tif = TimeInForce.GoodTillCycle;
            else if (c.OrderType == OrderType.PostOnly && tif is TimeInForce.Ioc or TimeInForce.Fok) return ResultCode.InvalidTimeInForce;
        }
        if (tif == TimeInForce.GoodTillTime ? c.Arg <= _events.Now : c.Arg != 0) return ResultCode.InvalidExpiry;
        if (c.Quantity <= 0) return ResultCode.InvalidQuantity;
        if (c.Quantity < market.MinQuantity || c.Quantity > market.MaxQuantity) return ResultCode.QuantityOutOfRange;

        long decay = market.DecayAt(_events.Now);
        long limit;
        if (c.OrderType == OrderType.Market && c.Price == 0) limit = c.Side == Side.Buy ? market.MaxPrice : market.MinPrice;
        else
        {
            ResultCode priceCode = ResolvePrice(market, c.Price, c.PriceKind, c.Side, decay, out limit);
            if (priceCode != ResultCode.Ok) return priceCode;
        }
        if (c.ClientId != 0 && market.ClientIds.Contains(c.Account, c.ClientId)) return ResultCode.DuplicateClientId;
        bool canRest = tif is TimeInForce.GoodTillCycle or TimeInForce.GoodTillTime;
        if (canRest && account.OpenOrders >= _ledger.MaxOpenOrders) return ResultCode.MaxOpenOrdersExceeded;

        long holdPerLot = 0;
        if (c.Side == Side.Buy)
        {
            holdPerLot = LedgerBook.BuyHoldPerLot(market, limit, decay);
            // The market's bounds keep quantity × hold inside 64 bits (checked when it was created).
            if (c.Quantity * holdPerLot > account.Available) return ResultCode.InsufficientCredits;
        }
        else
        {
            ResultCode lotCode = _ledger.CheckSell(account, market, c.Quantity, 0);
            if (lotCode != ResultCode.Ok) return lotCode;
        }
        if (c.OrderType == OrderType.PostOnly && market.Book.Crosses(c.Side, limit)) return ResultCode.PostOnlyWouldTake;

        StpMode stp = c.Stp == StpMode.Default ? account.StpDefault : c.Stp;
        int index = _orders.Rent();
        ref Order o = ref _orders[index];
        o.ClientId = c.ClientId;
        o.Price = limit;
        o.Remaining = c.Quantity;
        o.HoldPerLot = holdPerLot;
        o.ExpireAt = c.Arg;
        o.Account = c.Account;
        o.Market = market.Id;
        o.MakerBps = market.MakerBps;
        o.TakerBps = market.TakerBps;
        o.Side = c.Side;
        o.Type = c.OrderType;
        o.Tif = tif;
        o.Stp = stp;
        var taker = new Taker { Index = index, Side = c.Side, Limit = limit, Stp = stp, DecayPpm = decay };
        if (tif == TimeInForce.Fok && !market.Book.CanFillWhole(in taker))
        {
            _orders.Return(index);
            return ResultCode.FokNotFillable;
        }

        // Accepted: from here on the order exists and nothing may be rejected.
        o.Id = _nextOrderId++;
        if (c.ClientId != 0) market.ClientIds.TryAdd(c.Account, c.ClientId, index);
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

    /// <summary>Finds an open order of the command's account by order id or by (market, client id).</summary>
    private ResultCode FindOwnOrder(ref Command c, out int index)
    {
        index = -1;
        long id = c.OrderId;
        if (id == 0)
        {
            if (c.ClientId == 0) return ResultCode.UnknownOrder;
            Market? market = MarketOrNull(c.Market);
            if (market is null) return ResultCode.UnknownMarket;
            // The claim keeps the slot its order took; the order there is the claimant while it lives.
            if (!market.ClientIds.TryGetSlot(c.Account, c.ClientId, out index)) return ResultCode.UnknownOrder;
            if (!IsClaimant(index, market.Id, c.Account, c.ClientId))
            {
                index = -1;
                return ResultCode.UnknownOrder;
            }
        }
        else if (!_orderIndex.TryGetValue(id, out index)) return ResultCode.UnknownOrder;
        ref Order o = ref _orders[index];
        if (o.Account != c.Account || o.IsBuyback) return ResultCode.UnknownOrder;
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

    /// <summary>The cancel command.</summary>
    public ResultCode Cancel(ref Command c)
    {
        if (_ledger.Accounts.Find(c.Account) is null) return ResultCode.UnknownAccount;
        ResultCode found = FindOwnOrder(ref c, out int index);
        if (found != ResultCode.Ok) return found;
        _events.CommandOrderAccepted(ref c, index);
        CancelResting(index, CancelReason.User);
        return ResultCode.Ok;
    }

    /// <summary>The mass cancel command.</summary>
    public ResultCode MassCancel(ref Command c)
    {
        Account? account = _ledger.Accounts.Find(c.Account);
        if (account is null) return ResultCode.UnknownAccount;
        if (c.Market >= 0 && MarketOrNull(c.Market) is null) return ResultCode.UnknownMarket;
        _events.Accepted(ref c);
        CancelAccountOrders(account, c.Market, CancelReason.MassCancel);
        return ResultCode.Ok;
    }

    /// <summary>The amend command.</summary>
    public ResultCode Amend(ref Command c)
    {
        Account? account = _ledger.Accounts.Find(c.Account);
        if (account is null) return ResultCode.UnknownAccount;
        if (c.PriceKind > PriceKind.Absolute) return ResultCode.InvalidPriceKind;
        ResultCode found = FindOwnOrder(ref c, out int index);
        if (found != ResultCode.Ok) return found;
        ref Order o = ref _orders[index];
        Market market = _markets[o.Market]!;
        ResultCode state = TradingState(market);
        if (state != ResultCode.Ok) return state;
        if (account.Frozen) return ResultCode.AccountFrozen;
        if (c.Quantity < 0) return ResultCode.InvalidQuantity;
        long quantity = c.Quantity == 0 ? o.Remaining : c.Quantity;
        if (quantity > market.MaxQuantity) return ResultCode.QuantityOutOfRange;
        long decay = market.DecayAt(_events.Now);
        long price = o.Price;
        if (c.Price != 0)
        {
            ResultCode priceCode = ResolvePrice(market, c.Price, c.PriceKind, o.Side, decay, out price);
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

    /// <summary>The fill command.</summary>
    public ResultCode Fill(ref Command c)
    {
        Account? taker = _ledger.Accounts.Find(c.Account);
        if (taker is null) return ResultCode.UnknownAccount;
        if (!_orderIndex.TryGetValue(c.OrderId, out int index) || _orders[index].IsBuyback) return ResultCode.UnknownOrder;
        ref Order o = ref _orders[index];
        Market market = _markets[o.Market]!;
        ResultCode state = TradingState(market);
        if (state != ResultCode.Ok) return state;
        if (c.Quantity <= 0) return ResultCode.InvalidQuantity;
        if (c.Quantity > o.Remaining) return ResultCode.QuantityOutOfRange;
        long q = c.Quantity;
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
        _events.Trade(index, left, 0, c.Account, makerBuys ? Side.Sell : Side.Buy, q, exec,
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
