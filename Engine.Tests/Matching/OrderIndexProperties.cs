using FsCheck;
using FsCheck.Fluent;
using TokenMatch.Matching;
using TokenMatch.Tests.Support;

namespace TokenMatch.Tests.Matching;

/// <summary>
/// The order index against a <see cref="Dictionary{TKey, TValue}"/> in the engine's own pattern:
/// ids handed out in increasing order, removed mostly oldest-first or at random, looked up live and
/// dead, through several growths from a small table (OrderIndexTests covers small random id sets).
/// </summary>
public class OrderIndexProperties
{
    [FsCheck.NUnit.Property(MaxTest = 100)]
    public Property SequentialIdsBehaveLikeADictionary(ulong seed)
    {
        var r = new OpRandom(seed);
        var index = new OrderIndex(1);
        var reference = new Dictionary<long, int>();
        var live = new List<long>();
        long next = 1 + r.Below(1_000_000);
        int steps = 500 + (int)r.Below(5_000);
        for (int step = 0; step < steps; step++)
        {
            switch (r.Weighted([50, 20, 15, 15]))
            {
                case 0:
                    {
                        long id = next;
                        next += r.Chance(90) ? 1 : r.Between(2, 1_000);
                        int slot = (int)r.Below(1 << 20);
                        index.Add(id, slot);
                        reference[id] = slot;
                        live.Add(id);
                        break;
                    }
                case 1:
                case 2:
                    if (live.Count == 0) break;
                    {
                        int at = r.Chance(50) ? 0 : (int)r.Below(live.Count);
                        long id = live[at];
                        live.RemoveAt(at);
                        reference.Remove(id);
                        if (!index.Remove(id)) return false.Label($"remove {id} found nothing");
                        break;
                    }
                default:
                    {
                        long id = r.Chance(50) && live.Count > 0 ? live[(int)r.Below(live.Count)] : r.Between(-2, next + 5);
                        bool found = index.TryGetValue(id, out int slot);
                        bool expected = reference.TryGetValue(id, out int want);
                        if (found != expected || (found && slot != want)) return false.Label($"lookup {id}: {found}/{slot}, expected {expected}/{want}");
                        break;
                    }
            }
            if (index.Count != reference.Count) return false.Label($"count {index.Count}, expected {reference.Count}");
        }
        foreach (var (id, slot) in reference)
            if (!index.TryGetValue(id, out int s) || s != slot) return false.Label($"lost {id}");
        return true.ToProperty();
    }
}
