namespace TokenMatch.Tests.Support;

/// <summary>
/// SplitMix64 over one generated seed: the parameters of one generated operation. Deterministic and
/// independent of any other operation, so removing an operation while shrinking leaves the others as they were.
/// </summary>
public struct OpRandom
{
    // The one SplitMix64 of the project (the benchmark workload's, linked into the tests).
    private TokenMatch.Bench.Workloads.WorkloadRandom _bits;

    /// <summary>Starts the stream at <paramref name="seed"/>.</summary>
    public OpRandom(ulong seed) => _bits = new TokenMatch.Bench.Workloads.WorkloadRandom(seed);

    /// <summary>The next 64 random bits.</summary>
    public ulong NextBits() => _bits.NextBits();

    /// <summary>Uniform in [0, <paramref name="bound"/>) (0 when the bound is not positive).</summary>
    public long Below(long bound) => bound <= 0 ? 0 : (long)(NextBits() % (ulong)bound);

    /// <summary>Uniform in [<paramref name="low"/>, <paramref name="high"/>].</summary>
    public long Between(long low, long high) => low + Below(high - low + 1);

    /// <summary>True with probability <paramref name="percent"/> %.</summary>
    public bool Chance(int percent) => Below(100) < percent;

    /// <summary>One of <paramref name="items"/>, uniformly.</summary>
    public T Pick<T>(IReadOnlyList<T> items) => items[(int)Below(items.Count)];

    /// <summary>An index chosen with the given relative weights.</summary>
    public int Weighted(ReadOnlySpan<int> weights)
    {
        int total = 0;
        foreach (int w in weights) total += w;
        long roll = Below(total);
        for (int i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0) return i;
        }
        return weights.Length - 1;
    }
}
