using TokenMatch.Commands;

namespace TokenMatch.Tests.Support;

/// <summary>A generated market's specification, as the generator's create-market command sends it.</summary>
/// <param name="Id">Market id.</param>
/// <param name="Symbol">Symbol.</param>
/// <param name="Tick">Tick (micro-credits).</param>
/// <param name="Face">Face value per lot.</param>
/// <param name="MinPrice">Lowest FTE price.</param>
/// <param name="MaxPrice">Highest FTE price.</param>
/// <param name="MinQuantity">Smallest order quantity.</param>
/// <param name="MaxQuantity">Largest order quantity.</param>
/// <param name="CycleStart">Cycle start (ns).</param>
/// <param name="CycleEnd">Cycle end (ns).</param>
public sealed record MarketSpec(int Id, string Symbol, long Tick, long Face, long MinPrice, long MaxPrice,
    long MinQuantity, long MaxQuantity, long CycleStart, long CycleEnd)
{
    /// <summary>Cycle length (ns).</summary>
    public long Length => CycleEnd - CycleStart;

    /// <summary>The create-market command for this spec.</summary>
    public Command Create(long timestamp) => Command.CreateMarket(timestamp, Id, Symbol, 1_000, Tick, Face,
        MinPrice, MaxPrice, MinQuantity, MaxQuantity, CycleStart, CycleEnd);
}
