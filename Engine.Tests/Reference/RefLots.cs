namespace TokenMatch.Tests.Reference;

/// <summary>An account's lots in one market of the <see cref="ReferenceExchange"/>.</summary>
public sealed class RefLots
{
    /// <summary>Free lots by origin (allocated, trial, promo, acquired).</summary>
    public readonly long[] Free = new long[4];
    /// <summary>Allocated lots held by open sells.</summary>
    public long HeldAllocated;
    /// <summary>Sold plus open sell quantity this cycle.</summary>
    public long SellCounted;

    /// <summary>All free lots.</summary>
    public long TotalFree => Free.Sum();
}
