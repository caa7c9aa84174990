using TokenMatch.Commands;
using TokenMatch.Markets;

namespace TokenMatch.Surveillance.Simulation;

/// <summary>
/// The seeded, labelled population of one billing cycle (issue 10 item 4; issue 12's test
/// population), at a compressed clock: the provider's settings and buyback; honest users with
/// fluctuating usage who sell their surplus (more of it as the cycle end nears) or run short and
/// buy; a trial-token bot farm whose sells the core rejects; a linked pair whose wash trades
/// self-trade prevention stops; and, when planted, an unlinked pair moving credits by
/// overpaying in the thin market, a spoofer and a velocity burst. Open loop: actors never look at
/// the engine's answers, so the list depends only on the options (SplitMix64 from the seed,
/// integer arithmetic, a stable sort by time). Stateless; safe from any thread.
/// </summary>
public static class PopulationGenerator
{
    /// <summary>The provider (buyback) account.</summary>
    public const int Provider = 1;
    /// <summary>The fee account.</summary>
    public const int Fees = 2;
    /// <summary>First honest account id.</summary>
    public const int FirstHonest = 100;
    /// <summary>First bot-farm account id.</summary>
    public const int FirstBot = 10_000;

    private const long Face = 10_000_000, ThinFace = 2_000_000, Tick = 1_000;
    private const long Minute = 60_000_000_000, Hour = 60 * Minute;

    /// <summary>Generates the population for <paramref name="options"/>.</summary>
    public static Population Generate(PopulationOptions? options = null)
    {
        options ??= new PopulationOptions();
        var b = new Builder(options);
        b.Settings();
        for (int i = 0; i < options.HonestUsers; i++) b.Honest(FirstHonest + i);
        b.BotFarm();
        b.WashPair(20_000, 20_001);
        if (options.PlantBadActors)
        {
            b.Colluders(20_010, 20_011);
            b.Spoofer(20_020);
            b.Burst(20_030);
        }
        return new Population(options, b.Sorted(), b.Labels);
    }

    private sealed class Builder(PopulationOptions o)
    {
        private readonly List<(long Time, long Order, Command Command)> _timeline = new();
        private readonly SplitMix64 _rng = new(o.Seed);
        private long _order;
        private long _clientId;

        public readonly SortedDictionary<int, ActorKind> Labels = new();

        private long Start => o.CycleStart;
        private long End => o.CycleStart + o.CycleLength;

        public IReadOnlyList<Command> Sorted()
        {
            _timeline.Sort((x, y) => x.Time != y.Time ? x.Time.CompareTo(y.Time) : x.Order.CompareTo(y.Order));
            return _timeline.Select(t => t.Command).ToArray();
        }

        private void At(long time, Command c)
        {
            if (time >= End) return;
            c.Timestamp = time;
            _timeline.Add((time, _order++, c));
        }

        private long Price(long face, long percentTimes10) => face * percentTimes10 / 1_000 / Tick * Tick;

        private long NextClientId() => ++_clientId;

        public void Settings()
        {
            Labels[Provider] = ActorKind.House;
            Labels[Fees] = ActorKind.House;
            long t = Start;
            At(t, Command.CreateAccount(0, Provider, Tier.Trusted));
            At(t, Command.CreateAccount(0, Fees, Tier.Trusted));
            At(t, Command.SetHouse(0, Provider, Fees));
            At(t, Command.Deposit(0, Provider, 100_000_000_000));
            At(t, Command.SetTierCap(0, Tier.Unverified, 5_000));
            At(t, Command.CreateMarket(0, Population.MainMarket, "LLM-L/2026-12", 1_000, Tick, Face, Tick, 2 * Face, 1, 100_000, Start, End));
            At(t, Command.SetCurve(0, Population.MainMarket, CurveKind.Sqrt, floorPpm: 100_000));
            At(t, Command.SetFees(0, Population.MainMarket, 10, 20));
            At(t, Command.MarketState(0, CommandType.OpenMarket, Population.MainMarket));
            At(t, Command.SetBuyback(0, Population.MainMarket, 6_000, 5_000));
            At(t, Command.CreateMarket(0, Population.ThinMarket, "LLM-S/2026-12", 1_000, Tick, ThinFace, Tick, 2 * ThinFace, 1, 100_000, Start, End));
            At(t, Command.SetCurve(0, Population.ThinMarket, CurveKind.Sqrt, floorPpm: 100_000));
            At(t, Command.MarketState(0, CommandType.OpenMarket, Population.ThinMarket));
        }

