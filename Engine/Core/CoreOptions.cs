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

    /// <summary>Good-till-time orders that may rest at once before the expiry queue grows (24 B each).</summary>
    public int InitialGoodTillTimeCapacity { get; init; } = 1 << 12;

    /// <summary>
    /// Mixed into the hash of each market's client id table (<see cref="Markets.ClientIdTable"/>). The
    /// core's output never depends on it; a host that takes client ids from untrusted clients should
    /// set a secret random value so that nobody can choose ids that collide in the table.
    /// </summary>
    public ulong ClientIdHashKey { get; init; }
}
