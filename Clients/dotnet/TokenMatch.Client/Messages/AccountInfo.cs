using TokenMatch.Commands;

namespace TokenMatch.Client;

/// <summary>An account's balances (micro-credits) and settings.</summary>
public sealed record AccountInfo(ResultCode Code, int Account, Tier Tier, bool Frozen, long Group, long Available, long Held,
    long Spent, int OpenOrders, StpMode StpDefault, IReadOnlyList<long[]> Lots);
