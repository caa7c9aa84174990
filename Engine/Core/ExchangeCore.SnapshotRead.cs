using System.Buffers.Binary;
using TokenMatch.Commands;
using TokenMatch.Ledger;
using TokenMatch.Markets;
using TokenMatch.Matching;
using static TokenMatch.Core.SnapshotDescriptor;

namespace TokenMatch.Core;

public sealed partial class ExchangeCore
{
    /// <summary>
    /// Builds a core from a payload written by <see cref="WriteSnapshot"/>: the same state hash, and
    /// from then on the same events and state for every command as the core that wrote it.
    /// <see cref="LastSequence"/> is the sequence the snapshot was taken after. A payload that is
    /// not a snapshot, is cut short, holds values no core could have, or is inconsistent (holds
    /// that do not match the orders, say) is refused with an <see cref="InvalidDataException"/>
    /// saying what is wrong and where; a payload of a newer format version is refused with a
    /// message saying so. Unless <paramref name="checkInvariants"/> is false, the whole state is also
    /// checked (<see cref="ValidateInternalState"/>, about two thirds of the restore time) before it
    /// is returned; skip that only for a payload whose checksum the caller has verified.
    /// </summary>
    public static ExchangeCore ReadSnapshot(ReadOnlySpan<byte> payload, CoreOptions? options = null, bool checkInvariants = true)
    {
        var reader = new SnapshotReader(payload);
        ReadOnlySpan<byte> h = reader.Take(HeaderSize, "the header");
        uint magic = BinaryPrimitives.ReadUInt32LittleEndian(h[MagicOffset..]);
        if (magic != Magic) Damaged($"it does not start with the snapshot magic \"TMSS\" (found 0x{magic:X8})");
        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(h[VersionOffset..]);
        if (version > SnapshotDescriptor.Version)
        {
            throw new InvalidDataException(
                $"Snapshot payload format version {version} is newer than this engine reads (up to {SnapshotDescriptor.Version}); restore it with a newer TokenMatch.");
        }
        if (version == 0) Damaged("its format version is 0");
        if (BinaryPrimitives.ReadUInt16LittleEndian(h[HeaderSizeOffset..]) != HeaderSize) Damaged($"its header size is not {HeaderSize}");

        var core = new ExchangeCore(options);
        // Restoring replays the create commands (their checks are the snapshot's too); nobody reads their events.
        core._events.BeginDiscarded();
        try
        {
            core.Restore(ref reader, h, checkInvariants);
        }
        finally
        {
            core._events.EndDiscarded();
        }
        return core;
    }

    private void Restore(ref SnapshotReader reader, ReadOnlySpan<byte> h, bool checkInvariants)
    {
        long lastSequence = I64(h, LastSequenceOffset);
        long clock = I64(h, ClockOffset);
        long nextOrderId = I64(h, NextOrderIdOffset);
        int marketCount = I32(h, MarketCountOffset);
        int accountCount = I32(h, AccountCountOffset);
        long resting = I64(h, RestingOrdersOffset);
        if (lastSequence < -1 || nextOrderId < 1) Damaged("the header holds a negative sequence or order id");
        if ((uint)marketCount > MaxMarkets) Damaged($"it claims {marketCount} markets");
        reader.CheckCount(accountCount, AccountSize, "accounts");
        _desk.NextOrderId = nextOrderId;

        ReadOnlySpan<byte> s = reader.Take(SettingsSize, "the engine settings");
        _ledger.MaxOpenOrders = I64(s, 0);
        for (int i = 0; i < 3; i++) _ledger.TierCaps[i] = I64(s, 8 + 8 * i);
        if (_ledger.MaxOpenOrders < 0 || _ledger.TierCaps[0] < 0 || _ledger.TierCaps[1] < 0 || _ledger.TierCaps[2] < 0) Damaged("a limit in the settings is negative");
        if (_ledger.SetConsumeOrder([s[32], s[33], s[34], s[35]]) != ResultCode.Ok) Damaged("the consumption order is not a permutation of the four origins");
        int provider = I32(s, 40), feeAccount = I32(s, 44);
        _ledger.TotalDeposits = I64(s, 48);

        int previous = -1;
        for (int i = 0; i < accountCount; i++) previous = ReadAccount(reader.Take(AccountSize, "an account"), previous, reader.Position);
        if (provider != -1 && AccountOrNull(provider) is null || feeAccount != -1 && AccountOrNull(feeAccount) is null)
            Damaged($"the provider ({provider}) or fee account ({feeAccount}) is not an account");
        _ledger.Provider = provider;
        _ledger.FeeAccount = feeAccount;

        long restored = 0;
        previous = -1;
        for (int i = 0; i < marketCount; i++)
        {
            Market m = ReadMarket(ref reader, previous);
            previous = m.Id;
            restored += m.Book.Count;
        }
        if (restored != resting) Damaged($"the header counts {resting} resting orders, the books hold {restored}");
        ReadLots(ref reader);
        ReadOrderLists(ref reader);
        ReadApiKeys(ref reader);
        uint trailer = BinaryPrimitives.ReadUInt32LittleEndian(reader.Take(4, "the trailer"));
        if (trailer != TrailerMagic) Damaged($"the trailer at offset {reader.Position - 4} is not \"TMSE\"");
        if (reader.Remaining != 0) Damaged($"{reader.Remaining} bytes follow the trailer");

        _events.Sequence = lastSequence;
        _clock = clock;
        _lifecycle.RecomputeNextMarketEnd();
        if (!checkInvariants) return;
        try
        {
            ValidateInternalState();
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidDataException($"Snapshot payload inconsistent: {e.Message}.", e);
        }
    }

