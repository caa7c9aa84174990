namespace TokenMatch.Matching;

/// <summary>One price level of the fast book: an intrusive FIFO of pool slots and its total.</summary>
public struct PriceLevel
{
    /// <summary>Oldest order, -1 when empty.</summary>
    public int Head;
    /// <summary>Newest order, -1 when empty.</summary>
    public int Tail;
    /// <summary>Orders at this level.</summary>
    public int Count;
    /// <summary>Sum of their remaining lots.</summary>
    public long Total;
}
