namespace TokenMatch.Commands;

/// <summary>Self-trade prevention mode, decided by the incoming order.</summary>
public enum StpMode : byte
{
    /// <summary>The account's default (cancel-newest unless set).</summary>
    Default = 0,
    /// <summary>Orders of one owner group trade with each other.</summary>
    None = 1,
    /// <summary>Cancel the incoming remainder.</summary>
    CancelNewest = 2,
    /// <summary>Cancel the resting order, go on matching.</summary>
    CancelOldest = 3,
    /// <summary>Cancel both.</summary>
    CancelBoth = 4,
    /// <summary>Reduce both by the smaller quantity, cancel whichever reaches zero.</summary>
    DecrementAndCancel = 5,
}
