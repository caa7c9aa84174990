namespace TokenMatch.Bench.Workloads;

/// <summary>
/// SplitMix64: a tiny, seeded pseudo-random sequence that is the same on every runtime and machine
/// (unlike <see cref="Random"/>, whose seeded algorithm is an implementation detail), so that a seed
/// names one workload forever. Integers only.
/// </summary>
public struct WorkloadRandom
{
    private ulong _state;

    /// <summary>Starts the sequence at <paramref name="seed"/>.</summary>
    public WorkloadRandom(ulong seed) => _state = seed;

    /// <summary>The next 64 random bits.</summary>
    public ulong NextBits()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A value in [0, <paramref name="bound"/>) (multiply-high reduction; the bias is below 2⁻³² and irrelevant here).</summary>
    public int Next(int bound) => (int)(((NextBits() >> 32) * (ulong)(uint)bound) >> 32);

    /// <summary>True with probability one half.</summary>
    public bool NextBool() => (NextBits() & 1) != 0;
}