        /// <summary>An honest user: joins in the first ten days, uses its quota day by day, sells surplus or buys what it lacks.</summary>
        public void Honest(int id)
        {
            bool seller = _rng.Chance(600_000);
            Labels[id] = seller ? ActorKind.HonestSeller : ActorKind.HonestBuyer;
            long join = Start + Minute + _rng.Between(0, 10 * PopulationOptions.Day);
            long roll = _rng.Between(0, 99);
            Tier tier = roll < 20 ? Tier.Unverified : roll < 90 ? Tier.Verified : Tier.Trusted;
            long quota = _rng.Between(200, 1_200);
            bool thin = _rng.Chance(100_000);
            At(join, Command.CreateAccount(0, id, tier));
            At(join + _rng.Between(1, 10) * Minute, Command.Deposit(0, id, _rng.Between(2_000, 6_000) * 1_000_000));
            At(join + _rng.Between(1, 10) * Minute, Command.Grant(0, id, Population.MainMarket, Origin.Allocated, quota));
            if (thin) At(join + 11 * Minute, Command.Grant(0, id, Population.ThinMarket, Origin.Allocated, quota / 4));
            long free = quota;
            long lastClient = 0;
            for (long day = join + PopulationOptions.Day / 2; day < End; day += _rng.Between(16, 32) * Hour)
            {
                long elapsedPct = (day - Start) * 100 / o.CycleLength;
                long usage = quota / 30 * (seller ? _rng.Between(30, 80) : _rng.Between(110, 180)) / 100;
                long use = Math.Min(usage, free);
                if (use > 0)
                {
                    At(day, Command.Consume(0, id, Population.MainMarket, use));
                    free -= use;
                }
                long t = day + _rng.Between(1, 8) * Hour;
                if (lastClient != 0 && _rng.Chance(300_000))
                    At(t - Minute, Command.CancelByClientId(0, id, Population.MainMarket, lastClient));
                // The thin market has honest demand only: its holders consume their quota there and buy more.
                int market = thin && !seller && _rng.Chance(200_000) ? Population.ThinMarket : Population.MainMarket;
                long face = market == Population.MainMarket ? Face : ThinFace;
                if (seller)
                {
                    // More of the surplus goes on sale as the cycle end nears.
                    long ppm = End - t < 2 * PopulationOptions.Day ? 1_000_000 : 100_000 + 600_000 * elapsedPct * elapsedPct / 10_000;
                    if (free < 10 || !_rng.Chance(ppm)) continue;
                    bool late = End - t < 2 * PopulationOptions.Day;
                    // In the last two days a seller dumps all it has left, down to the provider's buyback.
                    long qty = late ? free : Math.Max(1, free * _rng.Between(20, 50) / 100);
                    lastClient = NextClientId();
                    At(t, late
                        ? Command.Place(0, id, market, Side.Sell, Price(face, 300), qty, tif: TimeInForce.Ioc, clientId: lastClient)
                        : Command.Place(0, id, market, Side.Sell, Price(face, _rng.Between(970, 1_050)), qty, clientId: lastClient));
                    free -= qty;
                }
                else
                {
                    if (!_rng.Chance(500_000)) continue;
                    lastClient = NextClientId();
                    bool ioc = _rng.Chance(300_000);
                    // A buyer's bid lasts a day at most (good till time), so that bids do not pile up unseen.
                    At(t, Command.Place(0, id, market, Side.Buy, Price(face, _rng.Between(950, 1_020)), _rng.Between(5, 50),
                        tif: ioc ? TimeInForce.Ioc : TimeInForce.GoodTillTime, clientId: lastClient, expireAt: ioc ? 0 : t + PopulationOptions.Day));
                }
            }
        }

        /// <summary>The farm: accounts created seconds apart, granted trial (some promo) lots and a little credit, each trying to sell them.</summary>
        public void BotFarm()
        {
            long t = Start + _rng.Between(5, 15) * PopulationOptions.Day;
            for (int i = 0; i < o.BotFarmSize; i++)
            {
                int id = FirstBot + i;
                Labels[id] = ActorKind.TrialBot;
                t += _rng.Between(200, 1_000) * 1_000_000;
                At(t, Command.CreateAccount(0, id, Tier.Unverified));
                Origin origin = _rng.Chance(200_000) ? Origin.Promo : Origin.Trial;
                long lots = _rng.Between(20, 50);
                At(t + 1_000_000_000, Command.Grant(0, id, Population.MainMarket, origin, lots));
                At(t + 2_000_000_000, Command.Deposit(0, id, 5_000_000));
                At(t + _rng.Between(5, 30) * Minute, Command.Place(0, id, Population.MainMarket, Side.Sell, Price(Face, 980), lots));
                if (_rng.Chance(500_000))
                    At(t + _rng.Between(1, 3) * Hour, Command.Place(0, id, Population.MainMarket, Side.Sell, Price(Face, 900), lots / 2 + 1));
            }
        }

