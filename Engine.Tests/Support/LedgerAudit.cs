using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Events;

namespace TokenMatch.Tests.Support;

/// <summary>
/// Checks the ledger's invariants after every command using only the core's public queries and what
/// the commands and events said: credits conserved against the deposits accepted, lots conserved
/// per market against the grants accepted, nothing negative, holds equal to what open orders hold,
/// and no lot sold that was not allocated (trial, promo and acquired lots never move to a buyer).
/// Call <see cref="Before"/> and <see cref="After"/> around each command.
/// </summary>
public sealed class LedgerAudit
{
    private readonly ExchangeCore _core;
    private readonly int[] _accounts;
    private readonly int[] _markets;
    private readonly int _trialOnly;
    private readonly Dictionary<int, long> _granted = new();
    private readonly HashSet<long> _buybackIds = new();
    private Dictionary<(int Account, int Market), long[]> _lotsBefore = new();
    private Dictionary<int, long> _retiredBefore = new();
    private long _deposits;

    /// <summary>Audits <paramref name="core"/>'s <paramref name="accounts"/> and <paramref name="markets"/>; <paramref name="trialOnly"/> never gets a sellable lot.</summary>
    public LedgerAudit(ExchangeCore core, IEnumerable<int> accounts, IEnumerable<int> markets, int trialOnly)
    {
        _core = core;
        _accounts = accounts.ToArray();
        _markets = markets.ToArray();
        _trialOnly = trialOnly;
    }

    /// <summary>Notes the lots and buyback bids before a command.</summary>
    public void Before()
    {
        _lotsBefore = LotsNow();
        _retiredBefore = _markets.ToDictionary(m => m, m => _core.GetMarket(m)?.Retired ?? 0);
        NoteBuybackBids();
    }

    /// <summary>Checks every invariant after <paramref name="command"/> ran and produced <paramref name="events"/>.</summary>
    public void After(in Command command, IReadOnlyList<Event> events)
    {
        if (command.Result == ResultCode.Ok && command.Type == CommandType.Deposit) _deposits += command.Quantity;
        if (command.Result == ResultCode.Ok && command.Type == CommandType.Grant)
            _granted[command.Market] = _granted.GetValueOrDefault(command.Market) + command.Quantity;
        foreach (Event e in events)
            if (e.Type == EventType.Accepted && e.Command == CommandType.SetBuyback && e.OrderId != 0) _buybackIds.Add(e.OrderId);
        NoteBuybackBids();

        CheckCreditsAndHolds();
        CheckLots();
        CheckSells(command, events);
    }

    private void NoteBuybackBids()
    {
        foreach (int m in _markets)
            if (_core.GetBuybackOrder(m) is { } bid) _buybackIds.Add(bid.OrderId);
    }

    private void CheckCreditsAndHolds()
    {
        long total = 0;
        var buybackHeld = new Dictionary<int, long>();
        foreach (int m in _markets)
            if (_core.GetBuybackOrder(m) is { } bid)
                buybackHeld[bid.Account] = buybackHeld.GetValueOrDefault(bid.Account) + bid.Remaining * bid.HoldPerLot;
        foreach (int id in _accounts)
        {
            AccountView? a = _core.GetAccount(id);
            if (a is null) continue;
            Require(a.Available >= 0 && a.Held >= 0 && a.Spent >= 0, $"account {id}: negative credits {a}");
            total += a.Available + a.Held + a.Spent;
            IReadOnlyList<OrderView> open = _core.GetOpenOrders(id);
            long held = open.Where(o => o.Side == Side.Buy).Sum(o => o.Remaining * o.HoldPerLot) + buybackHeld.GetValueOrDefault(id);
            Require(a.Held == held, $"account {id}: held {a.Held}, open buys hold {held}");
            foreach (MarketLotsView lots in a.Lots)
            {
                Require(lots.Free.All(f => f >= 0) && lots.HeldAllocated >= 0 && lots.SellCounted >= 0, $"account {id} market {lots.Market}: negative lots");
                long sells = open.Where(o => o.Side == Side.Sell && o.Market == lots.Market).Sum(o => o.Remaining);
                Require(lots.HeldAllocated == sells, $"account {id} market {lots.Market}: held lots {lots.HeldAllocated}, open sells {sells}");
                Require(lots.SellCounted >= lots.HeldAllocated, $"account {id} market {lots.Market}: sell count below open sells");
            }
        }
        Require(total == _deposits, $"credits not conserved: deposits {_deposits}, available + held + spent {total}");
    }

