namespace TokenMatch.Core;

/// <summary>How to build an <see cref="ExchangeCore"/>.</summary>
public sealed class CoreOptions
{
    /// <summary>Events buffered before the core hands them to the sink within one command.</summary>
    public int EventBufferSize { get; init; } = 4096;

    /// <summary>Order slots allocated up front (the pool grows by doubling past it).</summary>
    public int InitialOrderCapacity { get; init; } = 1 << 16;

    /// <summary>Account slots allocated up front.</summary>
    public int InitialAccountCapacity { get; init; } = 1 << 12;

    /// <summary>Client order ids expected per cycle (pre-sizes the duplicate check).</summary>
    public int InitialClientIdCapacity { get; init; } = 1 << 16;
}
