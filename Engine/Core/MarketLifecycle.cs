using TokenMatch.Commands;
using TokenMatch.Ledger;
using TokenMatch.Markets;
using TokenMatch.Matching;

namespace TokenMatch.Core;

/// <summary>
/// The markets and their lives: creation (pre-open), decay curve and fees, open, halt, resume,
/// expiry at the cycle end or by command, and the earliest cycle end still to come, which the core
/// checks before every command. Holds the market table by id and the markets in id order (the
/// order of the state hash). Owned by the core thread.
/// </summary>
internal sealed class MarketLifecycle
{
    private readonly Market?[] _markets;
    private readonly List<Market> _marketList = new();
    private readonly CoreOptions _options;
    private readonly LedgerBook _ledger;
    private readonly OrderDesk _desk;
    private readonly Buyback _buyback;
    private readonly EventWriter _events;
    private readonly List<int> _scratch = new();
    // The earliest cycle end of a market not yet expired, valid only while _marketEndPending: a flag,
    // not a sentinel time, because every long is a time a command may carry (long.MaxValue included).
    private long _nextMarketEnd;
    private bool _marketEndPending;

    /// <summary>The lifecycle of the markets in <paramref name="markets"/> (the core's table by id, empty at first).</summary>
    public MarketLifecycle(Market?[] markets, CoreOptions options, LedgerBook ledger, OrderDesk desk, Buyback buyback, EventWriter events)
    {
        _markets = markets;
        _options = options;
        _ledger = ledger;
        _desk = desk;
        _buyback = buyback;
        _events = events;
    }

    /// <summary>Every market, in id order.</summary>
    public List<Market> Markets => _marketList;

    /// <summary>True when some market has not expired yet: then <see cref="NextMarketEnd"/> is its cycle end.</summary>
    public bool MarketEndPending => _marketEndPending;

    /// <summary>The earliest cycle end of a market not yet expired (meaningful only while <see cref="MarketEndPending"/>).</summary>
    public long NextMarketEnd => _nextMarketEnd;

    /// <summary>The market with this id, or null (any int is a valid question).</summary>
    public Market? Find(int id) => (uint)id < ExchangeCore.MaxMarkets ? _markets[id] : null;

    /// <summary>The create market command: a market in state pre-open, decay none until set.</summary>
    public ResultCode CreateMarket(ref Command c)
    {
        CreateMarketArgs m = c.AsCreateMarket();
        if ((uint)m.Market >= ExchangeCore.MaxMarkets) return ResultCode.InvalidId;
        if (_markets[m.Market] is not null) return ResultCode.MarketExists;
        long lot = m.LotSize, tick = m.Tick, face = m.Face, min = m.MinPrice, max = m.MaxPrice, minQty = m.MinQuantity, maxQty = m.MaxQuantity;
        long start = m.CycleStart, end = m.CycleEnd;
        bool valid = MarketSymbol.IsValidPacked(m.SymbolLow, m.SymbolHigh)
            && lot > 0 && tick > 0 && face > 0
            && min > 0 && min <= max && max <= Market.MaxPriceLimit && min % tick == 0 && max % tick == 0
            && (max - min) / tick < Market.MaxPriceLevels
            && minQty > 0 && minQty <= maxQty
            && (Int128)maxQty * max * 2 <= long.MaxValue
            && start < end && (Int128)end - start <= long.MaxValue; // the cycle length fits a long
        if (!valid) return ResultCode.InvalidMarketSpec;
        _events.Accepted(ref c);
        var market = new Market
        {
            Id = m.Market, SymbolLow = m.SymbolLow, SymbolHigh = m.SymbolHigh, LotSize = lot, Tick = tick, Face = face,
            MinPrice = min, MaxPrice = max, MinQuantity = minQty, MaxQuantity = maxQty, CycleStart = start, CycleEnd = end,
            State = MarketState.PreOpen,
            ClientIds = new ClientIdTable(_options.InitialClientIdCapacity, _options.ClientIdHashKey),
        };
        market.Book = new OrderBook(market, _desk);
        _markets[m.Market] = market;
        _marketList.Add(market);
        _marketList.Sort((a, b) => a.Id.CompareTo(b.Id));
        RecomputeNextMarketEnd();
        _events.MarketState(market);
        return ResultCode.Ok;
    }

    private ResultCode PreOpenMarket(ref Command c, out Market market)
    {
        market = Find(c.Market)!;
        if (market is null) return ResultCode.UnknownMarket;
        return market.State == MarketState.PreOpen ? ResultCode.Ok : ResultCode.InvalidMarketState;
    }

    /// <summary>The set curve command (pre-open markets).</summary>
    public ResultCode SetCurve(ref Command c)
    {
        CurveArgs v = c.AsCurve();
        ResultCode code = PreOpenMarket(ref c, out Market market);
        if (code != ResultCode.Ok) return code;
        if (v.KindCode > (byte)CurveKind.Table || !DecayCurve.IsValid((CurveKind)v.KindCode, v.FloorPpm, v.HalfLife)) return ResultCode.InvalidCurve;
        _events.Accepted(ref c);
        market.Curve.Set((CurveKind)v.KindCode, v.FloorPpm, v.HalfLife);
        market.ResetDecayCache();
        return ResultCode.Ok;
    }

