using TokenMatch.Commands;

namespace TokenMatch.Bench.Workloads;

public sealed partial class OrderFlow
{
    /// <summary>Levels (one order each) of ask ladder a sweep batch needs per command.</summary>
    public static int LevelsPerSweep(BatchKind kind) => kind switch
    {
        BatchKind.SweepOneLevel => 1,
        BatchKind.SweepTenLevels => 10,
        _ => 0,
    };

    /// <summary>Lots of each ladder order.</summary>
    public const long LadderLots = 10;

    /// <summary>
    /// Writes the next <paramref name="batch"/>.Length commands of <paramref name="kind"/>, each run on
    /// the shadow as it is written. Unmeasured preparation comes first and runs on both cores (a sweep
    /// batch lays its ask ladder). Replay the batch into <see cref="Twin"/> before calling again.
    /// </summary>
    public void Prepare(BatchKind kind, Span<Command> batch)
    {
        int sweep = LevelsPerSweep(kind);
        if (sweep > 0) LayLadder(batch.Length * sweep);
        for (int i = 0; i < batch.Length; i++)
        {
            Command c;
            bool rests = false;
            switch (kind)
            {
                case BatchKind.Mix:
                    c = NextMixCommand(out rests);
                    break;
                case BatchKind.PlaceResting:
                    c = NewRestingPlace(RandomSide());
                    rests = true;
                    _counts.Places++;
                    break;
                case BatchKind.Cancel:
                    c = NewCancel();
                    break;
                case BatchKind.AmendReduce:
                    c = NewAmend(reduce: true);
                    break;
                case BatchKind.AmendReprice:
                    c = NewAmend(reduce: false);
                    break;
                default:
                    c = NewSweep(i, sweep);
                    break;
            }
            Issue(ref c, rests);
            batch[i] = c;
        }
    }

    /// <summary>
    /// Brings the book back to the target depth after a replayed batch, on both cores (not measured):
    /// cancels what places added, places what cancels took; after reductions, also replaces a share of
    /// the orders with fresh ones so that quantities do not dwindle over many batches.
    /// </summary>
    public void Restore(BatchKind kind, int batchLength)
    {
        if (kind == BatchKind.AmendReduce)
        {
            for (int i = 0; i < batchLength / 2 && _live.Count > 0; i++)
            {
                RunOnBoth(NewCancel(count: false), rests: false);
                RunOnBoth(NewRestingPlace(RandomSide()), rests: true);
            }
        }
        while (_live.Count > _options.Depth) RunOnBoth(NewCancel(count: false), rests: false);
        while (_live.Count < _options.Depth) RunOnBoth(NewRestingPlace(RandomSide()), rests: true);
    }

    /// <summary>
    /// One command of the mix (<see cref="WorkloadOptions.Mix"/>; by default 50% place, 35% cancel, 10%
    /// amend, 5% IOC or market). Depth is held within a band around the target by turning a place into
    /// a cancel above it, a cancel into a place below it (the realised mix is in <see cref="Counts"/>).
    /// With whole percentages one draw of 100 picks the kind (so the default mix is the stream every
    /// published figure used); otherwise a draw of 1,000.
    /// </summary>
    private Command NextMixCommand(out bool rests)
    {
        rests = false;
        MixPercent mix = _options.Mix;
        int band = Math.Max(32, _options.Depth / 200);
        int roll = mix.WholePercents ? _random.Next(100) * 10 : _random.Next(1000);
        int places = mix.Place, cancels = places + mix.Cancel, amends = cancels + mix.Amend;
        int live = _live.Count;
        if (roll < places && live > _options.Depth + band && mix.Cancel > 0) roll = places;
        else if (roll >= places && roll < cancels && live < _options.Depth - band) roll = 0;
        if (live == 0 && roll < amends) roll = 0;
        if (roll < places || (roll < amends && mix.Place == 0 && live == 0))
        {
            rests = true;
            _counts.Places++;
            return NewRestingPlace(RandomSide());
        }
        if (roll < cancels) return NewCancel();
        if (roll < amends) return NewAmend(reduce: _random.NextBool());
        return NewAggressive();
    }

