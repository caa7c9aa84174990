using TokenMatch.Commands;
using TokenMatch.Markets;

namespace TokenMatch.Matching;

/// <summary>Placeholder until the reference book lands.</summary>
public sealed class NaiveOrderBook : IOrderBook
{
    /// <summary>Creates an empty book.</summary>
    public NaiveOrderBook(Market market, IBookHost host) { _ = market; _ = host; }
    /// <inheritdoc/>
    public int Count => throw new NotImplementedException();
    /// <inheritdoc/>
    public void Add(int order) => throw new NotImplementedException();
    /// <inheritdoc/>
    public bool CanFillWhole(in Taker taker) => throw new NotImplementedException();
    /// <inheritdoc/>
    public void CollectLevels(Side side, int levels, List<(long Price, long Quantity, int Orders)> into) => throw new NotImplementedException();
    /// <inheritdoc/>
    public void CollectOrders(Side side, List<int> into) => throw new NotImplementedException();
    /// <inheritdoc/>
    public bool Crosses(Side side, long limit) => throw new NotImplementedException();
    /// <inheritdoc/>
    public void Match(ref Taker taker) => throw new NotImplementedException();
    /// <inheritdoc/>
    public void Reduce(int order, long newRemaining) => throw new NotImplementedException();
    /// <inheritdoc/>
    public void Remove(int order) => throw new NotImplementedException();
    /// <inheritdoc/>
    public void ValidateInternalState() => throw new NotImplementedException();
}
