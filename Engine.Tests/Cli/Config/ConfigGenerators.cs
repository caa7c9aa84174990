using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using TokenMatch.Cli.Config;
using TokenMatch.Cli.Serve;
using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Tests.Support;

namespace TokenMatch.Tests.Cli.Config;

/// <summary>
/// Generators of valid <see cref="ServeConfig"/>s, built from the engine's ranges (not from
/// <see cref="ConfigValidator"/>): markets with every curve kind, fees and buybacks the provider can
/// pay for, accounts with grants and links, API-key hashes; and the helper that runs a configuration's
/// bootstrap commands through a real <see cref="ExchangeCore"/>.
/// </summary>
internal static class ConfigGenerators
{
    /// <summary>FsCheck settings: <paramref name="count"/> cases (ten times more under TOKENMATCH_LONG=1).</summary>
    public static FsCheck.Config Runs(int count) => FsCheck.Config.QuickThrowOnFailure.WithMaxTest(count * CommandGenerators.Multiplier).WithQuietOnSuccess(true);

    private static Gen<long> Long(long low, long high) => Gen.Choose(0, int.MaxValue).Select(n => low + (long)((ulong)n * 2654435761UL % (ulong)(high - low + 1)));

    private static Gen<long> Wide(long low, long high) =>
        from a in Gen.Choose(0, int.MaxValue)
        from b in Gen.Choose(0, int.MaxValue)
        select low + (long)((((ulong)(uint)a << 31) | (uint)b) % (ulong)(high - low + 1));

    private static Gen<DecayConfig> Decay() =>
        from kind in Gen.Elements("none", "linear", "sqrt", "exponential", "table")
        from floor in Long(0, 1_000_000)
        from halfLife in Wide(1, 400L * 24 * 3600 * 1_000_000_000)
        from steps in Gen.Choose(0, 8).SelectMany(n => Gen.ArrayOf(Gen.Zip(Long(1, 200_000), Long(0, 300_000)), n))
        select new DecayConfig
        {
            Kind = kind,
            FloorPpm = kind is "linear" or "sqrt" or "exponential" ? floor : 0,
            HalfLife = kind == "exponential" ? halfLife : 0,
            Points = kind == "table" ? Table(steps) : [],
        };

    private static List<CurvePointConfig> Table((long, long)[] steps)
    {
        var points = new List<CurvePointConfig> { new() { ElapsedPpm = 0, DecayPpm = 1_000_000 } };
        foreach ((long dx, long dd) in steps)
        {
            CurvePointConfig last = points[^1];
            if (last.ElapsedPpm + dx > 1_000_000) break;
            points.Add(new CurvePointConfig { ElapsedPpm = last.ElapsedPpm + dx, DecayPpm = Math.Max(0, last.DecayPpm - dd) });
        }
        return points;
    }

    private static Gen<MarketConfig> Market(int id) =>
        from lot in Long(1, 1_000_000)
        from tick in Long(1, 1_000)
        from minTicks in Long(1, 1_000)
        from levels in Long(0, (1 << 20) - 1)
        from face in Long(1, 1_000_000_000)
        from minQty in Long(1, 100)
        from extraQty in Wide(0, 1_000_000_000)
        from model in Gen.Elements("large model", "small model", "embedding", "image")
        from decay in Decay()
        from maker in Long(0, 1_000)
        from taker in Long(0, 1_000)
        from buyback in Gen.Frequency((1, Gen.Constant<(long, long)?>(null)), (2, Gen.Zip(Long(0, 10_000), Long(0, 1_000)).Select(p => ((long, long)?)p)))
        let minPrice = minTicks * tick
        let maxPrice = minPrice + levels * tick
        let maxQty = Math.Min(minQty + extraQty, long.MaxValue / 2 / maxPrice)
        let bid = buyback is (long rate, long) ? rate * face / 10_000 / tick * tick : 0
        select new MarketConfig
        {
            Id = id, Symbol = "TOK" + id.ToString(CultureInfo.InvariantCulture), ModelClass = model,
            LotSize = lot, Tick = tick, Face = face, MinPrice = minPrice, MaxPrice = maxPrice,
            MinQuantity = minQty, MaxQuantity = Math.Max(minQty, maxQty),
            Decay = decay, Fees = new FeesConfig { MakerBps = maker, TakerBps = taker },
            // A bid outside the market's prices is no buyback (the engine refuses it).
            Buyback = buyback is (long r, long budget) && (r == 0 || budget == 0 || (bid >= minPrice && bid <= maxPrice))
                ? new BuybackConfig { RateBps = r, BudgetLots = budget } : null,
        };

    private static Gen<string> KeyHash(long keyId) =>
        from salt in Gen.ArrayOf(Gen.Choose(0, 255), 16)
        from hash in Gen.ArrayOf(Gen.Choose(0, 255), 32)
        select ApiKeyHash.Prefix + keyId.ToString(CultureInfo.InvariantCulture) + "_"
            + Convert.ToHexStringLower(salt.Select(b => (byte)b).ToArray()) + "_" + Convert.ToHexStringLower(hash.Select(b => (byte)b).ToArray());