    private Side RandomSide() => _random.NextBool() ? Side.Buy : Side.Sell;

    private int RandomTrader() => WorkloadMarket.Trader(_random.Next(_options.Accounts));

    /// <summary>The market of a new order: the one market, or one drawn at random (a draw only when there are several, so one market keeps the default stream).</summary>
    private int RandomMarket() => _options.Markets == 1 ? WorkloadMarket.Id : _random.Next(_options.Markets);

    /// <summary>
    /// Ticks from the mid for a resting order: mostly within 32 ticks of the closest allowed, a quarter
    /// within 512 — a book thick at the touch with a thin tail.
    /// </summary>
    private int RandomDistance() => _options.MinDistanceTicks + ((_random.Next(4) != 0) ? _random.Next(32) : _random.Next(512));

    /// <summary>
    /// A limit order on <paramref name="side"/>'s own side of the mid: it rests, never crosses. Good till
    /// the cycle's end, or good till a time some commands ahead (<see cref="WorkloadOptions.GoodTillTimePercent"/>).
    /// </summary>
    private Command NewRestingPlace(Side side)
    {
        Command c = Command.Place(0, RandomTrader(), RandomMarket(), side, WorkloadMarket.PriceAway(side, RandomDistance()),
            1 + _random.Next(100), clientId: NextClientId());
        if (_options.GoodTillTimePercent > 0 && _random.Next(100) < _options.GoodTillTimePercent)
        {
            int depth = Math.Max(16, _options.Depth);
            c.Tif = TimeInForce.GoodTillTime;
            c.Arg = TimeAt(_issued + 1 + depth / 4 + _random.Next(4 * depth));
        }
        return c;
    }

    /// <summary>A fresh client id when orders carry them (<see cref="WorkloadOptions.ClientIdCapacity"/>), else 0.</summary>
    private long NextClientId() => _options.ClientIdCapacity > 0 ? ++_nextClientId : 0;

    /// <summary>
    /// A uniformly chosen live order that the next command can still reach: one whose good-till-time
    /// expiry is due by the next command's time ends before that command runs, so it is passed over.
    /// </summary>
    private int ReachableLiveSlot()
    {
        long next = TimeAt(_issued + 1);
        while (true)
        {
            int slot = _random.Next(_live.Count);
            long expireAt = _live.ExpireAtAt(slot);
            if (expireAt == 0 || expireAt > next) return slot;
            // The expiry is due: that order is gone before the next command; forget it now, as its event will say.
            _live.Remove(_live.IdAt(slot));
            if (_live.Count == 0) throw new InvalidOperationException("no live order left");
        }
    }

    /// <summary>
    /// Half of the cancels and amends name their order by client id, when orders carry them and there
    /// is one market (the live-order set does not keep each order's market; with several markets every
    /// cancel and amend names its order by id).
    /// </summary>
    private bool ByClientId(int slot) => _options.Markets == 1 && _live.ClientIdAt(slot) != 0 && _random.NextBool();

    /// <summary>A cancel of a uniformly chosen live order.</summary>
    private Command NewCancel(bool count = true)
    {
        if (_live.Count == 0) throw new InvalidOperationException("no live order to cancel");
        if (count) _counts.Cancels++;
        int slot = ReachableLiveSlot();
        return ByClientId(slot)
            ? Command.CancelByClientId(0, _live.AccountAt(slot), WorkloadMarket.Id, _live.ClientIdAt(slot))
            : Command.Cancel(0, _live.AccountAt(slot), _live.IdAt(slot));
    }

    /// <summary>An amend of the order in <paramref name="slot"/>, by order id or by client id.</summary>
    private Command AmendOf(int slot, long quantity, long price) => ByClientId(slot)
        ? Command.AmendByClientId(0, _live.AccountAt(slot), WorkloadMarket.Id, _live.ClientIdAt(slot), quantity, price)
        : Command.Amend(0, _live.AccountAt(slot), _live.IdAt(slot), quantity, price);

