using TokenMatch.Commands;

namespace TokenMatch.Client;

/// <summary>
/// Any engine command, field for field as the gateway's command message carries it (docs/protocol.md,
/// message 10; docs/command-script.md lists which fields each command type uses). Unused fields stay 0.
/// </summary>
public record struct CommandRequest(CommandType Type)
{
    public int Account { get; init; }
    public int Market { get; init; }
    public Side Side { get; init; }
    public OrderType OrderType { get; init; }
    public TimeInForce Tif { get; init; }
    public StpMode Stp { get; init; }
    public PriceKind PriceKind { get; init; }
    public byte Code { get; init; }
    public long OrderId { get; init; }
    public long ClientId { get; init; }
    public long Price { get; init; }
    public long Quantity { get; init; }
    public long Arg { get; init; }
    public long A0 { get; init; }
    public long A1 { get; init; }
    public long A2 { get; init; }
    public long A3 { get; init; }
    public long A4 { get; init; }
    public long A5 { get; init; }
    public long A6 { get; init; }
    public long A7 { get; init; }
}