    /// <summary>The add curve point command (pre-open markets with a table curve).</summary>
    public ResultCode AddCurvePoint(ref Command c)
    {
        CurvePointArgs p = c.AsCurvePoint();
        ResultCode code = PreOpenMarket(ref c, out Market market);
        if (code != ResultCode.Ok) return code;
        if (market.Curve.Kind != CurveKind.Table || market.Curve.TableCount == DecayCurve.MaxTablePoints
            || p.ElapsedPpm is < 0 or > DecayCurve.Full || p.DecayPpm is < 0 or > DecayCurve.Full)
            return ResultCode.InvalidCurve;
        _events.Accepted(ref c);
        market.Curve.TryAddPoint(p.ElapsedPpm, p.DecayPpm);
        market.ResetDecayCache();
        return ResultCode.Ok;
    }

    /// <summary>The open market command (a table curve is checked here).</summary>
    public ResultCode OpenMarket(ref Command c)
    {
        ResultCode code = PreOpenMarket(ref c, out Market market);
        if (code != ResultCode.Ok) return code;
        if (!market.Curve.IsTableValid()) return ResultCode.InvalidCurve;
        _events.Accepted(ref c);
        market.State = MarketState.Open;
        _events.MarketState(market);
        return ResultCode.Ok;
    }

    /// <summary>The halt market command.</summary>
    public ResultCode HaltMarket(ref Command c) => SwitchState(ref c, MarketState.Open, MarketState.Halted, out _);

    /// <summary>The resume market command; the buyback bid may match at once.</summary>
    public ResultCode ResumeMarket(ref Command c)
    {
        ResultCode code = SwitchState(ref c, MarketState.Halted, MarketState.Open, out Market market);
        if (code != ResultCode.Ok) return code;
        _buyback.OnResume(market);
        return ResultCode.Ok;
    }

    /// <summary>Moves a market from state <paramref name="from"/> to <paramref name="to"/> (halt, resume), with its events.</summary>
    private ResultCode SwitchState(ref Command c, MarketState from, MarketState to, out Market market)
    {
        market = Find(c.Market)!;
        if (market is null) return ResultCode.UnknownMarket;
        if (market.State != from) return ResultCode.InvalidMarketState;
        _events.Accepted(ref c);
        market.State = to;
        _events.MarketState(market);
        return ResultCode.Ok;
    }

    /// <summary>The expire market command: ends a cycle early.</summary>
    public ResultCode ExpireMarketCommand(ref Command c)
    {
        Market? market = Find(c.Market);
        if (market is null) return ResultCode.UnknownMarket;
        if (market.State == MarketState.Expired) return ResultCode.MarketExpired;
        _events.Accepted(ref c);
        ExpireMarket(market);
        return ResultCode.Ok;
    }

    /// <summary>Ends a market's cycle: resting orders cancelled (bids, then asks, in priority order), every account's lots there expired, state expired.</summary>
    public void ExpireMarket(Market market)
    {
        foreach (Side side in (ReadOnlySpan<Side>)[Side.Buy, Side.Sell])
        {
            _scratch.Clear();
            market.Book.CollectOrders(side, _scratch);
            foreach (int index in _scratch) _desk.CancelResting(index, CancelReason.Expiry);
        }
        // Accounts in id order, so that the lots-expired events come out as they always have.
        foreach (Account account in _ledger.Accounts)
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
                _events.LotsExpired(market.Id, id, origin, free);
            }
        }
        market.State = MarketState.Expired;
        // No order can be placed or amended once the cycle has ended: the claims are no longer needed.
        market.ClientIds.Release();
        _events.MarketState(market);
        RecomputeNextMarketEnd();
    }

    /// <summary>The set fees command.</summary>
    public ResultCode SetFees(ref Command c)
    {
        FeesArgs f = c.AsFees();
        Market? market = Find(f.Market);
        if (market is null) return ResultCode.UnknownMarket;
        if (market.State == MarketState.Expired) return ResultCode.MarketExpired;
        if (f.MakerBps is < 0 or > 1_000 || f.TakerBps is < 0 or > 1_000) return ResultCode.FeeOutOfRange;
        if ((f.MakerBps != 0 || f.TakerBps != 0) && _ledger.FeeAccount < 0) return ResultCode.HouseNotSet;
        _events.Accepted(ref c);
        market.MakerBps = (int)f.MakerBps;
        market.TakerBps = (int)f.TakerBps;
        return ResultCode.Ok;
    }

    /// <summary>Finds the earliest cycle end of a market not yet expired (after a market is created, expired or restored).</summary>
    public void RecomputeNextMarketEnd()
    {
        bool pending = false;
        long next = 0;
        foreach (Market m in _marketList)
        {
            if (m.State == MarketState.Expired || (pending && m.CycleEnd >= next)) continue;
            next = m.CycleEnd;
            pending = true;
        }
        _nextMarketEnd = next;
        _marketEndPending = pending;
    }
}
