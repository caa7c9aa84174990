using FsCheck;
using FsCheck.Fluent;
using TokenMatch.Matching;
using TokenMatch.Tests.Support;

namespace TokenMatch.Tests.Matching;

/// <summary>
/// The order pool over random rents and returns, growth included: a rented slot is cleared (links −1,
/// everything else zero), never handed out twice while rented, keeps what is written into it until
/// returned (across growth), and <see cref="OrderPool.Count"/> is the number rented.
/// </summary>
public class OrderPoolProperties
{
    [FsCheck.NUnit.Property(MaxTest = 200)]
    public Property RentsClearedDistinctSlotsThatKeepTheirContents(ulong seed, PositiveInt capacity)
    {
        var r = new OpRandom(seed);
        var pool = new OrderPool(capacity.Get % 40);
        var rented = new Dictionary<int, long>();
        long stamp = 0;
        int steps = 50 + (int)r.Below(400);
        for (int step = 0; step < steps; step++)
        {
            if (rented.Count == 0 || r.Chance(60))
            {
                int slot = pool.Rent();
                ref Order o = ref pool[slot];
                if (rented.ContainsKey(slot)) return false.Label($"slot {slot} rented twice");
                if (o.Id != 0 || o.Remaining != 0 || o.Prev != -1 || o.Next != -1 || o.AccountPrev != -1 || o.AccountNext != -1 || o.IsBuyback)
                    return false.Label($"slot {slot} not cleared");
                o.Id = ++stamp;
                o.Remaining = stamp * 3;
                o.Next = 12345;
                rented[slot] = stamp;
            }
            else
            {
                int slot = rented.Keys.ElementAt((int)r.Below(rented.Count));
                rented.Remove(slot);
                pool.Return(slot);
            }
            if (pool.Count != rented.Count) return false.Label($"count {pool.Count}, rented {rented.Count}");
        }
        foreach (var (slot, id) in rented)
            if (pool[slot].Id != id || pool[slot].Remaining != id * 3) return false.Label($"slot {slot} lost its contents");
        return true.ToProperty();
    }
}
