using FsCheck;
using FsCheck.Fluent;
using TokenMatch.Core;
using TokenMatch.Tests.Support;

namespace TokenMatch.Tests.Core;

/// <summary>
/// The indexed good-till-time heap against a model (a dictionary slot → (expiry, order id) and a
/// sorted set of the same entries) over random sets, moves, removals and pops, starting from
/// arrays of 16 so that both the heap and the slot index grow: it always surfaces the least
/// (expiry, order id), ties in expiry by order id, holds exactly the queued slots, and an order
/// taken out never surfaces again.
/// </summary>
public class GttQueueProperties
{
    [FsCheck.NUnit.Property(MaxTest = 200)]
    public Property BehavesLikeASortedSetOfLiveOrders(ulong seed)
    {
        var r = new OpRandom(seed);
        var queue = new GttQueue(capacity: 16, slots: 16);
        var bySlot = new Dictionary<int, (long At, long Id)>();
        var sorted = new SortedSet<(long At, long Id, int Slot)>();
        long nextId = 1;
        int slots = 8 + (int)r.Below(r.Chance(50) ? 40 : 600);
        int steps = 100 + (int)r.Below(1_500);
        for (int step = 0; step < steps; step++)
        {
            int op = r.Weighted([45, 15, 20, 20]);
            int slot = (int)r.Below(slots);
            // Few distinct times, so ties are common.
            long at = 1_000 + r.Below(r.Chance(50) ? 8 : 100_000);
            switch (op)
            {
                case 0: // an order rests in the slot (a new order if the slot is free)
                case 1: // an amend: the same order (same id) moves to another time
                    long id;
                    if (bySlot.TryGetValue(slot, out var old))
                    {
                        id = old.Id;
                        sorted.Remove((old.At, old.Id, slot));
                    }
                    else if (op == 1) continue;
                    else id = nextId++;
                    queue.Set(slot, at, id);
                    bySlot[slot] = (at, id);
                    sorted.Add((at, id, slot));
                    break;
                case 2: // the order ends before its time (or the slot is not queued)
                    if (bySlot.Remove(slot, out var gone)) sorted.Remove((gone.At, gone.Id, slot));
                    queue.Remove(slot);
                    break;
                default: // the least expiry comes due
                    if (sorted.Count == 0) continue;
                    var min = sorted.Min;
                    if (queue.Peek() != min) return false.Label($"peek {queue.Peek()}, expected {min} at step {step}");
                    queue.Pop();
                    sorted.Remove(min);
                    bySlot.Remove(min.Slot);
                    break;
            }
            if (queue.Count != sorted.Count) return false.Label($"count {queue.Count}, expected {sorted.Count} at step {step}");
            if (sorted.Count > 0 && queue.Peek() != sorted.Min) return false.Label($"peek {queue.Peek()}, expected {sorted.Min} at step {step}");
            if (queue.Contains(slot) != bySlot.ContainsKey(slot)) return false.Label($"contains({slot}) wrong at step {step}");
        }
        // Drain: everything queued surfaces once, in order.
        while (sorted.Count > 0)
        {
            var min = sorted.Min;
            if (queue.Peek() != min) return false.Label($"drain: peek {queue.Peek()}, expected {min}");
            queue.Pop();
            sorted.Remove(min);
        }
        return (queue.Count == 0).Label("empty after the drain");
    }

    [Test]
    public void CapacityIsPreallocatedAndGrowsOnlyPastIt()
    {
        var queue = new GttQueue(capacity: 64, slots: 64);
        Assert.That(queue.Capacity, Is.EqualTo(64));
        for (int i = 0; i < 64; i++) queue.Set(i, 1_000 + i, i + 1);
        Assert.That(queue.Capacity, Is.EqualTo(64));
        queue.Set(64, 5, 65);
        Assert.That(queue.Capacity, Is.EqualTo(128));
        Assert.That(queue.Peek(), Is.EqualTo((5L, 65L, 64)));
    }
}