    private int ReadAccount(ReadOnlySpan<byte> r, int previous, int end)
    {
        int id = I32(r, 0);
        if (id <= previous) Damaged($"account {id} (record ending at offset {end}) is out of ascending order");
        if (_ledger.CreateAccount(id, r[4]) != ResultCode.Ok) Damaged($"account {id} (record ending at offset {end}) has an invalid id or tier");
        Account a = _accounts.Get(id);
        if (r[5] > 1 || r[6] is < (byte)StpMode.None or > (byte)StpMode.DecrementAndCancel)
            Damaged($"account {id} has an invalid frozen flag or self-trade mode");
        a.Frozen = r[5] == 1;
        a.StpDefault = (StpMode)r[6];
        a.Group = I64(r, 8);
        a.Available = I64(r, 16);
        a.Held = I64(r, 24);
        a.Spent = I64(r, 32);
        // The open-order count is rebuilt by linking the orders; the written one is checked against it.
        _scratch.Add(I32(r, 40));
        return id;
    }

    private Market ReadMarket(ref SnapshotReader reader, int previous)
    {
        ReadOnlySpan<byte> r = reader.Take(MarketSize, "a market");
        int id = I32(r, 0);
        string at = $"market {id} (record ending at offset {reader.Position})";
        if (id <= previous) Damaged($"{at} is out of ascending order");
        // The record's specification put into a create-market slot (CommandLayout draws which field is
        // which: symbol in OrderId and ClientId, lot size .. cycle start in A0..A7, cycle end in Quantity),
        // so that a restored market passes exactly the checks of a created one.
        var create = new Command
        {
            Type = CommandType.CreateMarket, Market = id, OrderId = I64(r, 8), ClientId = I64(r, 16),
            A0 = I64(r, 24), A1 = I64(r, 32), A2 = I64(r, 40), A3 = I64(r, 48), A4 = I64(r, 56), A5 = I64(r, 64),
            A6 = I64(r, 72), A7 = I64(r, 80), Quantity = I64(r, 88),
        };
        if (_lifecycle.CreateMarket(ref create) != ResultCode.Ok) Damaged($"{at} has an invalid id or specification");
        Market m = _markets[id]!;

        if (r[4] > (byte)MarketState.Expired) Damaged($"{at} has an invalid state");
        var kind = (CurveKind)r[5];
        int points = BinaryPrimitives.ReadUInt16LittleEndian(r[6..]);
        long floor = I64(r, 96), halfLife = I64(r, 104);
        if (!DecayCurve.IsValid(kind, floor, halfLife) || points > DecayCurve.MaxTablePoints || points > 0 && kind != CurveKind.Table)
            Damaged($"{at} has an invalid decay curve");
        m.Curve.Set(kind, floor, halfLife);
        for (int i = 0; i < points; i++)
        {
            ReadOnlySpan<byte> p = reader.Take(CurvePointSize, "a curve point");
            long x = I64(p, 0), d = I64(p, 8);
            if (x is < 0 or > DecayCurve.Full || d is < 0 or > DecayCurve.Full) Damaged($"{at} has a curve point out of range");
            m.Curve.TryAddPoint(x, d);
        }
        m.ResetDecayCache();
        m.State = (MarketState)r[4];
        // Opening checks the table; a pre-open market may expire with a table still being written.
        if (m.State is MarketState.Open or MarketState.Halted && !m.Curve.IsTableValid()) Damaged($"{at} is open or halted with an invalid table curve");

        m.MakerBps = I32(r, 112);
        m.TakerBps = I32(r, 116);
        m.BuybackRateBps = I64(r, 120);
        m.BuybackBudget = I64(r, 128);
        m.BoughtBack = I64(r, 136);
        long buybackId = I64(r, 144);
        m.Granted = I64(r, 152);
        m.Consumed = I64(r, 160);
        m.Expired = I64(r, 168);
        m.Retired = I64(r, 176);
        if (m.MakerBps is < 0 or > 1_000 || m.TakerBps is < 0 or > 1_000 || m.BuybackRateBps is < 0 or > 10_000 || m.BuybackBudget < 0)
            Damaged($"{at} has fees or buyback settings out of range");

        int bids = I32(r, 184), asks = I32(r, 188), claims = I32(r, 192);
        var claimants = new List<int>(); // restored orders with a client id: each must find its claim
        reader.CheckCount(bids, OrderSize, $"bids of market {id}");
        for (int i = 0; i < bids; i++) ReadOrder(reader.Take(OrderSize, "a bid"), m, Side.Buy, buybackId, reader.Position, claimants);
        reader.CheckCount(asks, OrderSize, $"asks of market {id}");
        for (int i = 0; i < asks; i++) ReadOrder(reader.Take(OrderSize, "an ask"), m, Side.Sell, buybackId, reader.Position, claimants);
        if (buybackId != 0 && m.BuybackOrder < 0) Damaged($"{at} names buyback bid {buybackId}, which is not among its bids");

        reader.CheckCount(claims, ClaimSize, $"claimed client ids of market {id}");
        // An expired market holds no claims (they are released at the cycle's end; version 1 kept them).
        if (m.State == MarketState.Expired) m.ClientIds.Release();
        else if (claims > _options.InitialClientIdCapacity) m.ClientIds = new ClientIdTable(claims, _options.ClientIdHashKey);
        for (int i = 0; i < claims; i++)
        {
            ReadOnlySpan<byte> c = reader.Take(ClaimSize, "a claimed client id");
            int account = I32(c, 0);
            long clientId = I64(c, 8), orderId = I64(c, 16);
            // Version 1 wrote the claimant's order id (even after it had ended), version 2 writes 0;
            // either way the live claimants are found from the order records below.
            if (AccountOrNull(account) is null || clientId == 0 || orderId < 0 || orderId >= _desk.NextOrderId
                || m.State != MarketState.Expired && !m.ClientIds.TryAdd(account, clientId, -1))
                Damaged($"a claimed client id of market {id} (ending at offset {reader.Position}) is invalid or repeated");
        }
        foreach (int index in claimants)
        {
            ref Order o = ref _orders[index];
            if (!m.ClientIds.SetSlot(o.Account, o.ClientId, index))
                Damaged($"resting order {o.Id} of market {id} has client id {o.ClientId}, which the market's claims do not hold");
        }
        return m;
    }

