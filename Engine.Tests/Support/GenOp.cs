namespace TokenMatch.Tests.Support;

/// <summary>One generated operation: what to do and the seed of its parameters.</summary>
/// <param name="Kind">What to do.</param>
/// <param name="Seed">Seed of an <see cref="OpRandom"/> that draws the parameters.</param>
public readonly record struct GenOp(OpKind Kind, ulong Seed)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Kind}:{Seed:x}";
}
