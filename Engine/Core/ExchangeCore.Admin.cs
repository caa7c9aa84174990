using TokenMatch.Commands;
using TokenMatch.Events;
using TokenMatch.Ledger;
using TokenMatch.Markets;
using TokenMatch.Matching;

namespace TokenMatch.Core;

public sealed partial class ExchangeCore
{
    private ResultCode CreateAccount(ref Command c)
    {
        if ((uint)c.Account >= MaxAccounts) return ResultCode.InvalidId;
        if (AccountOrNull(c.Account) is not null) return ResultCode.AccountExists;
        if (c.Code > (byte)Tier.Trusted) return ResultCode.InvalidTier;
        EmitAccepted(ref c);
        _accounts.Add(new Account(c.Account, (Tier)c.Code));
        return ResultCode.Ok;
    }

    private ResultCode SetTier(ref Command c)
    {
        Account? account = AccountOrNull(c.Account);
        if (account is null) return ResultCode.UnknownAccount;
        if (c.Code > (byte)Tier.Trusted) return ResultCode.InvalidTier;
        EmitAccepted(ref c);
        account.Tier = (Tier)c.Code;
        return ResultCode.Ok;
    }

    private ResultCode SetTierCap(ref Command c)
    {
        if (c.Code > (byte)Tier.Trusted) return ResultCode.InvalidTier;
        if (c.Quantity < 0) return ResultCode.NegativeValue;
        EmitAccepted(ref c);
        _tierCaps[c.Code] = c.Quantity;
        return ResultCode.Ok;
    }

    private ResultCode SetMaxOpenOrders(ref Command c)
    {
        if (c.Quantity < 0) return ResultCode.NegativeValue;
        EmitAccepted(ref c);
        _maxOpenOrders = c.Quantity;
        return ResultCode.Ok;
    }

    private ResultCode Link(ref Command c)
    {
        Account? account = AccountOrNull(c.Account);
        if (account is null) return ResultCode.UnknownAccount;
        if (c.Arg <= 0) return ResultCode.InvalidId;
        EmitAccepted(ref c);
        account.Group = c.Arg;
        return ResultCode.Ok;
    }

    private ResultCode Unlink(ref Command c)
    {
        Account? account = AccountOrNull(c.Account);
        if (account is null) return ResultCode.UnknownAccount;
        EmitAccepted(ref c);
        account.Group = 0;
        return ResultCode.Ok;
    }

    private ResultCode Freeze(ref Command c)
    {
        Account? account = AccountOrNull(c.Account);
        if (account is null) return ResultCode.UnknownAccount;
        EmitAccepted(ref c);
        account.Frozen = true;
        CancelAccountOrders(account, -1, CancelReason.Freeze);
        return ResultCode.Ok;
    }

    private ResultCode Unfreeze(ref Command c)
    {
        Account? account = AccountOrNull(c.Account);
        if (account is null) return ResultCode.UnknownAccount;
        EmitAccepted(ref c);
        account.Frozen = false;
        return ResultCode.Ok;
    }

    private ResultCode SetStpDefault(ref Command c)
    {
        Account? account = AccountOrNull(c.Account);
        if (account is null) return ResultCode.UnknownAccount;
        if (c.Stp is StpMode.Default or > StpMode.DecrementAndCancel) return ResultCode.InvalidStpMode;
        EmitAccepted(ref c);
        account.StpDefault = c.Stp;
        return ResultCode.Ok;
    }

    private ResultCode SetConsumeOrder(ref Command c)
    {
        ReadOnlySpan<long> order = [c.A0, c.A1, c.A2, c.A3];
        int seen = 0;
        foreach (long origin in order)
        {
            if (origin is < 0 or > 3 || (seen & (1 << (int)origin)) != 0) return ResultCode.InvalidConsumeOrder;
            seen |= 1 << (int)origin;
        }
        EmitAccepted(ref c);
        for (int i = 0; i < 4; i++) _consumeOrder[i] = (Origin)order[i];
        return ResultCode.Ok;
    }

    private ResultCode SetHouse(ref Command c)
    {
        if (AccountOrNull(c.Account) is null || c.Arg is < 0 or > int.MaxValue || AccountOrNull((int)c.Arg) is null)
            return ResultCode.UnknownAccount;
        // The provider of a live buyback bid cannot change under it.
        if (c.Account != _provider)
            foreach (Market m in _marketList)
                if (m.BuybackOrder >= 0) return ResultCode.InvalidMarketState;
        EmitAccepted(ref c);
        _provider = c.Account;
        _feeAccount = (int)c.Arg;
        return ResultCode.Ok;
    }