        /// <summary>
        /// A linked pair in the thin market (no honest asks there, so nothing else stands between them):
        /// one offers above the honest bids, the other takes at once; self-trade prevention cancels the taker.
        /// </summary>
        public void WashPair(int a, int b)
        {
            Labels[a] = ActorKind.WashPair;
            Labels[b] = ActorKind.WashPair;
            long t = Start + Hour;
            At(t, Command.CreateAccount(0, a, Tier.Verified));
            At(t, Command.CreateAccount(0, b, Tier.Verified));
            At(t, Command.Link(0, a, 77));
            At(t, Command.Link(0, b, 77));
            At(t, Command.Grant(0, a, Population.ThinMarket, Origin.Allocated, 600));
            At(t, Command.Deposit(0, b, 8_000_000_000));
            for (int round = 0; round < 6; round++)
            {
                long r = Start + _rng.Between(2, 26) * PopulationOptions.Day + _rng.Between(0, 23) * Hour;
                long cid = NextClientId();
                At(r, Command.Place(0, a, Population.ThinMarket, Side.Sell, Price(ThinFace, 1_500), 20, clientId: cid));
                At(r + 1, Command.Place(0, b, Population.ThinMarket, Side.Buy, Price(ThinFace, 1_500), 20, tif: TimeInForce.Ioc));
                At(r + Minute, Command.CancelByClientId(0, a, Population.ThinMarket, cid));
            }
        }

        /// <summary>An unlinked pair in the thin market: the buyer lifts the seller's ask at 180% of face at once, round after round.</summary>
        public void Colluders(int seller, int buyer)
        {
            Labels[seller] = ActorKind.Colluder;
            Labels[buyer] = ActorKind.Colluder;
            long t = Start + _rng.Between(1, 2) * PopulationOptions.Day;
            At(t, Command.CreateAccount(0, seller, Tier.Verified));
            At(t + _rng.Between(1, 6) * Hour, Command.CreateAccount(0, buyer, Tier.Verified));
            At(t + 7 * Hour, Command.Grant(0, seller, Population.ThinMarket, Origin.Allocated, 800));
            At(t + 7 * Hour, Command.Deposit(0, buyer, 10_000_000_000));
            for (int round = 0; round < 8; round++)
            {
                long r = Start + _rng.Between(3, 25) * PopulationOptions.Day + _rng.Between(0, 23) * Hour;
                long qty = _rng.Between(20, 40), cid = NextClientId();
                long price = Price(ThinFace, 1_800);
                At(r, Command.Place(0, seller, Population.ThinMarket, Side.Sell, price, qty, clientId: cid));
                At(r + 1, Command.Place(0, buyer, Population.ThinMarket, Side.Buy, price, qty, tif: TimeInForce.Ioc));
                At(r + Minute, Command.CancelByClientId(0, seller, Population.ThinMarket, cid));
            }
        }

        /// <summary>The spoofer: a large bid below the touch, a small ask that sells, the large bid cancelled unfilled; fourteen times.</summary>
        public void Spoofer(int id)
        {
            Labels[id] = ActorKind.Spoofer;
            long t = Start + _rng.Between(1, 3) * PopulationOptions.Day;
            At(t, Command.CreateAccount(0, id, Tier.Verified));
            At(t, Command.Deposit(0, id, 20_000_000_000));
            At(t, Command.Grant(0, id, Population.MainMarket, Origin.Allocated, 1_000));
            for (int round = 0; round < 14; round++)
            {
                long r = Start + _rng.Between(4, 23) * PopulationOptions.Day + _rng.Between(0, 23) * Hour;
                long big = NextClientId(), small = NextClientId();
                At(r, Command.Place(0, id, Population.MainMarket, Side.Buy, Price(Face, 900), _rng.Between(300, 500), clientId: big));
                At(r + Minute, Command.Place(0, id, Population.MainMarket, Side.Sell, Price(Face, 960), 15, clientId: small));
                At(r + 90 * Minute, Command.CancelByClientId(0, id, Population.MainMarket, big));
                At(r + 90 * Minute + 1, Command.CancelByClientId(0, id, Population.MainMarket, small));
            }
        }

        /// <summary>A buyer like the honest ones, with one hour in which it sends 150 small orders.</summary>
        public void Burst(int id)
        {
            Labels[id] = ActorKind.VelocityBurst;
            long t = Start + _rng.Between(1, 3) * PopulationOptions.Day;
            At(t, Command.CreateAccount(0, id, Tier.Verified));
            At(t, Command.Deposit(0, id, 20_000_000_000));
            At(t, Command.Grant(0, id, Population.MainMarket, Origin.Allocated, 300));
            for (long day = t + PopulationOptions.Day; day < End; day += PopulationOptions.Day)
                At(day + _rng.Between(1, 20) * Hour, Command.Place(0, id, Population.MainMarket, Side.Buy, Price(Face, _rng.Between(950, 1_010)), _rng.Between(5, 30)));
            long burst = Start + _rng.Between(8, 22) * PopulationOptions.Day + _rng.Between(0, 20) * Hour;
            for (int i = 0; i < 150; i++)
                At(burst + i * 16_000_000_000L, Command.Place(0, id, Population.MainMarket, Side.Buy, Price(Face, 1_030), 2, tif: TimeInForce.Ioc));
        }
    }
}
