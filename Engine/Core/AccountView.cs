using TokenMatch.Commands;

namespace TokenMatch.Core;

/// <summary>A query answer: an account's balances, settings and lots.</summary>
public sealed record AccountView(int Id, Tier Tier, bool Frozen, long Group, StpMode StpDefault,
    long Available, long Held, long Spent, int OpenOrders, IReadOnlyList<MarketLotsView> Lots);
