using TokenMatch.Commands;
using TokenMatch.Ledger;
using TokenMatch.Markets;

namespace TokenMatch.Tests.Markets;

/// <summary>
/// A market's lots rows: one per account that has had lots there, created on first use in any order
/// of accounts (rows far apart, the next row exactly at the map's end), each account reading back
/// only its own, none for an account that never used the market.
/// </summary>
public class MarketLotsRowsTests
{
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void EveryAccountGetsItsOwnRowWhateverTheOrderOfFirstUse(int seed)
    {
        var market = new Market();
        var random = new Random(seed);
        // Dense rows 0..199 (as AccountTable hands them out), used in a random order, with the row
        // just past the map's current end among them; every third account never uses the market.
        var accounts = Enumerable.Range(0, 200).Select(row => new Account(1_000 + row, Tier.Verified) { Row = row }).ToArray();
        Account[] users = accounts.Where(a => a.Row % 3 != 2).OrderBy(_ => random.Next()).ToArray();
        foreach (Account a in users)
        {
            Assert.That(market.HasLots(a), Is.False, $"row {a.Row} before first use");
            market.LotsOf(a).Free[(int)Origin.Allocated] = a.Id;
            market.LotsOf(a).HeldAllocated = a.Row;
        }
        Assert.That(market.LotsRowCount, Is.EqualTo(users.Length));
        foreach (Account a in accounts)
        {
            bool used = a.Row % 3 != 2;
            Assert.That(market.HasLots(a), Is.EqualTo(used), $"row {a.Row}");
            if (!used) continue;
            Assert.That(market.LotsOf(a).Free[(int)Origin.Allocated], Is.EqualTo(a.Id), $"row {a.Row}");
            Assert.That(market.LotsOf(a).HeldAllocated, Is.EqualTo(a.Row), $"row {a.Row}");
        }
        Assert.That(market.LotsRowCount, Is.EqualTo(users.Length), "reading creates no rows");
    }

    [Test]
    public void TheRowAtTheMapsEndAndAFarRowAreBothCreated()
    {
        var market = new Market();
        var first = new Account(1, Tier.Verified) { Row = 0 };
        market.LotsOf(first).SellCounted = 5;
        // The map now covers 16 rows: row 16 is just past it, row 5,000 far past it.
        foreach (int row in new[] { 16, 17, 5_000, 31, 32, 33 })
        {
            var a = new Account(10 + row, Tier.Verified) { Row = row };
            Assert.That(market.HasLots(a), Is.False, $"row {row}");
            market.LotsOf(a).SellCounted = row;
            Assert.That(market.HasLots(a), Is.True, $"row {row}");
        }
        Assert.That(market.LotsOf(first).SellCounted, Is.EqualTo(5));
        foreach (int row in new[] { 16, 17, 5_000, 31, 32, 33 })
            Assert.That(market.LotsOf(new Account(10 + row, Tier.Verified) { Row = row }).SellCounted, Is.EqualTo(row));
        Assert.That(market.LotsRowCount, Is.EqualTo(7));
    }
}
