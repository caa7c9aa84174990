using FsCheck;
using FsCheck.Fluent;
using TokenMatch.Core;
using TokenMatch.Tests.Support;

namespace TokenMatch.Tests.Core;

/// <summary>
/// The good-till-time heap against a sorted list over random pushes and pops (growth past its first
/// array included): it always surfaces the least (expiry, order id), ties in expiry by order id.
/// </summary>
public class GttQueueProperties
{
    [FsCheck.NUnit.Property(MaxTest = 200)]
    public Property PopsInExpiryThenIdOrder(ulong seed)
    {
        var r = new OpRandom(seed);
        var queue = new GttQueue();
        var reference = new SortedSet<(long At, long Id)>();
        long nextId = 1;
        int steps = 100 + (int)r.Below(1_500);
        for (int step = 0; step < steps; step++)
        {
            if (reference.Count == 0 || r.Chance(62))
            {
                // Few distinct times, so ties are common; ids not in time order (amends re-push old ids).
                long at = 1_000 + r.Below(r.Chance(50) ? 8 : 100_000);
                long id = r.Chance(20) && nextId > 1 ? r.Between(1, nextId - 1) : nextId++;
                if (reference.Contains((at, id))) continue;
                queue.Push(at, id);
                reference.Add((at, id));
            }
            else
            {
                var expected = reference.Min;
                if (queue.Peek() != expected) return false.Label($"peek {queue.Peek()}, expected {expected} at step {step}");
                queue.Pop();
                reference.Remove(expected);
            }
            if (queue.Count != reference.Count) return false.Label($"count {queue.Count}, expected {reference.Count}");
        }
        return true.ToProperty();
    }
}
