using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Events;
using TokenMatch.Tests.Support;

namespace TokenMatch.Tests.Ledger;

/// <summary>
/// Memory grows with the accounts that exist, not with the largest account id: the account table is
/// paged and each market's lots table is dense over the accounts that used it. Counted in bytes the
/// GC hands out (not timed).
/// </summary>
public class SparseAccountTests
{
    private const int Markets = 50;

    // Creates `account`, 50 markets, and grants it lots in each; returns the bytes allocated.
    private static long AllocatedFor(int account, out ExchangeCore core, out EventLog log)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        core = new ExchangeCore(new CoreOptions { InitialOrderCapacity = 16, InitialClientIdCapacity = 16 });
        log = new EventLog();
        long t = CoreHarness.Start;
        Run(core, log, Command.CreateAccount(t, account, Tier.Verified));
        for (int m = 0; m < Markets; m++)
        {
            Run(core, log, Command.CreateMarket(t, m, $"M{m}", 1_000, 1_000, 10_000_000, 1_000, 20_000_000, 1, 1_000_000, CoreHarness.Start, CoreHarness.End));
            Run(core, log, Command.Grant(t, account, m, Origin.Allocated, 100));
        }
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static void Run(ExchangeCore core, EventLog log, Command c)
    {
        core.Execute(ref c, log);
        Assert.That(c.Result, Is.EqualTo(ResultCode.Ok), c.Type.ToString());
    }

    [Test]
    public void LargestAccountIdCostsAboutWhatASmallOneDoes()
    {
        long small = AllocatedFor(5, out _, out _);
        long largest = AllocatedFor(ExchangeCore.MaxAccounts - 1, out ExchangeCore core, out _);
        // The only difference allowed is the account directory reaching the last page (128 KB of references).
        Assert.That(largest - small, Is.LessThan(1 << 20), $"account 5: {small:N0} B; account {ExchangeCore.MaxAccounts - 1}: {largest:N0} B");
        core.ValidateInternalState();
        Assert.That(core.GetAccount(ExchangeCore.MaxAccounts - 1)!.Lots, Has.Count.EqualTo(Markets));
    }

    [Test]
    public void SparseAccountsTradeAndExpireInIdOrder()
    {
        var h = new CoreHarness();
        int[] ids = [ExchangeCore.MaxAccounts - 1, 3_000_000, 1_024, 1_023, 77];
        foreach (int id in ids) h.Trader(id);
        h.Place(ids[0], Side.Sell, 5_000_000, 3);
        var trade = h.Place(ids[1], Side.Buy, 5_000_000, 2);
        Assert.That(trade.Count(e => e.Type == EventType.Trade), Is.EqualTo(1));
        var expiry = h.MustRun(Command.Time(CoreHarness.End));
        var expired = expiry.Where(e => e.Type == EventType.LotsExpired).Select(e => e.Account).Distinct().ToList();
        Assert.That(expired, Is.EqualTo(ids.OrderBy(i => i).ToList()), "lots expire account by account in id order");
        Assert.That(h.Core.GetAccount(ids[1])!.Lots.Single().Free[(int)Origin.Acquired], Is.Zero);
    }

    [Test]
    public void IdsOutsideTheRangeAreRefusedOrUnknown()
    {
        var h = new CoreHarness();
        h.MustReject(Command.CreateAccount(h.Now, ExchangeCore.MaxAccounts), ResultCode.InvalidId);
        h.MustReject(Command.CreateAccount(h.Now, -1), ResultCode.InvalidId);
        h.MustReject(Command.Deposit(h.Now, int.MaxValue, 1), ResultCode.UnknownAccount);
        h.MustReject(Command.Deposit(h.Now, int.MinValue, 1), ResultCode.UnknownAccount);
        Assert.That(h.Core.GetAccount(ExchangeCore.MaxAccounts - 2), Is.Null);
    }
}
