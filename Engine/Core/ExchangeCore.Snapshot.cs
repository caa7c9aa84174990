using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using TokenMatch.Commands;
using TokenMatch.Ledger;
using TokenMatch.Markets;
using TokenMatch.Matching;
using static TokenMatch.Core.SnapshotDescriptor;

namespace TokenMatch.Core;

public sealed partial class ExchangeCore
{
    /// <summary>
    /// Writes the whole engine state after <see cref="LastSequence"/> — everything the state hash
    /// covers, plus what it leaves out but a restored core needs to behave the same (the last
    /// sequence) — as one payload in the layout of
    /// <see cref="SnapshotDescriptor"/> (docs/snapshot-format.md). No file framing: the journal adds
    /// its own header and CRC. Call it on the thread that owns the core, between commands; it
    /// allocates scratch lists proportional to the largest book.
    /// </summary>
    public void WriteSnapshot(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var w = new SnapshotWriter(output);
        int accounts = 0;
        foreach (Account? a in _accounts) if (a is not null) accounts++;
        long resting = 0;
        foreach (Market m in _marketList) resting += m.Book.Count;

        Span<byte> h = w.Take(HeaderSize);
        BinaryPrimitives.WriteUInt32LittleEndian(h[MagicOffset..], Magic);
        BinaryPrimitives.WriteUInt16LittleEndian(h[VersionOffset..], SnapshotDescriptor.Version);
        BinaryPrimitives.WriteUInt16LittleEndian(h[HeaderSizeOffset..], HeaderSize);
        I64(h, LastSequenceOffset, _events.Sequence);
        I64(h, ClockOffset, _clock);
        I64(h, NextOrderIdOffset, _desk.NextOrderId);
        I64(h, ReservedOffset, 0);
        I64(h, StateHashVersionOffset, StateHashVersion);
        I32(h, MarketCountOffset, _marketList.Count);
        I32(h, AccountCountOffset, accounts);
        I64(h, RestingOrdersOffset, resting);

        Span<byte> s = w.Take(SettingsSize);
        I64(s, 0, _ledger.MaxOpenOrders);
        for (int i = 0; i < 3; i++) I64(s, 8 + 8 * i, _ledger.TierCaps[i]);
        for (int i = 0; i < 4; i++) s[32 + i] = (byte)_ledger.ConsumeOrder[i];
        I32(s, 40, _ledger.Provider);
        I32(s, 44, _ledger.FeeAccount);
        I64(s, 48, _ledger.TotalDeposits);

        foreach (Account? a in _accounts)
        {
            if (a is not null) WriteAccount(w.Take(AccountSize), a);
        }

        var orders = new List<int>();
        foreach (Market m in _marketList) WriteMarket(ref w, m, orders);
        WriteLots(ref w);
        WriteOrderLists(ref w);
        WriteApiKeys(ref w);
        BinaryPrimitives.WriteUInt32LittleEndian(w.Take(4), TrailerMagic);
        w.Finish();
    }

    private static void WriteAccount(Span<byte> r, Account a)
    {
        I32(r, 0, a.Id);
        r[4] = (byte)a.Tier;
        r[5] = a.Frozen ? (byte)1 : (byte)0;
        r[6] = (byte)a.StpDefault;
        I64(r, 8, a.Group);
        I64(r, 16, a.Available);
        I64(r, 24, a.Held);
        I64(r, 32, a.Spent);
        I32(r, 40, a.OpenOrders);
    }

