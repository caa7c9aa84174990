namespace TokenMatch.Tests.Pipeline.Support;

/// <summary>What one stress consumer saw. Written only by that consumer's thread; read after it has ended.</summary>
internal sealed class StressVerifier(int producers)
{
    private readonly long[] _last = Enumerable.Repeat(-1L, producers).ToArray();

    /// <summary>Items consumed.</summary>
    public long Count { get; private set; }

    /// <summary>First problem seen, or null.</summary>
    public string? Error { get; private set; }

    /// <summary>Batches handled (to show batching happened).</summary>
    public long Batches { get; set; }

    /// <summary>Checks one item: each producer's values must come once each, in order.</summary>
    public void See(in StressItem item, bool mustBeSeenByFirst)
    {
        Count++;
        if ((uint)item.Producer >= (uint)_last.Length) { Error ??= $"Unknown producer {item.Producer}."; return; }
        if (item.Value != _last[item.Producer] + 1) Error ??= $"Producer {item.Producer}: {item.Value} after {_last[item.Producer]}.";
        _last[item.Producer] = item.Value;
        if (mustBeSeenByFirst && !item.SeenByFirst) Error ??= $"Producer {item.Producer} item {item.Value} overtook the first consumer.";
    }
}
