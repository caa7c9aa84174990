using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Markets;

namespace TokenMatch.Tests.Reference;

/// <summary>Where the engine's state (read through its public queries) and the reference's differ: names the first fields, for failure messages.</summary>
public static class StateDiff
{
    /// <summary>Readable differences; empty when the queries agree with the reference.</summary>
    public static List<string> Differences(ExchangeCore engine, ReferenceExchange reference)
    {
        var diffs = new List<string>();
        void Same<T>(string what, T e, T r)
        {
            if (!EqualityComparer<T>.Default.Equals(e, r)) diffs.Add($"{what}: engine {e}, reference {r}");
        }
        Same("clock", engine.Clock, reference.Clock);
        foreach (RefAccount a in reference.Accounts.Values)
        {
            AccountView? v = engine.GetAccount(a.Id);
            if (v is null) { diffs.Add($"account {a.Id} missing in engine"); continue; }
            Same($"account {a.Id} available", v.Available, a.Available);
            Same($"account {a.Id} held", v.Held, a.Held);
            Same($"account {a.Id} spent", v.Spent, a.Spent);
            Same($"account {a.Id} group", v.Group, a.Group);
            Same($"account {a.Id} frozen", v.Frozen, a.Frozen);
            Same($"account {a.Id} open", string.Join(",", engine.GetOpenOrders(a.Id).Select(o => o.OrderId)), string.Join(",", a.Open));
            foreach (RefMarket m in reference.Markets.Values)
            {
                MarketLotsView? l = v.Lots.FirstOrDefault(x => x.Market == m.Id);
                m.Lots.TryGetValue(a.Id, out RefLots? rl);
                Same($"account {a.Id} market {m.Id} lots",
                    l is null ? "none" : $"{string.Join(",", l.Free)} held {l.HeldAllocated} counted {l.SellCounted}",
                    rl is null ? "none" : $"{string.Join(",", rl.Free)} held {rl.HeldAllocated} counted {rl.SellCounted}");
            }
        }
        foreach (RefMarket m in reference.Markets.Values)
        {
            MarketView? v = engine.GetMarket(m.Id);
            if (v is null) { diffs.Add($"market {m.Id} missing in engine"); continue; }
            Same($"market {m.Id} state", v.State, m.State);
            Same($"market {m.Id} counters", $"{v.Granted}/{v.Consumed}/{v.Expired}/{v.Retired}/{v.BoughtBack}",
                $"{m.Granted}/{m.Consumed}/{m.Expired}/{m.Retired}/{m.BoughtBack}");
            BookDepth d = engine.GetDepth(m.Id, int.MaxValue)!;
            Same($"market {m.Id} bids", string.Join(" ", d.Bids.Select(l => $"{l.Price}x{l.Quantity}/{l.Orders}")), Levels(m.Bids));
            Same($"market {m.Id} asks", string.Join(" ", d.Asks.Select(l => $"{l.Price}x{l.Quantity}/{l.Orders}")), Levels(m.Asks));
        }
        return diffs;
    }

    private static string Levels(SortedSet<RefOrder> side) =>
        string.Join(" ", side.GroupBy(o => o.Price).Select(g => $"{g.Key}x{g.Sum(o => o.Remaining)}/{g.Count()}"));
}
