using System.Buffers.Binary;
using System.IO.Hashing;
using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Markets;
using TokenMatch.Tests.Support;

namespace TokenMatch.Tests.Core;

/// <summary>
/// The canonical encoding written out by hand from docs/state-hash.md for a small state, hashed with
/// XxHash64 (seed 0), must equal <see cref="ExchangeCore.StateHash"/>: the document and the code agree.
/// </summary>
public class StateHashEncodingTests
{
    private static readonly long Start = CoreHarness.Start;
    private static readonly long End = CoreHarness.End;

    private static ExchangeCore Run(params Command[] commands)
    {
        var core = new ExchangeCore();
        var log = new EventLog();
        foreach (Command command in commands)
        {
            Command c = command;
            core.Execute(ref c, log);
            Assert.That(c.Result, Is.EqualTo(ResultCode.Ok), $"{c.Type}");
        }
        return core;
    }

    private static ulong Hash(params long[] values)
    {
        var bytes = new byte[values.Length * 8];
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(i * 8), values[i]);
        return XxHash64.HashToUInt64(bytes);
    }

    /// <summary>SplitMix64's finaliser, written from docs/state-hash.md.</summary>
    private static ulong M(ulong x)
    {
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    /// <summary>One claim's digest term: M(M(client id) + account).</summary>
    private static ulong Claim(int account, long clientId) => M(M((ulong)clientId) + (uint)account);

    /// <summary>Header through the market count, with no configuration changed.</summary>
    private static long[] Header(long clock, long nextOrderId, long deposits, long markets) =>
    [
        0x48534D54, 3, clock, nextOrderId,
        long.MaxValue,                                  // max open orders: unlimited
        long.MaxValue, long.MaxValue, long.MaxValue,    // tier caps: unverified, verified, trusted
        1, 2, 3, 0,                                     // consumption order: trial, promo, acquired, allocated
        -1, -1,                                         // provider and fee account: not set
        deposits, markets,
    ];

    [Test]
    public void EmptyEngine()
    {
        var core = new ExchangeCore();
        Assert.That(core.StateHash(), Is.EqualTo(Hash([.. Header(0, 1, 0, 0), 0, 0])));
        Assert.That(core.StateHash(), Is.EqualTo(0xDF54B86295C16DAEUL));
    }

    [Test]
    public void OneMarketOneAccountOneRestingBuy()
    {
        var core = Run(
            Command.CreateAccount(Start, 5, Tier.Verified),
            Command.Deposit(Start, 5, 1_000_000_000),
            Command.CreateMarket(Start, 7, "AB", 1_000, 1_000, 10_000_000, 1_000, 20_000_000, 1, 1_000, Start, End),
            Command.MarketState(Start, CommandType.OpenMarket, 7),
            Command.Place(Start, 5, 7, Side.Buy, 2_000_000, 3, clientId: 9));
        long[] market =
        [
            7, MarketSymbol.PackLow("AB"), 0, (long)MarketState.Open,
            1_000, 1_000, 10_000_000, 1_000, 20_000_000, 1, 1_000, Start, End,
            (long)CurveKind.None, 0, 0, 0,                  // curve kind, floor, half-life, no table points
            0, 0,                                           // maker and taker bps
            0, 0, 0, 0,                                     // buyback rate, budget, bought back, no live bid
            0, 0, 0, 0,                                     // granted, consumed, expired, retired
            1,                                              // one bid:
            1, 9, 5, (long)Side.Buy, (long)OrderType.Limit, (long)TimeInForce.GoodTillCycle, (long)StpMode.CancelNewest, 0,
            2_000_000, 3, 2_000_000, 0, 0, 0,               // price, remaining, hold per lot, maker, taker, expiry
            0,                                              // no asks
            1, (long)Claim(5, 9),                           // one claimed client id: (account 5, client 9)
        ];
        long[] accounts =
        [
            1,
            5, (long)Tier.Verified, 0, 0, (long)StpMode.CancelNewest,
            1_000_000_000 - 6_000_000, 6_000_000, 0, 1,     // available, held, spent, open orders
            0,                                              // no lots in any market
            1, 1,                                           // open orders oldest first: order 1
        ];
        Assert.That(core.StateHash(), Is.EqualTo(Hash([.. Header(Start, 2, 1_000_000_000, 1), .. market, .. accounts, 0])));
        Assert.That(core.StateHash(), Is.EqualTo(0x01E90CE919138967UL));
        // The page's digest term, computed apart from both (Python), against this file's and the engine's.
        Assert.That(Claim(5, 9), Is.EqualTo(0x34F1F90DA9B48D98UL));
        Assert.That(ClientIdTable.ClaimDigest(5, 9), Is.EqualTo(0x34F1F90DA9B48D98UL));
    }
}
