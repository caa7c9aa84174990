using TokenMatch.Commands;

namespace TokenMatch.Client;

/// <summary>An order's status: the open order (null when it is not open) and the fills the gateway remembers for it.</summary>
public sealed record OrderStatus(ResultCode Code, OrderInfo? Open, IReadOnlyList<Fill> Fills);
