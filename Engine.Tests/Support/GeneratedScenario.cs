namespace TokenMatch.Tests.Support;

/// <summary>
/// A generated run: the setup variant (curves, accounts), the pace at which time advances per
/// operation (ns, mean), and the operations.
/// </summary>
/// <param name="Variant">Picks curves and account count (see <see cref="CommandInterpreter"/>).</param>
/// <param name="Pace">Mean clock advance per operation, in ns.</param>
/// <param name="Ops">The operations, in order.</param>
public sealed record GeneratedScenario(int Variant, long Pace, GenOp[] Ops)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"variant {Variant}, pace {Pace}, {Ops.Length} ops: [{string.Join(", ", Ops)}]";
}
