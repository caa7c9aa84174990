using System.Numerics;
using TokenMatch.Commands;
using TokenMatch.Events;
using TokenMatch.Markets;

namespace TokenMatch.Tests.Reference;

public sealed partial class ReferenceExchange
{
    private const int MaxAccountId = (1 << 24) - 1;
    private const int MaxMarketId = 1023;

    private RefAccount Acct(in Command c) => AccountOrNull(c.Account) ?? throw new RejectException(ResultCode.UnknownAccount);

    private RefMarket Mkt(in Command c) => MarketOrNull(c.Market) ?? throw new RejectException(ResultCode.UnknownMarket);

    private void Consume(in Command c)
    {
        RefAccount a = Acct(in c);
        RefMarket m = Mkt(in c);
        Check(m.State != MarketState.Expired, ResultCode.MarketExpired);
        Check(c.Quantity > 0, ResultCode.InvalidQuantity);
        Check(m.Lots.TryGetValue(a.Id, out RefLots? lots) && lots.TotalFree >= c.Quantity, ResultCode.InsufficientLots);
        EmitAccepted(in c);
        long left = c.Quantity;
        foreach (Origin origin in _consumeOrder)
        {
            long take = Math.Min(left, lots!.Free[(int)origin]);
            lots.Free[(int)origin] -= take;
            left -= take;
        }
        m.Consumed += c.Quantity;
    }

    private void Spend(in Command c)
    {
        RefAccount a = Acct(in c);
        Check(c.Quantity > 0, ResultCode.InvalidAmount);
        Check(c.Quantity <= a.Available, ResultCode.InsufficientCredits);
        EmitAccepted(in c);
        a.Available -= c.Quantity;
        a.Spent += c.Quantity;
    }

    private void Deposit(in Command c)
    {
        RefAccount a = Acct(in c);
        Check(c.Quantity > 0, ResultCode.InvalidAmount);
        Check(Big(_totalDeposits) + c.Quantity <= long.MaxValue, ResultCode.Overflow);
        EmitAccepted(in c);
        _totalDeposits += c.Quantity;
        a.Available += c.Quantity;
    }

    private void Grant(in Command c)
    {
        RefAccount a = Acct(in c);
        RefMarket m = Mkt(in c);
        Check(m.State != MarketState.Expired, ResultCode.MarketExpired);
        Check(c.Code is (byte)Origin.Allocated or (byte)Origin.Trial or (byte)Origin.Promo, ResultCode.InvalidOrigin);
        Check(c.Quantity > 0, ResultCode.InvalidQuantity);
        Check(Big(m.Granted) + c.Quantity <= long.MaxValue, ResultCode.Overflow);
        EmitAccepted(in c);
        m.Granted += c.Quantity;
        m.LotsOf(a.Id).Free[c.Code] += c.Quantity;
    }

    private void CreateAccount(in Command c)
    {
        Check(c.Account is >= 0 and <= MaxAccountId, ResultCode.InvalidId);
        Check(!_accounts.ContainsKey(c.Account), ResultCode.AccountExists);
        Check(c.Code <= (byte)Tier.Trusted, ResultCode.InvalidTier);
        EmitAccepted(in c);
        _accounts[c.Account] = new RefAccount { Id = c.Account, Tier = (Tier)c.Code };
    }

    private void SetTier(in Command c)
    {
        RefAccount a = Acct(in c);
        Check(c.Code <= (byte)Tier.Trusted, ResultCode.InvalidTier);
        EmitAccepted(in c);
        a.Tier = (Tier)c.Code;
    }

    private void SetTierCap(in Command c)
    {
        Check(c.Code <= (byte)Tier.Trusted, ResultCode.InvalidTier);
        Check(c.Quantity >= 0, ResultCode.NegativeValue);
        EmitAccepted(in c);
        _tierCaps[c.Code] = c.Quantity;
    }

    private void SetMaxOpenOrders(in Command c)
    {
        Check(c.Quantity >= 0, ResultCode.NegativeValue);
        EmitAccepted(in c);
        _maxOpenOrders = c.Quantity;
    }

    private void Link(in Command c)
    {
        RefAccount a = Acct(in c);
        Check(c.Arg > 0, ResultCode.InvalidId);
        EmitAccepted(in c);
        a.Group = c.Arg;
    }

    private void Unlink(in Command c)
    {
        RefAccount a = Acct(in c);
        EmitAccepted(in c);
        a.Group = 0;
    }

    private void Freeze(in Command c)
    {
        RefAccount a = Acct(in c);
        EmitAccepted(in c);
        a.Frozen = true;
        CancelAll(a, -1, CancelReason.Freeze);
    }

    private void Unfreeze(in Command c)
    {
        RefAccount a = Acct(in c);
        EmitAccepted(in c);
        a.Frozen = false;
    }

    private void SetStpDefault(in Command c)
    {
        RefAccount a = Acct(in c);
        Check(c.Stp is >= StpMode.None and <= StpMode.DecrementAndCancel, ResultCode.InvalidStpMode);
        EmitAccepted(in c);
        a.StpDefault = c.Stp;
    }