    /// <summary>
    /// An amend of a live order: a reduction to a random smaller quantity (an order with one lot left
    /// is passed over; after 32 such draws it becomes a reprice), or a move to another price on its side.
    /// </summary>
    private Command NewAmend(bool reduce)
    {
        if (_live.Count == 0) throw new InvalidOperationException("no live order to amend");
        int slot = ReachableLiveSlot();
        if (reduce)
        {
            for (int tries = 0; _live.RemainingAt(slot) < 2 && tries < 32; tries++) slot = ReachableLiveSlot();
            long remaining = _live.RemainingAt(slot);
            if (remaining >= 2)
            {
                _counts.AmendReduces++;
                return AmendOf(slot, 1 + _random.Next((int)Math.Min(remaining - 1, int.MaxValue)), 0);
            }
        }
        _counts.AmendReprices++;
        Side side = _live.SideAt(slot);
        long price = WorkloadMarket.PriceAway(side, RandomDistance());
        if (price == _live.PriceAt(slot)) price += side == Side.Buy ? -WorkloadMarket.Tick : WorkloadMarket.Tick;
        return AmendOf(slot, 0, price);
    }

    /// <summary>
    /// An aggressive order of 1..300 lots: half IOC limits reaching 16 ticks into the other side, half
    /// market orders (IOC, no protection price). A fill of about three resting orders on average is what
    /// balances the mix's places against its cancels at constant depth.
    /// </summary>
    private Command NewAggressive()
    {
        Side side = RandomSide();
        Side other = side == Side.Buy ? Side.Sell : Side.Buy;
        long quantity = 1 + _random.Next(300);
        MixPercent mix = _options.Mix;
        bool ioc = mix.Ioc == mix.Market ? _random.NextBool() : _random.Next(mix.Aggressive) < mix.Ioc;
        if (ioc)
        {
            _counts.Iocs++;
            long limit = WorkloadMarket.PriceAway(other, _options.MinDistanceTicks + 16);
            return Command.Place(0, RandomTrader(), RandomMarket(), side, limit, quantity, OrderType.Limit, TimeInForce.Ioc, NextClientId());
        }
        _counts.Markets++;
        return Command.Place(0, RandomTrader(), RandomMarket(), side, 0, quantity, OrderType.Market, clientId: NextClientId());
    }

    /// <summary>
    /// Lays an ask ladder on both cores: one order of <see cref="LadderLots"/> at each of the
    /// <paramref name="levels"/> ticks above the mid, from even-numbered traders (the sweepers are odd,
    /// so no self-trade). The background asks must sit further out.
    /// </summary>
    private void LayLadder(int levels)
    {
        if (_options.MinDistanceTicks <= levels)
            throw new InvalidOperationException($"a ladder of {levels} levels needs MinDistanceTicks above it (is {_options.MinDistanceTicks})");
        for (int k = 1; k <= levels; k++)
        {
            int maker = WorkloadMarket.Trader(2 * _random.Next(_options.Accounts / 2));
            RunOnBoth(Command.Place(0, maker, WorkloadMarket.Id, Side.Sell, WorkloadMarket.PriceAway(Side.Sell, k), LadderLots), rests: true);
        }
    }

    /// <summary>Sweep number <paramref name="i"/>: an IOC buy taking exactly the next <paramref name="levels"/> ladder levels.</summary>
    private Command NewSweep(int i, int levels)
    {
        _counts.Iocs++;
        int taker = WorkloadMarket.Trader(2 * _random.Next(_options.Accounts / 2) + 1);
        long limit = WorkloadMarket.PriceAway(Side.Sell, (i + 1) * levels);
        return Command.Place(0, taker, WorkloadMarket.Id, Side.Buy, limit, levels * LadderLots, OrderType.Limit, TimeInForce.Ioc);
    }
}
