using TokenMatch.Commands;
using TokenMatch.Ledger;
using TokenMatch.Markets;
using TokenMatch.Matching;

namespace TokenMatch.Core;

public sealed partial class ExchangeCore
{
    /// <summary>
    /// Checks every internal invariant: each book's structure, held credits and lots equal to what
    /// open orders hold, credits and lots conserved, nothing negative, account lists and id maps
    /// consistent. Throws <see cref="InvalidOperationException"/> naming the first broken one.
    /// </summary>
    public void ValidateInternalState()
    {
        var heldCredits = new Dictionary<int, long>();
        var heldLots = new Dictionary<(int, int), long>();
        var openCount = new Dictionary<int, int>();
        var orders = new List<int>();
        int resting = 0, goodTillTime = 0;
        foreach (Market m in _marketList)
        {
            m.Book.ValidateInternalState();
            resting += m.Book.Count;
            // Only a halt lets a book rest crossed (a buyback bid set while halted waits for the resume).
            if (m.State == MarketState.Open)
                Require(!CrossedBook(m), $"market {m.Id}: open book is crossed");
            foreach (Side side in (ReadOnlySpan<Side>)[Side.Buy, Side.Sell])
            {
                orders.Clear();
                m.Book.CollectOrders(side, orders);
                foreach (int index in orders)
                {
                    ref Order o = ref _orders[index];
                    Require(o.Market == m.Id && o.Side == side && o.Remaining > 0, $"order {o.Id} misfiled");
                    Require(_orderIndex.TryGetValue(o.Id, out int at) && at == index, $"order {o.Id} not indexed");
                    if (side == Side.Buy) heldCredits[o.Account] = heldCredits.GetValueOrDefault(o.Account) + o.Remaining * o.HoldPerLot;
                    else heldLots[(o.Account, m.Id)] = heldLots.GetValueOrDefault((o.Account, m.Id)) + o.Remaining;
                    if (o.IsBuyback) Require(m.BuybackOrder == index, $"buyback order {o.Id} not the market's");
                    else openCount[o.Account] = openCount.GetValueOrDefault(o.Account) + 1;
                    if (o.ClientId != 0)
                        Require(m.ClientIds.TryGetSlot(o.Account, o.ClientId, out int claimSlot) && claimSlot == index, $"order {o.Id}: its client id claim does not point at it");
                    Require((o.Tif == TimeInForce.GoodTillTime) == _gtt.Contains(index), $"order {o.Id}: good-till-time queue membership wrong");
                    if (o.Tif == TimeInForce.GoodTillTime) goodTillTime++;
                }
            }
            if (m.BuybackOrder >= 0) Require(_orders[m.BuybackOrder].IsBuyback, $"market {m.Id}: buyback slot holds no buyback");
        }
        Require(resting == _orderIndex.Count && resting == _orders.Count, $"{resting} resting orders, {_orderIndex.Count} indexed, {_orders.Count} pooled");
        Require(_gtt.Count == goodTillTime, $"good-till-time queue holds {_gtt.Count}, {goodTillTime} rest");

        long credits = 0;
        var lotTotals = new Dictionary<int, long>();
        foreach (Account a in _accounts)
        {
            Require(a.Available >= 0 && a.Held >= 0 && a.Spent >= 0, $"account {a.Id}: negative credits");
            Require(a.Held == heldCredits.GetValueOrDefault(a.Id), $"account {a.Id}: held {a.Held}, open buys hold {heldCredits.GetValueOrDefault(a.Id)}");
            Require(a.OpenOrders == openCount.GetValueOrDefault(a.Id), $"account {a.Id}: open orders {a.OpenOrders}, book has {openCount.GetValueOrDefault(a.Id)}");
            int listed = 0;
            for (int i = a.FirstOrder, prev = -1; i >= 0; prev = i, i = _orders[i].AccountNext, listed++)
                Require(_orders[i].Account == a.Id && _orders[i].AccountPrev == prev, $"account {a.Id}: broken order list");
            Require(listed == a.OpenOrders, $"account {a.Id}: list has {listed} orders");
            credits += a.Available + a.Held + a.Spent;
            foreach (Market m in _marketList)
            {
                if (!m.HasLots(a)) continue;
                int market = m.Id;
                MarketLots l = m.LotsOf(a);
                foreach (long free in l.Free) Require(free >= 0, $"account {a.Id} market {market}: negative lots");
                Require(l.HeldAllocated == heldLots.GetValueOrDefault((a.Id, market)), $"account {a.Id} market {market}: held lots {l.HeldAllocated}, open sells {heldLots.GetValueOrDefault((a.Id, market))}");
                Require(l.SellCounted >= l.HeldAllocated, $"account {a.Id} market {market}: sell count below open sells");
                lotTotals[market] = lotTotals.GetValueOrDefault(market) + l.TotalFree + l.HeldAllocated;
            }
        }
        Require(credits == _ledger.TotalDeposits, $"credits not conserved: deposits {_ledger.TotalDeposits}, balances+holds+spent {credits}");
        foreach (Market m in _marketList)
        {
            long accounted = lotTotals.GetValueOrDefault(m.Id) + m.Consumed + m.Expired + m.Retired;
            Require(m.Granted == accounted, $"market {m.Id}: granted {m.Granted}, accounted {accounted}");
            Require(m.BoughtBack == m.Retired, $"market {m.Id}: bought back {m.BoughtBack}, retired {m.Retired}");
        }
    }

    private static bool CrossedBook(Market m)
    {
        var best = new List<(long Price, long Quantity, int Orders)>();
        m.Book.CollectLevels(Side.Buy, 1, best);
        return best.Count == 1 && m.Book.Crosses(Side.Buy, best[0].Price);
    }

    private static void Require(bool condition, string message)
    {
        if (!condition) throw new InvalidOperationException(message);
    }
}