    private void ReadOrder(ReadOnlySpan<byte> r, Market m, Side side, long buybackId, int end, List<int> claimants)
    {
        long id = I64(r, 0);
        if (id <= 0 || id >= _desk.NextOrderId || _orderIndex.TryGetValue(id, out _)) Damaged($"order {id} of market {m.Id} (record ending at offset {end}) has an invalid or repeated id");
        int index = _orders.Rent();
        ref Order o = ref _orders[index];
        o.Id = id;
        o.ClientId = I64(r, 8);
        o.Price = I64(r, 16);
        o.Remaining = I64(r, 24);
        o.HoldPerLot = I64(r, 32);
        o.ExpireAt = I64(r, 40);
        o.Account = I32(r, 56);
        o.MakerBps = I32(r, 60);
        o.TakerBps = I32(r, 64);
        o.Market = m.Id;
        o.Side = (Side)r[68];
        o.Type = (OrderType)r[69];
        o.Tif = (TimeInForce)r[70];
        o.Stp = (StpMode)r[71];
        o.IsBuyback = (r[72] & BuybackFlag) != 0;
        _orderIndex.Add(id, index);

        bool valid = o.Side == side && AccountOrNull(o.Account) is not null
            && o.Price >= m.MinPrice && o.Price <= m.MaxPrice && (o.Price - m.MinPrice) % m.Tick == 0
            && o.Remaining > 0 && o.HoldPerLot >= 0 && (side == Side.Buy || o.HoldPerLot == 0)
            && o.MakerBps is >= 0 and <= 1_000 && o.TakerBps is >= 0 and <= 1_000
            && o.Type is OrderType.Limit or OrderType.PostOnly
            && (o.Tif == TimeInForce.GoodTillTime ? o.ExpireAt > 0 : o.Tif == TimeInForce.GoodTillCycle && o.ExpireAt == 0)
            && o.Stp is >= StpMode.None and <= StpMode.DecrementAndCancel
            && (r[72] & ~BuybackFlag) == 0
            && o.IsBuyback == (id == buybackId) && (!o.IsBuyback || side == Side.Buy && o.Account == _ledger.Provider);
        if (!valid) Damaged($"order {id} of market {m.Id} (record ending at offset {end}) holds values no resting order can have");
        if (o.IsBuyback) m.BuybackOrder = index;
        else if (o.ClientId != 0) claimants.Add(index);
        m.Book.Add(index);
        if (o.Tif == TimeInForce.GoodTillTime) _gtt.Set(index, o.ExpireAt, id);
    }