    private void WriteMarket(ref SnapshotWriter w, Market m, List<int> orders)
    {
        var bids = new List<int>();
        m.Book.CollectOrders(Side.Buy, bids);
        orders.Clear();
        m.Book.CollectOrders(Side.Sell, orders);

        Span<byte> r = w.Take(MarketSize);
        I32(r, 0, m.Id);
        r[4] = (byte)m.State;
        r[5] = (byte)m.Curve.Kind;
        BinaryPrimitives.WriteUInt16LittleEndian(r[6..], (ushort)m.Curve.TableCount);
        I64(r, 8, m.SymbolLow); I64(r, 16, m.SymbolHigh); I64(r, 24, m.LotSize); I64(r, 32, m.Tick); I64(r, 40, m.Face);
        I64(r, 48, m.MinPrice); I64(r, 56, m.MaxPrice); I64(r, 64, m.MinQuantity); I64(r, 72, m.MaxQuantity);
        I64(r, 80, m.CycleStart); I64(r, 88, m.CycleEnd); I64(r, 96, m.Curve.Floor); I64(r, 104, m.Curve.HalfLife);
        I32(r, 112, m.MakerBps); I32(r, 116, m.TakerBps);
        I64(r, 120, m.BuybackRateBps); I64(r, 128, m.BuybackBudget); I64(r, 136, m.BoughtBack);
        I64(r, 144, m.BuybackOrder >= 0 ? _orders[m.BuybackOrder].Id : 0);
        I64(r, 152, m.Granted); I64(r, 160, m.Consumed); I64(r, 168, m.Expired); I64(r, 176, m.Retired);
        I32(r, 184, bids.Count);
        I32(r, 188, orders.Count);
        I32(r, 192, m.ClientIds.Count);

        for (int i = 0; i < m.Curve.TableCount; i++)
        {
            Span<byte> p = w.Take(CurvePointSize);
            I64(p, 0, m.Curve.TableX(i));
            I64(p, 8, m.Curve.TableD(i));
        }
        foreach (int index in bids) WriteOrder(w.Take(OrderSize), ref _orders[index]);
        foreach (int index in orders) WriteOrder(w.Take(OrderSize), ref _orders[index]);
        // Claims in the table's own order: a restored core looks them up, never walks them, so the
        // order carries no meaning. The order id field is 0 (version 1 wrote the claimant's): a live
        // claimant is the resting order with that account and client id, which the reader finds from
        // the order records, so the writer does not visit an order per claim.
        for (int i = 0; i < m.ClientIds.Capacity; i++)
        {
            if (!m.ClientIds.At(i, out int account, out long clientId, out _)) continue;
            Span<byte> c = w.Take(ClaimSize);
            I32(c, 0, account);
            I64(c, 8, clientId);
            I64(c, 16, 0);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteOrder(Span<byte> r, ref Order o)
    {
        I64(r, 0, o.Id); I64(r, 8, o.ClientId); I64(r, 16, o.Price); I64(r, 24, o.Remaining);
        I64(r, 32, o.HoldPerLot); I64(r, 40, o.ExpireAt); I64(r, 48, 0);
        I32(r, 56, o.Account); I32(r, 60, o.MakerBps); I32(r, 64, o.TakerBps);
        r[68] = (byte)o.Side;
        r[69] = (byte)o.Type;
        r[70] = (byte)o.Tif;
        r[71] = (byte)o.Stp;
        r[72] = o.IsBuyback ? BuybackFlag : (byte)0;
    }

    /// <summary>Every lots record, by account then market (the records the state hash writes under each account).</summary>
    private void WriteLots(ref SnapshotWriter w)
    {
        long count = 0;
        foreach (Account a in _accounts)
            foreach (Market m in _marketList) if (m.HasLots(a)) count++;
        I64(w.Take(8), 0, count);
        foreach (Account a in _accounts)
        {
            foreach (Market m in _marketList)
            {
                if (!m.HasLots(a)) continue;
                ref MarketLots l = ref m.LotsOf(a);
                Span<byte> r = w.Take(LotsSize);
                I32(r, 0, a.Id);
                I32(r, 4, m.Id);
                for (int origin = 0; origin < 4; origin++) I64(r, 8 + 8 * origin, l.Free[origin]);
                I64(r, 40, l.HeldAllocated);
                I64(r, 48, l.SellCounted);
            }
        }
    }

    /// <summary>Each account's open orders, oldest accepted first: the order mass cancel and freeze follow.</summary>
    private void WriteOrderLists(ref SnapshotWriter w)
    {
        int count = 0;
        foreach (Account? a in _accounts) if (a is not null && a.FirstOrder >= 0) count++;
        I32(w.Take(4), 0, count);
        foreach (Account? a in _accounts)
        {
            if (a is null || a.FirstOrder < 0) continue;
            int orders = 0;
            for (int i = a.FirstOrder; i >= 0; i = _orders[i].AccountNext) orders++;
            Span<byte> r = w.Take(8);
            I32(r, 0, a.Id);
            I32(r, 4, orders);
            for (int i = a.FirstOrder; i >= 0; i = _orders[i].AccountNext) I64(w.Take(8), 0, _orders[i].Id);
        }
    }

    /// <summary>Every API key, revoked ones included, by ascending key id (the state hash's order).</summary>
    private void WriteApiKeys(ref SnapshotWriter w)
    {
        List<ApiKeyRecord> keys = _apiKeys.Sorted();
        I32(w.Take(4), 0, keys.Count);
        foreach (ApiKeyRecord k in keys)
        {
            Span<byte> r = w.Take(ApiKeySize);
            r.Clear();
            I64(r, 0, k.KeyId);
            I32(r, 8, k.Account);
            r[12] = (byte)k.Role;
            r[13] = k.Revoked ? (byte)1 : (byte)0;
            I64(r, 16, k.Salt0);
            I64(r, 24, k.Salt1);
            I64(r, 32, k.Hash0);
            I64(r, 40, k.Hash1);
            I64(r, 48, k.Hash2);
            I64(r, 56, k.Hash3);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void I64(Span<byte> s, int offset, long value) => BinaryPrimitives.WriteInt64LittleEndian(s[offset..], value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void I32(Span<byte> s, int offset, int value) => BinaryPrimitives.WriteInt32LittleEndian(s[offset..], value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long I64(ReadOnlySpan<byte> s, int offset) => BinaryPrimitives.ReadInt64LittleEndian(s[offset..]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int I32(ReadOnlySpan<byte> s, int offset) => BinaryPrimitives.ReadInt32LittleEndian(s[offset..]);
}
