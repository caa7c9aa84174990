namespace TokenMatch.Ledger;

/// <summary>Four lot counts, one per <see cref="Commands.Origin"/>, laid out inline.</summary>
[System.Runtime.CompilerServices.InlineArray(4)]
public struct LotCounts
{
    private long _first;
}
