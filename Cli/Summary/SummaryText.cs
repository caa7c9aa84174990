using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Events;
using TokenMatch.Formats.Scripts;

namespace TokenMatch.Cli.Summary;

/// <summary>
/// The end-of-run summary as text: commands, events by type, per-market trades, volume, VWAP and
/// executed price against fair value, the final balances of the accounts that traded, rejections by
/// code with their first lines, warnings, and — always the last line — the state hash.
/// </summary>
public static class SummaryText
{
    private static readonly EventType[] EventOrder =
    [
        EventType.Accepted, EventType.Rejected, EventType.Trade, EventType.Cancelled, EventType.Amended,
        EventType.Decremented, EventType.BookLevel, EventType.LotsExpired, EventType.MarketState,
    ];

    /// <summary>Accounts listed one by one before the rest are only counted.</summary>
    public const int MaxListedAccounts = 20;

    /// <summary>Writes the summary of a finished run.</summary>
    public static void Write(TextWriter w, RunStats stats, ExchangeCore core, int warnings, bool eventsWritten)
    {
        w.WriteLine($"commands: {stats.Accepted + stats.Rejected} ({stats.Accepted} accepted, {stats.Rejected} rejected)");
        var byType = EventOrder.Where(t => stats.Events.Count(t) > 0).Select(t => $"{stats.Events.Count(t)} {ScriptNames<EventType>.Name(t)}");
        w.WriteLine(stats.Events.Total == 0 ? "events: 0" : $"events: {stats.Events.Total} ({string.Join(", ", byType)})");

        if (stats.Markets.Any())
        {
            w.WriteLine("trades (prices per lot; fair value = face value decayed to the trade's time):");
            foreach (MarketStats m in stats.Markets)
            {
                MarketView? view = core.GetMarket(m.Market);
                string name = view is null ? $"market {m.Market}" : $"market {m.Market} {view.Symbol}";
                string vsFair = view is not null && m.PermilleOfFace(view.Face) is { } p
                    ? $", executed at {Units.Permille(p)} of fair value (FTE VWAP {Units.Credits(m.FteVwap!.Value)} vs face {Units.Credits(view.Face)})"
                    : "";
                w.WriteLine($"  {name}: {Units.Count(m.Trades)} trades, {Units.Count(m.Volume)} lots, {Units.Credits(m.Notional)} paid, " +
                            $"VWAP {Units.Credits(m.Vwap!.Value)}{vsFair}, fees {Units.Credits(m.Fees)}");
            }
        }

        if (stats.Traders.Count > 0)
        {
            w.WriteLine("accounts that traded (final balances; lots free by origin allocated/trial/promo/acquired, and held by open sells):");
            foreach (int id in stats.Traders.Take(MaxListedAccounts))
            {
                AccountView? a = core.GetAccount(id);
                if (a is null) continue;
                string lots = string.Join("; ", a.Lots.Select(l =>
                    $"market {l.Market} {l.Free[0]}/{l.Free[1]}/{l.Free[2]}/{l.Free[3]} held {l.HeldAllocated}"));
                w.WriteLine($"  {id}: available {Units.Credits(a.Available)}, held {Units.Credits(a.Held)}, spent {Units.Credits(a.Spent)}, " +
                            $"{a.OpenOrders} open orders{(lots.Length > 0 ? "; " + lots : "")}");
            }
            if (stats.Traders.Count > MaxListedAccounts)
                w.WriteLine($"  ... and {stats.Traders.Count - MaxListedAccounts} more (`tokenmatch show` prints any account)");
        }

        if (stats.Rejected > 0)
        {
            w.WriteLine("rejections by code (first lines):");
            foreach (RejectionStats r in stats.Rejections)
            {
                string lines = string.Join(", ", r.First.Select(f => $"line {f.Line} {f.Verb}{(f.Detail is null ? "" : $" ({f.Detail})")}"));
                string more = r.Count > r.First.Count ? $", ... {r.Count - r.First.Count} more{(eventsWritten ? " in the events file" : " (--events lists them all)")}" : "";
                w.WriteLine($"  {ScriptNames<ResultCode>.Name(r.Code)} ({(int)r.Code}): {r.Count} — {lines}{more}");
            }
        }
        if (warnings > 0) w.WriteLine($"warnings: {warnings} (on standard error)");
        w.WriteLine($"state hash: {core.StateHash():x16}");
    }
}
