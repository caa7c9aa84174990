namespace TokenMatch.Surveillance.Simulation;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood): a tiny seeded generator whose sequence is fixed by its seed
/// on every machine and runtime, unlike <see cref="Random"/>'s unseeded forms. Integer only. Not thread-safe.
/// </summary>
public sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    /// <summary>The next 64 random bits.</summary>
    public ulong NextULong()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [<paramref name="min"/>, <paramref name="max"/>] (inclusive; max ≥ min).</summary>
    public long Between(long min, long max)
    {
        if (max < min) throw new ArgumentOutOfRangeException(nameof(max));
        ulong span = (ulong)(max - min) + 1;
        return span == 0 ? (long)NextULong() : min + (long)(NextULong() % span);
    }

    /// <summary>True with probability <paramref name="ppm"/> / 1,000,000.</summary>
    public bool Chance(long ppm) => (long)(NextULong() % 1_000_000) < ppm;
}
