using TokenMatch.Matching;

namespace TokenMatch.Tests.Matching;

/// <summary>
/// What the random-operation properties of the fast structures reach only by chance: the order
/// index keeps the engine's id pattern out of its spill table (and empties it again), the pool hands
/// out exactly its slots before growing and exactly the new ones after, and the price bitmap's
/// searches cross words under one summary word and start from past its end.
/// </summary>
public class FastStructureBoundaryTests
{
    [Test]
    public void IncreasingIdsWithFewerLiveThanHalfTheTableNeverSpill()
    {
        var index = new OrderIndex(16);
        var live = new Queue<long>();
        long next = 1;
        for (int i = 0; i < 50_000; i++)
        {
            index.Add(next, i);
            live.Enqueue(next++);
            // 5,000 live at most, the oldest ending first: every id's cell was last held by an id that has ended.
            if (live.Count > 5_000) Assert.That(index.Remove(live.Dequeue()), Is.True);
        }
        Assert.That(index.Spilled, Is.Zero, "the table grew with the live orders, so no id found its cell taken");
        Assert.That(index.Count, Is.EqualTo(5_000));
        foreach (long id in live) Assert.That(index.TryGetValue(id, out _), Is.True, $"id {id}");
    }

    [Test]
    public void SpilledIdsLeaveTheSpillWhenTheyEnd()
    {
        var index = new OrderIndex(1_000);
        var random = new Random(5);
        var ids = new HashSet<long>();
        while (ids.Count < 400) ids.Add(random.NextInt64(1, long.MaxValue));
        int slot = 0;
        foreach (long id in ids) index.Add(id, slot++);
        Assert.That(index.Spilled, Is.GreaterThan(0), "random ids collide in a direct-mapped table");
        foreach (long id in ids) Assert.That(index.Remove(id), Is.True, $"id {id}");
        Assert.That(index.Spilled, Is.Zero);
        Assert.That(index.Count, Is.Zero);
        foreach (long id in ids) Assert.That(index.TryGetValue(id, out _), Is.False, $"id {id} after its removal");
    }

    [Test]
    public void ThePoolHandsOutExactlyItsSlotsThenExactlyTheNewOnes()
    {
        var pool = new OrderPool(16);
        var first = Enumerable.Range(0, 16).Select(_ => pool.Rent()).ToList();
        Assert.That(first.Order(), Is.EqualTo(Enumerable.Range(0, 16)), "the 16 pre-allocated slots, before any growth");
        var second = Enumerable.Range(0, 16).Select(_ => pool.Rent()).ToList();
        Assert.That(second.Order(), Is.EqualTo(Enumerable.Range(16, 16)), "after doubling, the 16 new slots");
        Assert.That(pool.Count, Is.EqualTo(32));
        foreach (int i in first.Concat(second)) pool.Return(i);
        Assert.That(pool.Count, Is.Zero);
        var again = Enumerable.Range(0, 32).Select(_ => pool.Rent()).ToList();
        Assert.That(again.Order(), Is.EqualTo(Enumerable.Range(0, 32)), "returned slots are reused, none lost");
    }

    [Test]
    public void SearchUpwardCrossesWordsUnderOneSummaryWordAndIntoTheNext()
    {
        var bits = new PriceBitmap(64 * 64 * 3);
        bits.Set(5 * 64 + 3);
        Assert.Multiple(() =>
        {
            Assert.That(bits.NextAtOrAbove(0), Is.EqualTo(5 * 64 + 3), "from the first word");
            Assert.That(bits.NextAtOrAbove(64 + 1), Is.EqualTo(5 * 64 + 3), "from inside the second word");
            Assert.That(bits.NextAtOrAbove(5 * 64 + 4), Is.EqualTo(-1), "nothing above");
        });
        bits.Set(64 * 64 + 10);
        Assert.That(bits.NextAtOrAbove(5 * 64 + 4), Is.EqualTo(64 * 64 + 10), "under the next summary word");
        Assert.That(bits.NextAtOrBelow(64 * 64 + 9), Is.EqualTo(5 * 64 + 3), "and back down across it");
    }

    [Test]
    public void SearchDownwardFromPastTheEndStartsAtTheTopLevel()
    {
        const int size = 1 << 20;
        var bits = new PriceBitmap(size);
        bits.Set(size - 1);
        bits.Set(7);
        Assert.Multiple(() =>
        {
            Assert.That(bits.NextAtOrBelow(int.MaxValue), Is.EqualTo(size - 1));
            Assert.That(bits.NextAtOrBelow(size), Is.EqualTo(size - 1));
            Assert.That(bits.NextAtOrBelow(size - 2), Is.EqualTo(7));
            Assert.That(bits.NextAtOrAbove(size), Is.EqualTo(-1));
        });
    }
}