    private ResultCode CreateMarket(ref Command c)
    {
        if ((uint)c.Market >= MaxMarkets) return ResultCode.InvalidId;
        if (_markets[c.Market] is not null) return ResultCode.MarketExists;
        long lot = c.A0, tick = c.A1, face = c.A2, min = c.A3, max = c.A4, minQty = c.A5, maxQty = c.A6;
        long start = c.A7, end = c.Quantity;
        bool valid = MarketSymbol.IsValidPacked(c.OrderId, c.ClientId)
            && lot > 0 && tick > 0 && face > 0
            && min > 0 && min <= max && max <= Market.MaxPriceLimit && min % tick == 0 && max % tick == 0
            && (max - min) / tick < Market.MaxPriceLevels
            && minQty > 0 && minQty <= maxQty
            && (Int128)maxQty * max * 2 <= long.MaxValue
            && start < end;
        if (!valid) return ResultCode.InvalidMarketSpec;
        EmitAccepted(ref c);
        var market = new Market
        {
            Id = c.Market, SymbolLow = c.OrderId, SymbolHigh = c.ClientId, LotSize = lot, Tick = tick, Face = face,
            MinPrice = min, MaxPrice = max, MinQuantity = minQty, MaxQuantity = maxQty, CycleStart = start, CycleEnd = end,
            State = MarketState.PreOpen,
            ClientIds = new ClientIdTable(_options.InitialClientIdCapacity, _options.ClientIdHashKey),
        };
        market.Book = new OrderBook(market, this);
        _markets[c.Market] = market;
        _marketList.Add(market);
        _marketList.Sort((a, b) => a.Id.CompareTo(b.Id));
        RecomputeNextMarketEnd();
        EmitMarketState(market);
        return ResultCode.Ok;
    }

    private ResultCode PreOpenMarket(ref Command c, out Market market)
    {
        market = MarketOrNull(c.Market)!;
        if (market is null) return ResultCode.UnknownMarket;
        return market.State == MarketState.PreOpen ? ResultCode.Ok : ResultCode.InvalidMarketState;
    }

    private ResultCode SetCurve(ref Command c)
    {
        ResultCode code = PreOpenMarket(ref c, out Market market);
        if (code != ResultCode.Ok) return code;
        if (c.Code > (byte)CurveKind.Table || !DecayCurve.IsValid((CurveKind)c.Code, c.A0, c.A1)) return ResultCode.InvalidCurve;
        EmitAccepted(ref c);
        market.Curve.Set((CurveKind)c.Code, c.A0, c.A1);
        market.ResetDecayCache();
        return ResultCode.Ok;
    }

    private ResultCode AddCurvePoint(ref Command c)
    {
        ResultCode code = PreOpenMarket(ref c, out Market market);
        if (code != ResultCode.Ok) return code;
        if (market.Curve.Kind != CurveKind.Table || market.Curve.TableCount == DecayCurve.MaxTablePoints
            || c.A0 is < 0 or > DecayCurve.Full || c.A1 is < 0 or > DecayCurve.Full)
            return ResultCode.InvalidCurve;
        EmitAccepted(ref c);
        market.Curve.TryAddPoint(c.A0, c.A1);
        market.ResetDecayCache();
        return ResultCode.Ok;
    }

    private ResultCode OpenMarket(ref Command c)
    {
        ResultCode code = PreOpenMarket(ref c, out Market market);
        if (code != ResultCode.Ok) return code;
        if (!market.Curve.IsTableValid()) return ResultCode.InvalidCurve;
        EmitAccepted(ref c);
        market.State = MarketState.Open;
        EmitMarketState(market);
        return ResultCode.Ok;
    }

    private ResultCode HaltMarket(ref Command c) => SwitchState(ref c, MarketState.Open, MarketState.Halted, out _);

    private ResultCode ResumeMarket(ref Command c)
    {
        ResultCode code = SwitchState(ref c, MarketState.Halted, MarketState.Open, out Market market);
        if (code != ResultCode.Ok) return code;
        // A buyback bid set during the halt may cross resting asks: it matches them now as the incoming order.
        int bid = market.BuybackOrder;
        if (bid >= 0 && market.Book.Crosses(Side.Buy, _orders[bid].Price))
        {
            market.Book.Remove(bid);
            var taker = new Taker
            {
                Index = bid, Side = Side.Buy, Limit = _orders[bid].Price, Stp = StpMode.None, IsBuyback = true,
                DecayPpm = market.DecayAt(_now),
            };
            MatchAndRest(market, in taker);
        }
        return ResultCode.Ok;
    }

    /// <summary>Moves a market from state <paramref name="from"/> to <paramref name="to"/> (halt, resume), with its events.</summary>
    private ResultCode SwitchState(ref Command c, MarketState from, MarketState to, out Market market)
    {
        market = MarketOrNull(c.Market)!;
        if (market is null) return ResultCode.UnknownMarket;
        if (market.State != from) return ResultCode.InvalidMarketState;
        EmitAccepted(ref c);
        market.State = to;
        EmitMarketState(market);
        return ResultCode.Ok;
    }

