namespace TokenMatch.Tests.Pipeline.Support;

/// <summary>A ring slot for the sequencer stress tests.</summary>
internal struct StressItem
{
    /// <summary>Which producer wrote it.</summary>
    public int Producer;
    /// <summary>The producer's counter, from 0.</summary>
    public long Value;
    /// <summary>Set by the first consumer of a chain, checked by the second.</summary>
    public bool SeenByFirst;
}
