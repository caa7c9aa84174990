namespace TokenMatch.Formats.Lobster;

/// <summary>A row where the engine's book differs from the orderbook file.</summary>
/// <param name="Row">0-based message row.</param>
/// <param name="Message">The message applied just before the comparison.</param>
/// <param name="FileBook">The file's levels, as text.</param>
/// <param name="EngineBook">The engine's levels, as text.</param>
public sealed record ReplayMismatch(int Row, LobsterMessage Message, string FileBook, string EngineBook)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"row {Row} ({Message.Type} order {Message.OrderId}, size {Message.Size}, price {Message.Price}, " +
        $"{(Message.IsBuy ? "buy" : "sell")}):{Environment.NewLine}" +
        $"  file:   {FileBook}{Environment.NewLine}" +
        $"  engine: {EngineBook}";
}
