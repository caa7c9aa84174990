using System.Buffers.Binary;
using System.IO.Hashing;
using TokenMatch.Commands;

namespace TokenMatch.Tests.Reference;

public sealed partial class ReferenceExchange
{
    /// <summary>The canonical encoding of docs/state-hash.md (version 3), written from that page alone.</summary>
    public List<long> Encode()
    {
        var v = new List<long> { 0x48534D54, 3, _clock, _nextOrderId, _maxOpenOrders };
        v.AddRange(_tierCaps);
        v.AddRange(_consumeOrder.Select(o => (long)o));
        v.Add(_provider);
        v.Add(_feeAccount);
        v.Add(_totalDeposits);
        v.Add(_markets.Count);
        foreach (RefMarket m in _markets.Values)
        {
            v.AddRange([m.Id, m.SymbolLow, m.SymbolHigh, (long)m.State, m.LotSize, m.Tick, m.Face, m.MinPrice, m.MaxPrice,
                m.MinQuantity, m.MaxQuantity, m.CycleStart, m.CycleEnd, (long)m.Curve, m.Floor, m.HalfLife, m.Table.Count]);
            foreach (var (x, d) in m.Table) v.AddRange([x, d]);
            v.AddRange([m.MakerBps, m.TakerBps, m.BuybackRate, m.BuybackBudget, m.BoughtBack, m.BuybackBid?.Id ?? 0,
                m.Granted, m.Consumed, m.Expired, m.Retired]);
            foreach (SortedSet<RefOrder> side in new[] { m.Bids, m.Asks })
            {
                v.Add(side.Count);
                foreach (RefOrder o in side)
                    v.AddRange([o.Id, o.ClientId, o.Account, (long)o.Side, (long)o.Type, (long)o.Tif, (long)o.Stp, o.Buyback ? 1 : 0,
                        o.Price, o.Remaining, o.HoldPerLot, o.MakerBps, o.TakerBps, o.ExpireAt]);
            }
            // Version 3: the claimed set as its count and the sum (mod 2^64) of each claim's digest.
            ulong digest = 0;
            foreach (var (account, clientId) in m.ClientIds.Keys) digest = unchecked(digest + ClaimDigest(account, clientId));
            v.AddRange([m.ClientIds.Count, unchecked((long)digest)]);
        }
        v.Add(_accounts.Count);
        foreach (RefAccount a in _accounts.Values)
        {
            v.AddRange([a.Id, (long)a.Tier, a.Frozen ? 1 : 0, a.Group, (long)a.StpDefault, a.Available, a.Held, a.Spent, a.Open.Count]);
            var records = _markets.Values.Where(m => m.Lots.ContainsKey(a.Id)).ToList();
            v.Add(records.Count);
            foreach (RefMarket m in records)
            {
                RefLots l = m.Lots[a.Id];
                v.Add(m.Id);
                v.AddRange(l.Free);
                v.AddRange([l.HeldAllocated, l.SellCounted]);
            }
            v.Add(a.Open.Count);
            v.AddRange(a.Open);
        }
        // Version 2's API key table: the generated runs issue no keys (the gateway's key commands are
        // tested against the core in Core/ApiKeyTests), so the reference holds none.
        v.Add(0);
        return v;
    }

    /// <summary>A claim's digest term from docs/state-hash.md: F(F(client id) + account), F the SplitMix64 finaliser.</summary>
    private static ulong ClaimDigest(int account, long clientId)
    {
        static ulong F(ulong z)
        {
            z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
            z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
            return z ^ (z >> 31);
        }
        return F(unchecked(F((ulong)clientId) + (ulong)(uint)account));
    }

    /// <summary>XxHash64, seed 0, over the encoding's values written little-endian.</summary>
    public ulong StateHash()
    {
        List<long> values = Encode();
        var bytes = new byte[values.Count * 8];
        for (int i = 0; i < values.Count; i++) BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(i * 8), values[i]);
        return XxHash64.HashToUInt64(bytes);
    }

    /// <summary>A readable dump of the state (for failure messages): accounts, lots, books.</summary>
    public string Dump()
    {
        var lines = new List<string> { $"clock {_clock} next {_nextOrderId} maxOpen {_maxOpenOrders} caps {string.Join(",", _tierCaps)} provider {_provider} fee {_feeAccount}" };
        foreach (RefMarket m in _markets.Values)
        {
            lines.Add($"market {m.Id} {m.State} bb {m.BuybackRate}/{m.BuybackBudget}/{m.BoughtBack} bid {m.BuybackBid?.Id} granted {m.Granted} consumed {m.Consumed} expired {m.Expired} retired {m.Retired}");
            foreach (RefOrder o in m.Bids.Concat(m.Asks))
                lines.Add($"  {o.Side} #{o.Id} acct {o.Account} {o.Price}x{o.Remaining} hold {o.HoldPerLot} {o.Type}/{o.Tif}/{o.Stp} exp {o.ExpireAt}");
            foreach (var (id, l) in m.Lots)
                lines.Add($"  lots {id}: free {string.Join(",", l.Free)} held {l.HeldAllocated} counted {l.SellCounted}");
        }
        foreach (RefAccount a in _accounts.Values)
            lines.Add($"account {a.Id} tier {a.Tier} frozen {a.Frozen} group {a.Group} stp {a.StpDefault} avail {a.Available} held {a.Held} spent {a.Spent} open [{string.Join(",", a.Open)}]");
        return string.Join("\n", lines);
    }
}
