using FsCheck;
using FsCheck.Fluent;
using TokenMatch.Matching;

namespace TokenMatch.Tests.Matching;

/// <summary>The open-addressing order index behaves like a dictionary under any mix of adds, removes and lookups.</summary>
public class OrderIndexTests
{
    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property BehavesLikeADictionary(int[] ops, int seed)
    {
        var index = new OrderIndex(4);
        var reference = new Dictionary<long, int>();
        var random = new Random(seed);
        bool ok = true;
        foreach (int op in ops)
        {
            // Ids from a small range so that removals, re-adds and probe collisions are common.
            long id = 1 + random.Next(64) + (op % 3 == 0 ? 1L << 40 : 0);
            switch (Math.Abs(op % 4))
            {
                case 0:
                case 1:
                    if (!reference.ContainsKey(id))
                    {
                        index.Add(id, op);
                        reference[id] = op;
                    }
                    break;
                case 2:
                    ok &= index.Remove(id) == reference.Remove(id);
                    break;
                default:
                    ok &= index.TryGetValue(id, out int slot) == reference.TryGetValue(id, out int expected) && slot == (reference.ContainsKey(id) ? expected : -1);
                    break;
            }
            ok &= index.Count == reference.Count;
        }
        foreach (var (id, slot) in reference) ok &= index.TryGetValue(id, out int got) && got == slot;
        return ok.ToProperty();
    }

    [FsCheck.NUnit.Property(MaxTest = 100)]
    public Property LongRunsOfSequentialIdsStayConsistent(int seed, byte spanSeed)
    {
        // Ids handed out in sequence fill long runs of neighbouring cells; some far ids wrap onto the
        // same cells. Removing in random order must keep every other id findable.
        var random = new Random(seed);
        int span = 500 + spanSeed * 20;
        var index = new OrderIndex(16);
        var live = new List<long>();
        for (long id = 1; id <= span; id++)
        {
            long key = random.Next(10) == 0 ? id + (1L << 20) : id;
            index.Add(key, (int)id);
            live.Add(key);
        }
        bool ok = true;
        while (live.Count > 0)
        {
            int at = random.Next(live.Count);
            ok &= index.Remove(live[at]);
            live.RemoveAt(at);
            if (live.Count % 97 == 0)
                foreach (long key in live) ok &= index.TryGetValue(key, out int slot) && slot == (int)(key & ((1L << 20) - 1));
            ok &= index.Count == live.Count;
        }
        return ok.ToProperty();
    }

    [Test]
    public void NonPositiveIdsAreNeverFound()
    {
        var index = new OrderIndex(4);
        index.Add(1, 7);
        Assert.That(index.TryGetValue(0, out _), Is.False);
        Assert.That(index.TryGetValue(-1, out _), Is.False);
        Assert.That(index.Remove(0), Is.False);
    }
}
