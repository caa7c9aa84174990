using TokenMatch.Commands;
using TokenMatch.Ledger;

namespace TokenMatch.Tests.Ledger;

/// <summary>
/// The paged account table at its edges: ids on the first page past the page map (found as absent,
/// then added), the largest id allowed and the first one refused, a repeated id, dense rows in the
/// order of creation, and enumeration in id order.
/// </summary>
public class AccountTableTests
{
    [Test]
    public void AnIdOnThePagePastTheMapIsAbsentThenAddedThere()
    {
        var table = new AccountTable(1 << 24, 16);
        int pastTheMap = AccountTable.PageSize; // the map starts with one page: ids 0..PageSize-1
        Assert.That(table.Find(pastTheMap), Is.Null);
        Assert.That(table.Find(pastTheMap * 5 + 3), Is.Null);
        table.Add(new Account(pastTheMap, Tier.Verified));
        Assert.That(table.Find(pastTheMap)?.Id, Is.EqualTo(pastTheMap));
        Assert.That(table.Get(pastTheMap).Id, Is.EqualTo(pastTheMap));
        Assert.That(table.Find(pastTheMap * 5 + 3), Is.Null, "a page not created yet");
        Assert.That(table.Find(pastTheMap - 1), Is.Null, "an empty slot of a created page");
        Assert.That(table.Find(-1), Is.Null);
    }

    [Test]
    public void TheLargestIdIsAcceptedAndTheNextRefused()
    {
        const int max = 4 * AccountTable.PageSize;
        var table = new AccountTable(max, 16);
        table.Add(new Account(max - 1, Tier.Verified));
        Assert.That(table.Get(max - 1).Id, Is.EqualTo(max - 1));
        Assert.That(() => table.Add(new Account(max, Tier.Verified)),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("account id out of range"));
        Assert.That(table.Find(max), Is.Null);
        Assert.That(table.Count, Is.EqualTo(1));
    }

    [Test]
    public void ARepeatedIdIsRefusedAndRowsAreDenseInCreationOrder()
    {
        var table = new AccountTable(1 << 24, 16);
        int[] ids = [70_000, 3, 1_500_000, 1_024, 4];
        foreach (int id in ids) table.Add(new Account(id, Tier.Unverified));
        Assert.That(() => table.Add(new Account(1_024, Tier.Unverified)),
            Throws.TypeOf<InvalidOperationException>().With.Message.Contains("account 1024 exists"));
        Assert.That(ids.Select(id => table.Get(id).Row), Is.EqualTo(new[] { 0, 1, 2, 3, 4 }));
        var listed = new List<int>();
        foreach (Account a in table) listed.Add(a.Id);
        Assert.That(listed, Is.EqualTo(ids.Order()), "enumeration in id order");
        Assert.That(table.Count, Is.EqualTo(ids.Length));
    }
}