    private void SetConsumeOrder(in Command c)
    {
        long[] order = [c.A0, c.A1, c.A2, c.A3];
        Check(order.All(o => o is >= 0 and <= 3) && order.Distinct().Count() == 4, ResultCode.InvalidConsumeOrder);
        EmitAccepted(in c);
        for (int i = 0; i < 4; i++) _consumeOrder[i] = (Origin)order[i];
    }

    private void SetHouse(in Command c)
    {
        Check(_accounts.ContainsKey(c.Account) && c.Arg is >= 0 and <= int.MaxValue && _accounts.ContainsKey((int)c.Arg), ResultCode.UnknownAccount);
        if (c.Account != _provider) Check(_markets.Values.All(m => m.BuybackBid is null), ResultCode.InvalidMarketState);
        EmitAccepted(in c);
        _provider = c.Account;
        _feeAccount = (int)c.Arg;
    }

    /// <summary>1–16 printable ASCII characters (no spaces), zero-padded, in the two packed halves.</summary>
    private static bool ValidSymbol(long low, long high)
    {
        var bytes = new List<byte>();
        for (int i = 0; i < 8; i++) bytes.Add((byte)((ulong)low >> (8 * i)));
        for (int i = 0; i < 8; i++) bytes.Add((byte)((ulong)high >> (8 * i)));
        int length = bytes.IndexOf(0);
        if (length < 0) length = 16;
        if (length == 0) return false;
        return bytes.Take(length).All(b => b > 0x20 && b < 0x7F) && bytes.Skip(length).All(b => b == 0);
    }

    private void CreateMarket(in Command c)
    {
        Check(c.Market is >= 0 and <= MaxMarketId, ResultCode.InvalidId);
        Check(!_markets.ContainsKey(c.Market), ResultCode.MarketExists);
        long lot = c.A0, tick = c.A1, face = c.A2, min = c.A3, max = c.A4, minQty = c.A5, maxQty = c.A6, start = c.A7, end = c.Quantity;
        bool ok = ValidSymbol(c.OrderId, c.ClientId) && lot > 0 && tick > 0 && face > 0
            && min > 0 && min <= max && max <= 1_000_000_000_000 && min % tick == 0 && max % tick == 0
            && (max - min) / tick + 1 <= 1 << 20
            && minQty > 0 && minQty <= maxQty && Big(maxQty) * max * 2 <= long.MaxValue && start < end && Big(end) - start <= long.MaxValue;
        Check(ok, ResultCode.InvalidMarketSpec);
        EmitAccepted(in c);
        var m = new RefMarket
        {
            Id = c.Market, SymbolLow = c.OrderId, SymbolHigh = c.ClientId, LotSize = lot, Tick = tick, Face = face,
            MinPrice = min, MaxPrice = max, MinQuantity = minQty, MaxQuantity = maxQty, CycleStart = start, CycleEnd = end,
        };
        _markets[m.Id] = m;
        EmitMarketState(m);
    }

    private RefMarket PreOpen(in Command c)
    {
        RefMarket m = Mkt(in c);
        Check(m.State == MarketState.PreOpen, ResultCode.InvalidMarketState);
        return m;
    }

    private void SetCurve(in Command c)
    {
        RefMarket m = PreOpen(in c);
        bool floorOk = c.A0 is >= 0 and <= Million;
        bool ok = (CurveKind)c.Code switch
        {
            CurveKind.None or CurveKind.Table => c.A0 == 0 && c.A1 == 0,
            CurveKind.Linear or CurveKind.Sqrt => floorOk && c.A1 == 0,
            CurveKind.Exponential => floorOk && c.A1 > 0,
            _ => false,
        };
        Check(ok, ResultCode.InvalidCurve);
        EmitAccepted(in c);
        m.Curve = (CurveKind)c.Code;
        m.Floor = c.A0;
        m.HalfLife = c.A1;
        m.Table.Clear();
    }

    private void AddCurvePoint(in Command c)
    {
        RefMarket m = PreOpen(in c);
        Check(m.Curve == CurveKind.Table && m.Table.Count < 64 && c.A0 is >= 0 and <= Million && c.A1 is >= 0 and <= Million, ResultCode.InvalidCurve);
        EmitAccepted(in c);
        m.Table.Add((c.A0, c.A1));
    }

    private void OpenMarket(in Command c)
    {
        RefMarket m = PreOpen(in c);
        if (m.Curve == CurveKind.Table)
        {
            var t = m.Table;
            bool ok = t.Count > 0 && t[0] == (0, Million);
            for (int i = 1; ok && i < t.Count; i++) ok = t[i].X > t[i - 1].X && t[i].D <= t[i - 1].D;
            Check(ok, ResultCode.InvalidCurve);
        }
        EmitAccepted(in c);
        m.State = MarketState.Open;
        EmitMarketState(m);
    }