    private ResultCode ExpireMarketCommand(ref Command c)
    {
        Market? market = MarketOrNull(c.Market);
        if (market is null) return ResultCode.UnknownMarket;
        if (market.State == MarketState.Expired) return ResultCode.MarketExpired;
        EmitAccepted(ref c);
        ExpireMarket(market);
        return ResultCode.Ok;
    }

    /// <summary>Ends a market's cycle: resting orders cancelled (bids, then asks, in priority order), every account's lots there expired, state expired.</summary>
    private void ExpireMarket(Market market)
    {
        foreach (Side side in (ReadOnlySpan<Side>)[Side.Buy, Side.Sell])
        {
            _scratch.Clear();
            market.Book.CollectOrders(side, _scratch);
            foreach (int index in _scratch) CancelResting(index, CancelReason.Expiry);
        }
        // Accounts in id order, so that the lots-expired events come out as they always have.
        foreach (Account account in _accounts)
        {
            if (!market.HasLots(account)) continue;
            int id = account.Id;
            ref MarketLots lots = ref market.LotsOf(account);
            for (int origin = 0; origin < 4; origin++)
            {
                long free = lots.Free[origin];
                if (free == 0) continue;
                lots.Free[origin] = 0;
                market.Expired += free;
                ref Event e = ref NewEvent(EventType.LotsExpired);
                e.Market = market.Id;
                e.Account = id;
                e.Detail = (byte)origin;
                e.Quantity = free;
            }
        }
        market.State = MarketState.Expired;
        // No order can be placed or amended once the cycle has ended: the claims are no longer needed.
        market.ClientIds.Release();
        EmitMarketState(market);
        RecomputeNextMarketEnd();
    }

    private ResultCode SetFees(ref Command c)
    {
        Market? market = MarketOrNull(c.Market);
        if (market is null) return ResultCode.UnknownMarket;
        if (market.State == MarketState.Expired) return ResultCode.MarketExpired;
        if (c.A0 is < 0 or > 1_000 || c.A1 is < 0 or > 1_000) return ResultCode.FeeOutOfRange;
        if ((c.A0 != 0 || c.A1 != 0) && _feeAccount < 0) return ResultCode.HouseNotSet;
        EmitAccepted(ref c);
        market.MakerBps = (int)c.A0;
        market.TakerBps = (int)c.A1;
        return ResultCode.Ok;
    }

    private ResultCode SetBuyback(ref Command c)
    {
        Market? market = MarketOrNull(c.Market);
        if (market is null) return ResultCode.UnknownMarket;
        if (market.State == MarketState.Expired) return ResultCode.MarketExpired;
        if (market.State == MarketState.PreOpen) return ResultCode.MarketNotOpen;
        if (c.A0 is < 0 or > 10_000) return ResultCode.RateOutOfRange;
        if (c.A1 < 0) return ResultCode.NegativeValue;
        if (_provider < 0) return ResultCode.HouseNotSet;
        Account provider = _accounts.Get(_provider);
        long rate = c.A0, budget = c.A1;
        long price = market.BuybackPriceAt(rate);
        long quantity = budget - market.BoughtBack;
        bool place = rate > 0 && quantity > 0;
        long decay = market.DecayAt(_now);
        long holdPerLot = 0;
        if (place)
        {
            if (price < market.MinPrice || price > market.MaxPrice) return ResultCode.BuybackPriceOutOfRange;
            holdPerLot = Pricing.Effective(price, decay, market.Tick);
            long released = market.BuybackOrder >= 0 ? _orders[market.BuybackOrder].Remaining * _orders[market.BuybackOrder].HoldPerLot : 0;
            if ((Int128)quantity * holdPerLot > provider.Available + released) return ResultCode.InsufficientCredits;
        }

        EmitAccepted(ref c);
        market.BuybackRateBps = rate;
        market.BuybackBudget = budget;
        if (market.BuybackOrder >= 0) CancelResting(market.BuybackOrder, CancelReason.BuybackReplaced);
        if (!place) return ResultCode.Ok;

        // The house's bid: a new order id, ordinary priority, a credit hold without a fee part.
        int index = _orders.Rent();
        ref Order o = ref _orders[index];
        o.Id = _nextOrderId++;
        o.Price = price;
        o.Remaining = quantity;
        o.HoldPerLot = holdPerLot;
        o.Account = _provider;
        o.Market = market.Id;
        o.Side = Side.Buy;
        o.Type = OrderType.Limit;
        o.Tif = TimeInForce.GoodTillCycle;
        o.Stp = StpMode.None;
        o.IsBuyback = true;
        _orderIndex.Add(o.Id, index);
        market.BuybackOrder = index;
        Hold(provider, market.Id, index, quantity);
        EmitOrderAccepted(index);
        if (market.State == MarketState.Open)
        {
            var taker = new Taker { Index = index, Side = Side.Buy, Limit = price, Stp = StpMode.None, IsBuyback = true, DecayPpm = decay };
            MatchAndRest(market, in taker);
        }
        else market.Book.Add(index);
        return ResultCode.Ok;
    }
}
