using FsCheck;
using FsCheck.Fluent;
using TokenMatch.Matching;
using TokenMatch.Tests.Support;

namespace TokenMatch.Tests.Matching;

/// <summary>
/// The two-level price bitmap against a <see cref="SortedSet{T}"/> of levels over random operations
/// (set, clear, next at or above, next at or below, is-set, emptiness) on sizes from 1 to 2²⁰ levels,
/// with levels drawn near word and summary-word boundaries (multiples of 64 and 4,096), anywhere, and
/// at the ends, so that searches cross empty summary words in both directions.
/// </summary>
public class PriceBitmapProperties
{
    private static readonly int[] Sizes = [1, 2, 63, 64, 65, 4_095, 4_096, 4_097, 8_193, 100_000, 262_145, 1 << 20];

    /// <summary>A level near something interesting: a word edge, a summary-word edge, the ends, or anywhere.</summary>
    private static int Level(ref OpRandom r, int size)
    {
        long i = r.Weighted([30, 25, 20, 25]) switch
        {
            0 => 64 * r.Below(size / 64 + 1) + r.Between(-2, 2),
            1 => 4_096 * r.Below(size / 4_096 + 1) + r.Between(-2, 2),
            2 => r.Chance(50) ? r.Below(3) : size - 1 - r.Below(3),
            _ => r.Below(size),
        };
        return (int)Math.Clamp(i, 0, size - 1);
    }

    /// <summary>Runs <paramref name="count"/> random operations on a bitmap of <paramref name="size"/> levels; null when all agree, else what differed.</summary>
    public static string? Run(int size, ulong seed, int count)
    {
        var r = new OpRandom(seed);
        var bits = new PriceBitmap(size);
        var set = new SortedSet<int>();
        for (int step = 0; step < count; step++)
        {
            int i = Level(ref r, size);
            switch (r.Weighted([30, 20, 20, 20, 5, 5]))
            {
                case 0:
                    bits.Set(i);
                    set.Add(i);
                    break;
                case 1:
                    // Clear mostly what is set, so that words and summary words empty again.
                    if (set.Count > 0 && r.Chance(70)) i = set.ElementAt((int)r.Below(set.Count));
                    bits.Clear(i);
                    set.Remove(i);
                    break;
                case 2:
                    {
                        int from = r.Chance(10) ? (int)r.Between(-3, size + 70) : i;
                        var above = set.GetViewBetween(Math.Max(0, from), int.MaxValue);
                        int expected = from >= size ? -1 : above.Count > 0 ? above.Min : -1;
                        if (bits.NextAtOrAbove(from) != expected) return $"NextAtOrAbove({from}) = {bits.NextAtOrAbove(from)}, expected {expected}; size {size}, {set.Count} set, step {step}";
                        break;
                    }
                case 3:
                    {
                        int from = r.Chance(10) ? (int)r.Between(-3, size + 70) : i;
                        int expected = from < 0 ? -1 : set.GetViewBetween(int.MinValue, Math.Min(from, size - 1)) is { Count: > 0 } below ? below.Max : -1;
                        if (bits.NextAtOrBelow(from) != expected) return $"NextAtOrBelow({from}) = {bits.NextAtOrBelow(from)}, expected {expected}; size {size}, {set.Count} set, step {step}";
                        break;
                    }
                case 4:
                    if (bits.IsSet(i) != set.Contains(i)) return $"IsSet({i}) = {bits.IsSet(i)}; size {size}, step {step}";
                    break;
                default:
                    // Empty means both searches from the ends find nothing.
                    bool empty = bits.NextAtOrAbove(0) < 0 && bits.NextAtOrBelow(size - 1) < 0;
                    if (empty != (set.Count == 0)) return $"empty = {empty} with {set.Count} set; size {size}, step {step}";
                    break;
            }
        }
        return null;
    }

    [Test]
    public void AgreesWithASortedSetOnEverySize([ValueSource(nameof(Sizes))] int size)
    {
        for (ulong seed = 1; seed <= (ulong)(20 * CommandGenerators.Multiplier); seed++)
        {
            string? failure = Run(size, seed * 7919 + (ulong)size, 600);
            Assert.That(failure, Is.Null, $"seed {seed}");
        }
    }

    [FsCheck.NUnit.Property(MaxTest = 100)]
    public Property AgreesWithASortedSetOnRandomSizes(ulong sizeSeed, ulong seed)
    {
        // FsCheck's integers are sized (small): the size and the operations come from SplitMix64 over them.
        ulong bits = new OpRandom(sizeSeed).NextBits();
        int size = 1 + (int)(bits % (bits % 4 == 0 ? 5_000UL : 1UL << 20));
        string? failure = Run(size, new OpRandom(seed ^ 0x5DEECE66DUL).NextBits(), 300);
        return (failure is null).Label(failure ?? "");
    }

    /// <summary>Two levels far apart with nothing between: each finds the other across many empty summary words, both ways.</summary>
    [Test]
    public void SearchesCrossEmptySummaryWords()
    {
        int size = 1 << 20;
        foreach (var (low, high) in new[] { (0, size - 1), (5, 4_096 * 3 + 1), (4_095, 4_096), (70_000, 900_000) })
        {
            var bits = new PriceBitmap(size);
            bits.Set(low);
            bits.Set(high);
            Assert.Multiple(() =>
            {
                Assert.That(bits.NextAtOrAbove(low + 1), Is.EqualTo(high), $"above {low}");
                Assert.That(bits.NextAtOrBelow(high - 1), Is.EqualTo(low), $"below {high}");
                Assert.That(bits.NextAtOrAbove(high + 1), Is.EqualTo(-1));
                Assert.That(bits.NextAtOrBelow(low - 1), Is.EqualTo(-1));
            });
        }
    }
}
