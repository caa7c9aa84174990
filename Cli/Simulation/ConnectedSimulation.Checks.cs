using TokenMatch.Client;
using TokenMatch.Commands;
using TokenMatch.Markets;

namespace TokenMatch.Cli.Simulation;

public sealed partial class ConnectedSimulation
{
    private readonly Dictionary<int, SimAccountState> _end = new();

    /// <summary>
    /// Reads every simulated account's fills since the run began and pairs the two sides of each trade
    /// (same command sequence, each side's order the other's counterpart) into the record; then checks
    /// conservation against the server's account queries. House accounts count by their change over the run.
    /// </summary>
    private async Task<List<CheckResult>> CheckAsync(long sequenceBefore, AccountInfo providerBefore, AccountInfo feeBefore)
    {
        int[] accounts = [.. _record.Accounts];
        var buys = new Dictionary<(long Sequence, long Buy, long Sell), (int Account, Fill Fill)>();
        var sells = new Dictionary<(long Sequence, long Buy, long Sell), (int Account, Fill Fill)>();
        bool complete = true;
        foreach (int a in accounts)
        {
            FillList fills = await _provider.FillsAsync(_map.Account(a), sequenceBefore).ConfigureAwait(false);
            complete &= fills.Complete;
            foreach (Fill f in fills.Fills)
            {
                if (_map.PopulationMarket(f.Market) is null) continue;
                if (f.Side == Side.Buy) buys[(f.Sequence, f.OrderId, f.OtherOrderId)] = (a, f);
                else sells[(f.Sequence, f.OtherOrderId, f.OrderId)] = (a, f);
            }
        }
        int unpaired = buys.Keys.Count(k => !sells.ContainsKey(k)) + sells.Keys.Count(k => !buys.ContainsKey(k));
        foreach (var (key, (buyer, buy)) in buys.OrderBy(b => b.Key.Sequence).ThenBy(b => b.Key.Buy).ThenBy(b => b.Key.Sell))
        {
            if (!sells.TryGetValue(key, out var sell)) continue;
            _record.Trade(new SimTrade(_map.PopulationMarket(buy.Market)!.Value, buy.Timestamp, buy.Quantity, buy.ExecPrice, buyer, sell.Account,
                buy.Fee, sell.Fill.Fee, buyer == Surveillance.Simulation.PopulationGenerator.Provider));
        }

        foreach (int a in accounts)
        {
            AccountInfo info = await _provider.AccountAsync(_map.Account(a)).ConfigureAwait(false);
            if (info.Code != ResultCode.Ok) continue;
            AccountInfo? before = a == _record.Provider ? providerBefore : a == _record.FeeAccount ? feeBefore : null;
            _end[a] = State(info, before);
        }
        List<CheckResult> checks = ConservationChecks.Run(_record, a => _end.GetValueOrDefault(a));
        checks.Add(new CheckResult("fills: both sides of every trade are the simulation's accounts (or the buyback)", unpaired == 0,
            $"{buys.Count + sells.Count} fills, {unpaired} without their other side"));
        checks.Add(new CheckResult("fills: the server's fill log reaches back to the run's start", complete, complete ? "complete" : "cut short"));
        return checks;
    }

    /// <summary>Waits for the cycle end and checks what expiry did on the server: every lot of the simulated accounts expired, every hold released, no credit moved.</summary>
    private async Task<List<CheckResult>> CheckExpiryAsync(long cycleEnd)
    {
        await WaitUntilAsync(cycleEnd + 1_000_000_000).ConfigureAwait(false);
        bool expired = false;
        for (int i = 0; i < 50 && !expired; i++)
        {
            expired = true;
            foreach (MarketInfo m in _map.Markets.Values)
                if ((await _provider.MarketAsync(m.Market).ConfigureAwait(false)).State != MarketState.Expired) expired = false;
            if (!expired) await Task.Delay(200).ConfigureAwait(false);
        }
        var checks = new List<CheckResult>
        {
            new("expiry: the server expired the cycle's markets", expired, expired ? "expired" : "still open 10 s after the cycle end"),
        };
        if (!expired) return checks;
        var lotsLeft = new List<int>();
        var moved = new List<int>();
        foreach ((int a, SimAccountState before) in _end)
        {
            if (a == _record.Provider || a == _record.FeeAccount) continue;
            AccountInfo info = await _provider.AccountAsync(_map.Account(a)).ConfigureAwait(false);
            SimAccountState after = State(info, null);
            if (after.Lots.Values.Any(l => l != 0) || after.Held != 0) lotsLeft.Add(a);
            if (after.Credits != before.Credits) moved.Add(a);
            foreach ((int market, long lots) in before.Lots)
                if (lots != 0) _record.Expired(a, market, lots);
        }
        checks.Add(new CheckResult("expiry: no lot and no held credit left on any simulated account", lotsLeft.Count == 0,
            lotsLeft.Count == 0 ? $"{_end.Count - 2} accounts" : $"{lotsLeft.Count} accounts: {string.Join(' ', lotsLeft.Take(10))}"));
        checks.Add(new CheckResult("expiry: credits unchanged by the cycle end", moved.Count == 0,
            moved.Count == 0 ? $"{_end.Count - 2} accounts" : $"{moved.Count} accounts: {string.Join(' ', moved.Take(10))}"));
        return checks;
    }

    /// <summary>An account as the server reports it, in the population's market ids; with <paramref name="before"/>, its change since then.</summary>
    private SimAccountState State(AccountInfo info, AccountInfo? before)
    {
        var lots = new SortedDictionary<int, long>();
        foreach (long[] row in info.Lots)
            if (_map.PopulationMarket((int)row[0]) is int market) lots[market] = lots.GetValueOrDefault(market) + row[1] + row[2] + row[3] + row[4] + row[5];
        if (before is null) return new SimAccountState(info.Available, info.Held, info.Spent, info.OpenOrders, lots);
        foreach (long[] row in before.Lots)
            if (_map.PopulationMarket((int)row[0]) is int market) lots[market] = lots.GetValueOrDefault(market) - (row[1] + row[2] + row[3] + row[4] + row[5]);
        return new SimAccountState(info.Available - before.Available, info.Held - before.Held, info.Spent - before.Spent, info.OpenOrders, lots);
    }
}