    private void CheckLots()
    {
        Dictionary<(int Account, int Market), long[]> now = LotsNow();
        foreach (int m in _markets)
        {
            MarketView? market = _core.GetMarket(m);
            if (market is null) continue;
            long granted = _granted.GetValueOrDefault(m);
            Require(market.Granted == granted, $"market {m}: reports {market.Granted} granted, grants accepted {granted}");
            long owned = now.Where(p => p.Key.Market == m).Sum(p => p.Value.Sum());
            long accounted = owned + market.Consumed + market.Expired + market.Retired;
            Require(granted == accounted, $"market {m}: granted {granted}, free + held + consumed + expired + retired {accounted}");
        }
    }

    /// <summary>Every sell filled from allocated lots the seller had; trial, promo and acquired lots never sold.</summary>
    private void CheckSells(in Command command, IReadOnlyList<Event> events)
    {
        if (command is { Type: CommandType.Place, Account: var account, Side: Side.Sell } && account == _trialOnly)
            Require(command.Result != ResultCode.Ok, "the trial-only account sold");
        var sold = new Dictionary<(int, int), long>();
        var bought = new Dictionary<(int, int), long>();
        var retired = new Dictionary<int, long>();
        foreach (Event e in events)
        {
            if (e.Type != EventType.Trade) continue;
            int seller = e.Side == Side.Sell ? e.OtherAccount : e.Account;
            int buyer = e.Side == Side.Sell ? e.Account : e.OtherAccount;
            Require(seller != _trialOnly, "the trial-only account sold");
            sold[(seller, e.Market)] = sold.GetValueOrDefault((seller, e.Market)) + e.Quantity;
            if (_buybackIds.Contains(e.OrderId) || _buybackIds.Contains(e.OtherOrderId))
                retired[e.Market] = retired.GetValueOrDefault(e.Market) + e.Quantity;
            else bought[(buyer, e.Market)] = bought.GetValueOrDefault((buyer, e.Market)) + e.Quantity;
        }
        foreach (var ((seller, market), quantity) in sold)
        {
            long allocated = Allocated(_lotsBefore, seller, market);
            Require(quantity <= allocated, $"account {seller} sold {quantity} lots in market {market} holding {allocated} allocated");
        }

        // Where no lot was granted, consumed or expired, lots moved only by these trades.
        if (command.Type is CommandType.Grant or CommandType.Consume || events.Any(e => e.Type == EventType.LotsExpired)) return;
        Dictionary<(int Account, int Market), long[]> now = LotsNow();
        foreach (var key in now.Keys.Union(_lotsBefore.Keys))
        {
            long[] before = _lotsBefore.GetValueOrDefault(key) ?? new long[5];
            long[] after = now.GetValueOrDefault(key) ?? new long[5];
            string where = $"account {key.Account} market {key.Market} after {command.Type}";
            Require(after[(int)Origin.Trial] == before[(int)Origin.Trial] && after[(int)Origin.Promo] == before[(int)Origin.Promo], $"{where}: trial or promo lots moved");
            Require(Allocated(now, key.Account, key.Market) == Allocated(_lotsBefore, key.Account, key.Market) - sold.GetValueOrDefault(key),
                $"{where}: allocated lots changed by other than the {sold.GetValueOrDefault(key)} sold");
            Require(after[(int)Origin.Acquired] == before[(int)Origin.Acquired] + bought.GetValueOrDefault(key),
                $"{where}: acquired lots changed by other than the {bought.GetValueOrDefault(key)} bought");
        }
        foreach (int m in _markets)
        {
            long delta = (_core.GetMarket(m)?.Retired ?? 0) - _retiredBefore.GetValueOrDefault(m);
            Require(delta == retired.GetValueOrDefault(m), $"market {m}: retired {delta}, bought back {retired.GetValueOrDefault(m)}");
        }
    }

    /// <summary>Free lots by origin, then held allocated lots (index 4), per account and market.</summary>
    private Dictionary<(int Account, int Market), long[]> LotsNow()
    {
        var lots = new Dictionary<(int, int), long[]>();
        foreach (int id in _accounts)
            foreach (MarketLotsView l in _core.GetAccount(id)?.Lots ?? [])
                lots[(id, l.Market)] = [.. l.Free, l.HeldAllocated];
        return lots;
    }

    private static long Allocated(Dictionary<(int Account, int Market), long[]> lots, int account, int market) =>
        lots.TryGetValue((account, market), out long[]? l) ? l[(int)Origin.Allocated] + l[4] : 0;

    private static void Require(bool condition, string message)
    {
        if (!condition) throw new AssertionException(message);
    }
}
