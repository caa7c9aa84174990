using TokenMatch.Pipeline;

namespace TokenMatch.Benchmarks.Pipeline;

/// <summary>A consumer that touches every slot (sums the values), so the ring benchmarks measure the ring, not the work.</summary>
internal struct SumHandler : IBatchHandler<long>
{
    /// <summary>The running sum (consumer thread).</summary>
    public long Sum;

    /// <inheritdoc/>
    public void OnBatch(RingBuffer<long> ring, long first, long last)
    {
        for (long s = first; s <= last; s++) Sum += ring[s];
    }

    /// <inheritdoc/>
    public readonly void OnAlert() { }
}
