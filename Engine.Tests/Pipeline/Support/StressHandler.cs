using TokenMatch.Pipeline;

namespace TokenMatch.Tests.Pipeline.Support;

/// <summary>A stress consumer: checks every item of each batch; the first of a chain marks them.</summary>
internal readonly struct StressHandler(StressVerifier verifier, bool isFirst, bool followsFirst) : IBatchHandler<StressItem>
{
    /// <inheritdoc/>
    public void OnBatch(RingBuffer<StressItem> ring, long first, long last)
    {
        verifier.Batches++;
        for (long s = first; s <= last; s++)
        {
            ref StressItem item = ref ring[s];
            verifier.See(in item, followsFirst);
            if (isFirst) item.SeenByFirst = true;
        }
    }

    /// <inheritdoc/>
    public void OnAlert() { }
}
