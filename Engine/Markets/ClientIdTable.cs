using System.Runtime.CompilerServices;

namespace TokenMatch.Markets;

/// <summary>
/// The client order ids claimed in one market this cycle: an open-addressing hash set of
/// (account, client id) with linear probing in one power-of-two array of 16-byte entries, no
/// per-entry object, no removal (a claim lasts the whole cycle, design.md). Each entry also keeps
/// the pool slot of the order that claimed the id; the slot is not cleared when the order ends, so
/// a lookup must check that the slot still holds a live order with this market, account and client
/// id (the claim's uniqueness makes that order the claimant). The table doubles when it is three
/// quarters full, so it costs 16 B per slot, 21–43 B per claimed id; sized from
/// <see cref="Core.CoreOptions.InitialClientIdCapacity"/> it never grows below that many claims, and
/// it is released when the market's cycle ends. Owned by the core thread.
/// </summary>
public sealed class ClientIdTable
{
    private struct Entry
    {
        public long ClientId; // 0 = empty slot (client id 0 means "none" and is never claimed)
        public int Account;
        public int Slot;
    }

    /// <summary>Bytes one table slot takes.</summary>
    public const int EntryBytes = 16;

    private readonly ulong _key;
    private Entry[] _entries;
    private int _mask;
    private int _count;
    private int _limit;
    private ulong _digest;

    /// <summary>
    /// A table that holds at least <paramref name="expected"/> claims before it grows. <paramref name="key"/>
    /// is mixed into the hash: output never depends on it, only the slots entries land in (and so the
    /// order in which a snapshot lists them).
    /// </summary>
    public ClientIdTable(int expected, ulong key = 0)
    {
        _key = key;
        _entries = new Entry[CapacityFor(expected)];
        _mask = _entries.Length - 1;
        _limit = _entries.Length / 4 * 3;
    }

    /// <summary>Claimed ids.</summary>
    public int Count => _count;

    /// <summary>
    /// Order-independent digest of the claimed set, kept as claims are added: the sum, wrapping
    /// modulo 2⁶⁴, of <see cref="ClaimDigest"/> over the claims (docs/state-hash.md).
    /// </summary>
    public ulong Digest => _digest;

    /// <summary>One claim's term of <see cref="Digest"/>: M(M(client id) + account), M being SplitMix64's finaliser.</summary>
    public static ulong ClaimDigest(int account, long clientId) => Mix(Mix((ulong)clientId) + (uint)account);

    /// <summary>Table slots (each <see cref="EntryBytes"/>); for enumeration with <see cref="At"/>.</summary>
    public int Capacity => _entries.Length;

    /// <summary>Smallest power-of-two slot count that keeps <paramref name="expected"/> claims at most three quarters full.</summary>
    public static int CapacityFor(int expected)
    {
        long needed = Math.Max(16, ((long)Math.Max(0, expected) * 4 + 2) / 3);
        if (needed > 1 << 30) needed = 1 << 30;
        return (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)needed);
    }

    /// <summary>True when (account, client id) is claimed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Contains(int account, long clientId) => Find(account, clientId) >= 0;

    /// <summary>The pool slot recorded with the claim (the caller checks the order there is still the claimant); false when unclaimed.</summary>
    public bool TryGetSlot(int account, long clientId, out int slot)
    {
        int i = Find(account, clientId);
        slot = i >= 0 ? _entries[i].Slot : -1;
        return i >= 0;
    }

    /// <summary>Records pool slot <paramref name="slot"/> with an existing claim (a restore, which reads claims before it knows their orders); false when unclaimed.</summary>
    public bool SetSlot(int account, long clientId, int slot)
    {
        int i = Find(account, clientId);
        if (i < 0) return false;
        _entries[i].Slot = slot;
        return true;
    }

    /// <summary>Claims (account, client id) for the order in pool slot <paramref name="slot"/>; false when already claimed (nothing changes).</summary>
    public bool TryAdd(int account, long clientId, int slot)
    {
        if (clientId == 0) throw new ArgumentOutOfRangeException(nameof(clientId), "client id 0 means none and cannot be claimed");
        if (_count >= _limit) Grow();
        int i = (int)Hash(account, clientId) & _mask;
        while (true)
        {
            ref Entry e = ref _entries[i];
            if (e.ClientId == 0)
            {
                e.ClientId = clientId;
                e.Account = account;
                e.Slot = slot;
                _count++;
                _digest += ClaimDigest(account, clientId);
                return true;
            }
            if (e.ClientId == clientId && e.Account == account) return false;
            i = (i + 1) & _mask;
        }
    }

    /// <summary>The claim in table slot <paramref name="i"/> (0 ≤ i &lt; <see cref="Capacity"/>); false when that slot is empty.</summary>
    public bool At(int i, out int account, out long clientId, out int slot)
    {
        ref Entry e = ref _entries[i];
        account = e.Account;
        clientId = e.ClientId;
        slot = e.Slot;
        return e.ClientId != 0;
    }

    /// <summary>Forgets every claim and gives the array back (the end of the cycle): a small table remains.</summary>
    public void Release()
    {
        _entries = new Entry[16];
        _mask = 15;
        _limit = 12;
        _count = 0;
        _digest = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Find(int account, long clientId)
    {
        if (clientId == 0) return -1;
        Entry[] entries = _entries;
        int i = (int)Hash(account, clientId) & _mask;
        while (true)
        {
            ref Entry e = ref entries[i];
            if (e.ClientId == clientId && e.Account == account) return i;
            if (e.ClientId == 0) return -1;
            i = (i + 1) & _mask;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong Hash(int account, long clientId)
    {
        // SplitMix64's finaliser over the client id and the key, then once more with the account:
        // both halves of the key reach every bit, so ids in a run or per-account patterns spread out.
        return Mix(Mix((ulong)clientId ^ _key) + (uint)account);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow()
    {
        Entry[] old = _entries;
        if (old.Length >= 1 << 30) throw new InvalidOperationException("client id table is at its largest size");
        _entries = new Entry[old.Length * 2];
        _mask = _entries.Length - 1;
        _limit = _entries.Length / 4 * 3;
        foreach (ref readonly Entry e in old.AsSpan())
        {
            if (e.ClientId == 0) continue;
            int i = (int)Hash(e.Account, e.ClientId) & _mask;
            while (_entries[i].ClientId != 0) i = (i + 1) & _mask;
            _entries[i] = e;
        }
    }
}
