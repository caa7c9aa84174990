namespace TokenMatch.Core;

/// <summary>Token lots of one account in one market, by origin.</summary>
/// <param name="Market">Market id.</param>
/// <param name="Free">Free lots by origin (index = (int)<see cref="Commands.Origin"/>).</param>
/// <param name="HeldAllocated">Allocated lots held by open sells.</param>
/// <param name="SellCounted">Lots sold plus open sell quantity this cycle (the tier cap's count).</param>
public sealed record MarketLotsView(int Market, long[] Free, long HeldAllocated, long SellCounted);