    private void ReadLots(ref SnapshotReader reader)
    {
        long count = BinaryPrimitives.ReadInt64LittleEndian(reader.Take(8, "the lots count"));
        reader.CheckCount(count, LotsSize, "lots records");
        for (long i = 0; i < count; i++)
        {
            ReadOnlySpan<byte> r = reader.Take(LotsSize, "a lots record");
            int account = I32(r, 0), market = I32(r, 4);
            Market? m = MarketOrNull(market);
            Account? a = AccountOrNull(account);
            if (a is null || m is null || m.HasLots(a))
                Damaged($"the lots record ending at offset {reader.Position} names an unknown account or market, or repeats one");
            ref MarketLots l = ref m!.LotsOf(a!);
            for (int origin = 0; origin < 4; origin++) l.Free[origin] = I64(r, 8 + 8 * origin);
            l.HeldAllocated = I64(r, 40);
            l.SellCounted = I64(r, 48);
        }
    }

    private void ReadOrderLists(ref SnapshotReader reader)
    {
        int count = BinaryPrimitives.ReadInt32LittleEndian(reader.Take(4, "the open-order list count"));
        reader.CheckCount(count, 8, "open-order lists");
        for (int i = 0; i < count; i++)
        {
            ReadOnlySpan<byte> r = reader.Take(8, "an open-order list");
            int id = I32(r, 0), orders = I32(r, 4);
            Account? account = AccountOrNull(id);
            if (account is null || account.FirstOrder >= 0) Damaged($"the open-order list ending at offset {reader.Position} names an unknown or repeated account {id}");
            reader.CheckCount(orders, 8, $"open orders of account {id}");
            for (int k = 0; k < orders; k++)
            {
                long orderId = BinaryPrimitives.ReadInt64LittleEndian(reader.Take(8, "an open order id"));
                // Linked once only: an order already in a list has a successor or is its list's last.
                if (!_orderIndex.TryGetValue(orderId, out int index) || _orders[index].Account != id || _orders[index].IsBuyback
                    || _orders[index].AccountNext >= 0 || account!.LastOrder == index)
                    Damaged($"account {id}'s open order {orderId} (ending at offset {reader.Position}) is not a resting order of it, or is listed twice");
                _desk.LinkToAccount(account!, index);
            }
        }
        // Each account's written open-order count, in account order (kept by ReadAccount).
        int n = 0;
        foreach (Account? a in _accounts)
        {
            if (a is null) continue;
            if (a.OpenOrders != _scratch[n++]) Damaged($"account {a.Id} counts {_scratch[n - 1]} open orders, its list holds {a.OpenOrders}");
        }
        _scratch.Clear();
    }

    private void ReadApiKeys(ref SnapshotReader reader)
    {
        int count = BinaryPrimitives.ReadInt32LittleEndian(reader.Take(4, "the API key count"));
        reader.CheckCount(count, ApiKeySize, "API keys");
        long previous = 0;
        for (int i = 0; i < count; i++)
        {
            ReadOnlySpan<byte> r = reader.Take(ApiKeySize, "an API key");
            long keyId = I64(r, 0);
            int account = I32(r, 8);
            if (keyId <= previous || AccountOrNull(account) is null || r[12] is < (byte)Role.Trader or > (byte)Role.MarketData || r[13] > 1)
                Damaged($"the API key record ending at offset {reader.Position} is out of order, names an unknown account or holds an invalid role or flag");
            previous = keyId;
            _apiKeys.Add(new ApiKeyRecord(keyId, account, (Role)r[12], I64(r, 16), I64(r, 24), I64(r, 32), I64(r, 40),
                I64(r, 48), I64(r, 56), Revoked: r[13] == 1));
        }
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void Damaged(string what) => throw new InvalidDataException($"Snapshot payload damaged: {what}.");
}
