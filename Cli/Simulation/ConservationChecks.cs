using System.Globalization;
using TokenMatch.Surveillance.Simulation;

namespace TokenMatch.Cli.Simulation;

/// <summary>
/// The report's checks: the run's own record (<see cref="SimulationRecord"/>) against the balances
/// and lots the engine or the server reports at the end. Credits enter only by deposit and leave only
/// by spend (trades, fees and buybacks move them between accounts), so
/// Σ (available + held) = Σ deposits − Σ spends; per account, credits = deposits − spends + proceeds
/// − costs − fees paid (+ every fee for the fee account). Tokens: Σ granted = Σ lots held (free and
/// held, every origin) + consumed + expired + bought back; per account and market, lots = granted −
/// consumed − sold + bought (not by the buyback) − expired. Exact integers; no tolerance.
/// </summary>
public static class ConservationChecks
{
    /// <summary>Runs every check. <paramref name="state"/> gives an account's reported state (null when the engine does not know it).</summary>
    public static List<CheckResult> Run(SimulationRecord record, Func<int, SimAccountState?> state)
    {
        var results = new List<CheckResult>();
        var states = new SortedDictionary<int, SimAccountState>();
        var unknown = new List<int>();
        foreach (int a in record.Accounts)
        {
            SimAccountState? s = state(a);
            if (s is null) unknown.Add(a);
            else states[a] = s;
        }
        results.Add(new CheckResult("every account is known to the engine", unknown.Count == 0,
            unknown.Count == 0 ? $"{states.Count} accounts" : $"unknown: {string.Join(' ', unknown.Take(10))}"));

        long credits = states.Values.Sum(s => s.Credits);
        long expected = record.Deposits - record.Spends;
        results.Add(new CheckResult("credits: Σ(available + held) = deposits − spends", credits == expected,
            $"{N(credits)} = {N(record.Deposits)} − {N(record.Spends)} ({N(expected)})"));
        long spent = states.Values.Sum(s => s.Spent);
        results.Add(new CheckResult("credits: Σ spent = spends", spent == record.Spends, $"{N(spent)} = {N(record.Spends)}"));

        var wrong = states.Where(kv => kv.Value.Credits != record.ExpectedCredits.GetValueOrDefault(kv.Key)).Select(kv => kv.Key).ToList();
        results.Add(new CheckResult("credits per account = deposits − spends + proceeds − costs − fees (+ fees received)", wrong.Count == 0,
            wrong.Count == 0 ? $"{states.Count} accounts" : Mismatch(wrong, a => $"{a}: {N(states[a].Credits)} ≠ {N(record.ExpectedCredits.GetValueOrDefault(a))}")));

        long fees = record.Markets.Values.Sum(m => m.Fees);
        long feeIn = states.TryGetValue(record.FeeAccount, out SimAccountState? f) ? f.Credits : 0;
        long feeDeposits = record.DepositsOf(record.FeeAccount);
        results.Add(new CheckResult("fees: fee account = its deposits + Σ fees charged", feeIn == feeDeposits + fees,
            $"{N(feeIn)} = {N(feeDeposits)} + {N(fees)}"));

        long buyback = record.Markets.Values.Sum(m => m.BuybackSpend);
        long provider = states.TryGetValue(record.Provider, out SimAccountState? p) ? p.Credits : 0;
        long providerDeposits = record.DepositsOf(record.Provider);
        results.Add(new CheckResult("buyback: provider = its deposits − buyback spend", provider == providerDeposits - buyback,
            $"{N(provider)} = {N(providerDeposits)} − {N(buyback)}"));

        foreach ((int market, MarketTotals m) in record.Markets)
        {
            long held = states.Values.Sum(s => s.Lots.GetValueOrDefault(market));
            long rhs = held + m.Consumed + m.Expired + m.BoughtBack;
            results.Add(new CheckResult($"tokens, market {market}: granted = held + consumed + expired + bought back", m.Granted == rhs,
                $"{m.Granted} = {held} + {m.Consumed} + {m.Expired} + {m.BoughtBack} ({rhs})"));
        }
        var lotsWrong = new List<(int Account, int Market)>();
        foreach ((int account, SimAccountState s) in states)
            foreach (int market in record.Markets.Keys)
                if (s.Lots.GetValueOrDefault(market) != record.ExpectedLots.GetValueOrDefault((account, market))) lotsWrong.Add((account, market));
        results.Add(new CheckResult("tokens per account and market = granted − consumed − sold + bought − expired", lotsWrong.Count == 0,
            lotsWrong.Count == 0 ? $"{states.Count} accounts × {record.Markets.Count} markets"
                : Mismatch(lotsWrong, k => $"{k.Account}/{k.Market}: {states[k.Account].Lots.GetValueOrDefault(k.Market)} ≠ {record.ExpectedLots.GetValueOrDefault(k)}")));

        (long sent, long accepted) = record.BotSells;
        long botTrades = record.Trades.Count(t => record.KindOf(t.Seller) == ActorKind.TrialBot);
        results.Add(new CheckResult("bot farm: every sell rejected, none traded", accepted == 0 && botTrades == 0,
            $"{sent} sent, {accepted} accepted, {botTrades} trades"));
        long wash = record.Trades.Count(t => record.KindOf(t.Buyer) == ActorKind.WashPair && record.KindOf(t.Seller) == ActorKind.WashPair);
        results.Add(new CheckResult("wash pair: never traded with itself", wash == 0, $"{wash} trades between the two"));
        return results;
    }

    private static string Mismatch<T>(List<T> wrong, Func<T, string> describe) =>
        $"{wrong.Count} differ: {string.Join(", ", wrong.Take(5).Select(describe))}";

    private static string N(long v) => v.ToString(CultureInfo.InvariantCulture);
}