    private void HaltMarket(in Command c)
    {
        RefMarket m = Mkt(in c);
        Check(m.State == MarketState.Open, ResultCode.InvalidMarketState);
        EmitAccepted(in c);
        m.State = MarketState.Halted;
        EmitMarketState(m);
    }

    private void ResumeMarket(in Command c)
    {
        RefMarket m = Mkt(in c);
        Check(m.State == MarketState.Halted, ResultCode.InvalidMarketState);
        EmitAccepted(in c);
        m.State = MarketState.Open;
        EmitMarketState(m);
        // A bid placed while halted takes the asks it crosses now, as the incoming order.
        if (m.BuybackBid is { } bid && Crosses(m, Side.Buy, bid.Price))
        {
            m.Bids.Remove(bid);
            EmitLevel(m, Side.Buy, bid.Price);
            Note("buyback:resume-match");
            MatchAndRest(m, bid);
        }
    }

    private void ExpireMarketCommand(in Command c)
    {
        RefMarket m = Mkt(in c);
        Check(m.State != MarketState.Expired, ResultCode.MarketExpired);
        EmitAccepted(in c);
        ExpireMarket(m);
    }

    /// <summary>Cycle end: bids then asks cancelled in priority order, every free lot expired (accounts by id, origins in order), state expired.</summary>
    private void ExpireMarket(RefMarket m)
    {
        foreach (RefOrder o in m.Bids.ToList()) CancelResting(o, CancelReason.Expiry);
        foreach (RefOrder o in m.Asks.ToList()) CancelResting(o, CancelReason.Expiry);
        foreach (var (account, lots) in m.Lots)
            for (int origin = 0; origin < 4; origin++)
            {
                long free = lots.Free[origin];
                if (free == 0) continue;
                lots.Free[origin] = 0;
                m.Expired += free;
                Emit(new Event { Type = EventType.LotsExpired, Market = m.Id, Account = account, Detail = (byte)origin, Quantity = free });
            }
        m.State = MarketState.Expired;
        m.ClientIds.Clear(); // design.md: ids are claimed for the cycle; the state hash drops them at its end
        EmitMarketState(m);
    }

    private void SetFees(in Command c)
    {
        RefMarket m = Mkt(in c);
        Check(m.State != MarketState.Expired, ResultCode.MarketExpired);
        Check(c.A0 is >= 0 and <= 1_000 && c.A1 is >= 0 and <= 1_000, ResultCode.FeeOutOfRange);
        Check((c.A0 == 0 && c.A1 == 0) || _feeAccount >= 0, ResultCode.HouseNotSet);
        EmitAccepted(in c);
        m.MakerBps = c.A0;
        m.TakerBps = c.A1;
    }

    private void SetBuyback(in Command c)
    {
        RefMarket m = Mkt(in c);
        Check(m.State != MarketState.Expired, ResultCode.MarketExpired);
        Check(m.State != MarketState.PreOpen, ResultCode.MarketNotOpen);
        Check(c.A0 is >= 0 and <= 10_000, ResultCode.RateOutOfRange);
        Check(c.A1 >= 0, ResultCode.NegativeValue);
        Check(_provider >= 0, ResultCode.HouseNotSet);
        RefAccount provider = _accounts[_provider];
        long rate = c.A0, budget = c.A1;
        long price = (long)(Big(rate) * m.Face / 10_000 / m.Tick * m.Tick);
        long quantity = budget - m.BoughtBack;
        bool place = rate > 0 && quantity > 0;
        long decay = Decay(m, _now);
        long holdPerLot = 0;
        if (place)
        {
            Check(price >= m.MinPrice && price <= m.MaxPrice, ResultCode.BuybackPriceOutOfRange);
            holdPerLot = Eff(m, price, decay);
            BigInteger released = m.BuybackBid is { } old ? Big(old.Remaining) * old.HoldPerLot : 0;
            Check(Big(quantity) * holdPerLot <= provider.Available + released, ResultCode.InsufficientCredits);
        }
        EmitAccepted(in c);
        m.BuybackRate = rate;
        m.BuybackBudget = budget;
        if (m.BuybackBid is { } replaced) CancelResting(replaced, CancelReason.BuybackReplaced);
        if (!place) return;
        var bid = new RefOrder
        {
            Id = _nextOrderId++, Priority = ++_priority, Account = _provider, Market = m.Id, Side = Side.Buy,
            Type = OrderType.Limit, Tif = TimeInForce.GoodTillCycle, Stp = StpMode.None, Buyback = true,
            Price = price, Remaining = quantity, HoldPerLot = holdPerLot,
        };
        _live[bid.Id] = bid;
        m.BuybackBid = bid;
        HoldFor(bid, quantity);
        EmitOrderAccepted(bid);
        Note(m.State == MarketState.Open ? "buyback:placed-open" : "buyback:placed-halted");
        if (m.State == MarketState.Open) MatchAndRest(m, bid);
        else
        {
            m.Bids.Add(bid);
            EmitLevel(m, Side.Buy, bid.Price);
        }
    }
}