    /// <summary>Any valid configuration.</summary>
    public static Gen<ServeConfig> Valid() =>
        from marketIds in Gen.Shuffle(Enumerable.Range(0, 40).ToArray()).SelectMany(ids => Gen.Choose(0, 4).Select(n => ids.Take(n).ToArray()))
        from markets in Gen.CollectToArray(marketIds.Select(Market))
        from house in Gen.Shuffle(Enumerable.Range(0, 10).ToArray()).Select(a => (Provider: a[0], Fee: a[1]))
        from accountIds in Gen.Shuffle(Enumerable.Range(0, 300).ToArray()).SelectMany(ids => Gen.Choose(0, 6).Select(n => ids.Take(n).Where(i => i != house.Provider).ToArray()))
        from accounts in Gen.CollectToArray(accountIds.Select(id => Account(id, marketIds)))
        from keyCount in Gen.Choose(0, 3)
        from keys in Gen.CollectToArray(Enumerable.Range(0, keyCount).Select(i => ApiKey(1 + i, house.Provider, accountIds)))
        from address in Gen.Elements("127.0.0.1", "0.0.0.0", "::1")
        from port in Gen.Choose(0, 65535)
        from cert in Gen.Elements<string?>(null, "server.pfx")
        from dir in Gen.Elements("./data", "/var/lib/tokenmatch")
        from fsync in Gen.Elements("batch", "interval", "none")
        from snapshots in Long(0, 10_000_000)
        from keyFile in Gen.Elements<string?>(null, "keys.txt")
        from cycle in Gen.Elements("month", "10m", "2h", "7d", "90s")
        from openOrders in Long(0, 100_000)
        from caps in Gen.SubListOf(new[] { "unverified", "verified", "trusted" }).SelectMany(tiers => Gen.CollectToArray(tiers.Select(t => Long(0, 1_000_000).Select(c => (t, c)))))
        from rates in Gen.ArrayOf(Gen.Choose(1, 10_000_000), 4)
        from level in Gen.Elements(ConfigValidator.LogLevels)
        select new ServeConfig
        {
            Listen = new ListenConfig { Address = address, Port = port },
            Tls = new TlsConfig { CertificateFile = cert },
            Journal = new JournalConfig { Directory = dir, Fsync = fsync, SnapshotEveryCommands = snapshots },
            KeyFile = keyFile,
            Cycle = new CycleConfig { Length = cycle },
            House = new HouseConfig { ProviderAccount = house.Provider, FeeAccount = house.Fee },
            Limits = new LimitsConfig { MaxOpenOrdersPerAccount = openOrders, TierCaps = caps.ToDictionary(p => p.t, p => p.c) },
            RateLimits = new RateLimitsConfig { ConnectionRate = rates[0], ConnectionBurst = rates[1], AccountRate = rates[2] / 8.0, AccountBurst = rates[3] },
            Markets = markets.ToList(),
            // The provider first, with credits for every buyback bid at full value.
            DemoAccounts = [new DemoAccountConfig { Id = house.Provider, Tier = "trusted", Credits = 1_000_000_000_000_000 }, .. accounts],
            ApiKeys = keys.ToList(),
            Logging = new LoggingConfig { Level = level },
        };

    private static Gen<DemoAccountConfig> Account(int id, int[] markets) =>
        from tier in Gen.Elements(ConfigValidator.Tiers)
        from credits in Wide(0, 1_000_000_000_000)
        from link in Gen.Frequency((2, Gen.Constant<long?>(null)), (1, Long(1, 5).Select(g => (long?)g)))
        from grants in markets.Length == 0 ? Gen.Constant(Array.Empty<GrantConfig>()) : Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(
            from market in Gen.Elements(markets)
            from origin in Gen.Elements("paid", "allocated", "trial", "promo", "Paid")
            from lots in Wide(1, 1_000_000_000)
            select new GrantConfig { Market = market, Origin = origin, Lots = lots }, n))
        select new DemoAccountConfig { Id = id, Tier = tier, Credits = credits, Link = link, Grants = grants };

    private static Gen<ApiKeyConfig> ApiKey(long keyId, int provider, int[] accounts) =>
        from role in Gen.Elements("trader", "provider", "marketdata")
        from account in Gen.Elements([provider, .. accounts])
        from hash in KeyHash(keyId)
        select new ApiKeyConfig { Account = role == "provider" ? provider : account, Role = role, Hash = hash };

    /// <summary>The results of <paramref name="config"/>'s bootstrap (accounts, cycle 0's markets, API keys) on a new core, with each command's description.</summary>
    public static List<(string Command, ResultCode Result)> Bootstrap(ServeConfig config)
    {
        var bootstrap = new DemoBootstrap(config);
        const long start = 1_796_083_200_000_000_000; // 2026-12-01T00:00:00Z
        var core = new ExchangeCore(new CoreOptions { InitialOrderCapacity = 64, InitialAccountCapacity = 64, InitialClientIdCapacity = 16, EventBufferSize = 256 });
        var log = new EventLog();
        var results = new List<(string, ResultCode)>();
        foreach (Command c in bootstrap.Accounts().Concat(bootstrap.Cycle(0, start, start + 31L * 86_400 * 1_000_000_000)).Concat(config.ApiKeyCommands()))
        {
            Command slot = c;
            core.Execute(ref slot, log);
            results.Add(($"{slot.Type} account {slot.Account} market {slot.Market}", slot.Result));
        }
        return results;
    }
}
