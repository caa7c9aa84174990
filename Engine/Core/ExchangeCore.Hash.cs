using System.Buffers.Binary;
using System.IO.Hashing;
using TokenMatch.Commands;
using TokenMatch.Ledger;
using TokenMatch.Markets;
using TokenMatch.Matching;

namespace TokenMatch.Core;

public sealed partial class ExchangeCore
{
    /// <summary>Version of the canonical encoding in docs/state-hash.md; bump it when the encoding changes.</summary>
    public const long StateHashVersion = 3;

    /// <summary>XxHash64 (seed 0) over the canonical state encoding of docs/state-hash.md.</summary>
    public ulong StateHash()
    {
        var w = new HashWriter();
        w.Long(0x48534D54); // "TMSH"
        w.Long(StateHashVersion);
        w.Long(_clock);
        w.Long(_desk.NextOrderId);
        w.Long(_ledger.MaxOpenOrders);
        foreach (long cap in _ledger.TierCaps) w.Long(cap);
        foreach (Origin origin in _ledger.ConsumeOrder) w.Long((long)origin);
        w.Long(_ledger.Provider);
        w.Long(_ledger.FeeAccount);
        w.Long(_ledger.TotalDeposits);

        w.Long(_marketList.Count);
        var orders = new List<int>();
        foreach (Market m in _marketList)
        {
            w.Long(m.Id); w.Long(m.SymbolLow); w.Long(m.SymbolHigh); w.Long((long)m.State);
            w.Long(m.LotSize); w.Long(m.Tick); w.Long(m.Face); w.Long(m.MinPrice); w.Long(m.MaxPrice);
            w.Long(m.MinQuantity); w.Long(m.MaxQuantity); w.Long(m.CycleStart); w.Long(m.CycleEnd);
            w.Long((long)m.Curve.Kind); w.Long(m.Curve.Floor); w.Long(m.Curve.HalfLife); w.Long(m.Curve.TableCount);
            for (int i = 0; i < m.Curve.TableCount; i++) { w.Long(m.Curve.TableX(i)); w.Long(m.Curve.TableD(i)); }
            w.Long(m.MakerBps); w.Long(m.TakerBps);
            w.Long(m.BuybackRateBps); w.Long(m.BuybackBudget); w.Long(m.BoughtBack);
            w.Long(m.BuybackOrder >= 0 ? _orders[m.BuybackOrder].Id : 0);
            w.Long(m.Granted); w.Long(m.Consumed); w.Long(m.Expired); w.Long(m.Retired);
            foreach (Side side in (ReadOnlySpan<Side>)[Side.Buy, Side.Sell])
            {
                orders.Clear();
                m.Book.CollectOrders(side, orders);
                w.Long(orders.Count);
                foreach (int index in orders) WriteOrder(ref w, ref _orders[index]);
            }
            // The claimed set by its count and order-independent digest, kept as ids are claimed.
            w.Long(m.ClientIds.Count);
            w.Long((long)m.ClientIds.Digest);
        }

        w.Long(_accounts.Count);
        foreach (Account a in _accounts)
        {
            w.Long(a.Id); w.Long((long)a.Tier); w.Long(a.Frozen ? 1 : 0); w.Long(a.Group); w.Long((long)a.StpDefault);
            w.Long(a.Available); w.Long(a.Held); w.Long(a.Spent); w.Long(a.OpenOrders);
            long lotsCount = 0;
            foreach (Market m in _marketList) if (m.HasLots(a)) lotsCount++;
            w.Long(lotsCount);
            foreach (Market m in _marketList)
            {
                if (!m.HasLots(a)) continue;
                ref MarketLots l = ref m.LotsOf(a);
                w.Long(m.Id);
                foreach (long free in l.Free) w.Long(free);
                w.Long(l.HeldAllocated); w.Long(l.SellCounted);
            }
            // Open orders of the account, oldest accepted first: the mass-cancel order.
            long count = 0;
            for (int i = a.FirstOrder; i >= 0; i = _orders[i].AccountNext) count++;
            w.Long(count);
            for (int i = a.FirstOrder; i >= 0; i = _orders[i].AccountNext) w.Long(_orders[i].Id);
        }

        List<ApiKeyRecord> keys = _apiKeys.Sorted();
        w.Long(keys.Count);
        foreach (ApiKeyRecord k in keys)
        {
            w.Long(k.KeyId); w.Long(k.Account); w.Long((long)k.Role); w.Long(k.Revoked ? 1 : 0);
            w.Long(k.Salt0); w.Long(k.Salt1); w.Long(k.Hash0); w.Long(k.Hash1); w.Long(k.Hash2); w.Long(k.Hash3);
        }
        return w.Finish();
    }

    private static void WriteOrder(ref HashWriter w, ref Order o)
    {
        w.Long(o.Id); w.Long(o.ClientId); w.Long(o.Account); w.Long((long)o.Side); w.Long((long)o.Type);
        w.Long((long)o.Tif); w.Long((long)o.Stp); w.Long(o.IsBuyback ? 1 : 0); w.Long(o.Price); w.Long(o.Remaining);
        w.Long(o.HoldPerLot); w.Long(o.MakerBps); w.Long(o.TakerBps); w.Long(o.ExpireAt);
    }

    /// <summary>Buffers little-endian 64-bit values and feeds them to XxHash64 a block at a time.</summary>
    private struct HashWriter
    {
        private readonly XxHash64 _hash;
        private readonly byte[] _buffer;
        private int _used;

        public HashWriter()
        {
            _hash = new XxHash64();
            _buffer = new byte[8192];
            _used = 0;
        }

        public void Long(long value)
        {
            if (_used == _buffer.Length)
            {
                _hash.Append(_buffer);
                _used = 0;
            }
            BinaryPrimitives.WriteInt64LittleEndian(_buffer.AsSpan(_used), value);
            _used += 8;
        }

        public ulong Finish()
        {
            _hash.Append(_buffer.AsSpan(0, _used));
            return _hash.GetCurrentHashAsUInt64();
        }
    }
}
