using FsCheck;
using FsCheck.Fluent;
using TokenMatch.Markets;
using TokenMatch.Tests.Support;

namespace TokenMatch.Tests.Markets;

/// <summary>
/// The client id table against a <see cref="Dictionary{TKey, TValue}"/> of (account, client id) →
/// slot over random claims and lookups, from 16 slots so that it grows several times: the same
/// answers to Contains/TryGetSlot/TryAdd, the same count, enumeration by <see cref="ClientIdTable.At"/>
/// yields exactly the claims, and the digest is the model's sum of claim terms whatever the insertion
/// order or hash key.
/// </summary>
public class ClientIdTableProperties
{
    [FsCheck.NUnit.Property(MaxTest = 200)]
    public Property BehavesLikeADictionary(ulong seed)
    {
        var r = new OpRandom(seed);
        ulong key = r.Chance(50) ? 0 : r.NextBits();
        var table = new ClientIdTable((int)r.Below(20), key);
        var model = new Dictionary<(int, long), int>();
        int accounts = 1 + (int)r.Below(r.Chance(50) ? 3 : 1_000);
        int steps = 100 + (int)r.Below(3_000);
        for (int step = 0; step < steps; step++)
        {
            int account = (int)r.Below(accounts);
            // Runs of small ids per account (the common client pattern), sometimes anything, never 0.
            long clientId = r.Chance(70) ? 1 + r.Below(200) : (long)r.NextBits();
            if (clientId == 0) clientId = 1;
            if (r.Chance(60))
            {
                int slot = (int)r.Below(1 << 20) - 1;
                bool added = table.TryAdd(account, clientId, slot);
                bool expected = model.TryAdd((account, clientId), slot);
                if (added != expected) return false.Label($"TryAdd({account}, {clientId}) = {added} at step {step}");
            }
            else
            {
                bool found = table.TryGetSlot(account, clientId, out int slot);
                bool expected = model.TryGetValue((account, clientId), out int expectedSlot);
                if (found != expected || (found ? slot != expectedSlot : slot != -1))
                    return false.Label($"TryGetSlot({account}, {clientId}) = {found}/{slot} at step {step}");
                if (table.Contains(account, clientId) != expected) return false.Label($"Contains({account}, {clientId}) at step {step}");
            }
            if (table.Count != model.Count) return false.Label($"count {table.Count}, expected {model.Count}");
        }
        var seen = new Dictionary<(int, long), int>();
        for (int i = 0; i < table.Capacity; i++)
            if (table.At(i, out int a, out long c, out int s) && !seen.TryAdd((a, c), s)) return false.Label($"({a}, {c}) listed twice");
        if (!seen.OrderBy(e => e.Key).SequenceEqual(model.OrderBy(e => e.Key))) return false.Label("enumeration differs from the model");
        ulong digest = 0;
        foreach (var (account, clientId) in model.Keys) digest += ClientIdTable.ClaimDigest(account, clientId);
        if (table.Digest != digest) return false.Label("digest differs from the model's sum");
        if (table.Capacity > 16 && table.Count * 4 > table.Capacity * 3) return false.Label("more than three quarters full");
        return (!table.Contains(0, 0)).Label("client id 0 is never claimed");
    }

    [Test]
    public void SizedFromTheExpectedCountItDoesNotGrowUntilThen()
    {
        var table = new ClientIdTable(1_000);
        int capacity = table.Capacity;
        Assert.That(capacity, Is.EqualTo(2048));
        for (int i = 1; i <= 1_000; i++) Assert.That(table.TryAdd(i % 7, i, i), Is.True);
        Assert.That(table.Capacity, Is.EqualTo(capacity));
        Assert.That(table.TryAdd(3, 3, 0), Is.False, "(3, 3) was claimed already");
    }

    [Test]
    public void ReleaseForgetsEveryClaimAndShrinks()
    {
        var table = new ClientIdTable(10_000);
        for (int i = 1; i <= 100; i++) table.TryAdd(1, i, i);
        table.Release();
        Assert.Multiple(() =>
        {
            Assert.That(table.Count, Is.Zero);
            Assert.That(table.Digest, Is.Zero);
            Assert.That(table.Capacity, Is.EqualTo(16));
            Assert.That(table.Contains(1, 5), Is.False);
        });
        Assert.That(table.TryAdd(1, 5, 7), Is.True);
    }

    [Test]
    public void ClientIdZeroCannotBeClaimed() =>
        Assert.That(() => new ClientIdTable(16).TryAdd(1, 0, 0),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("client id 0 means none"));

    /// <summary>SplitMix64's finaliser as docs/state-hash.md writes it.</summary>
    private static ulong M(ulong z)
    {
        z ^= z >> 30;
        z *= 0xBF58476D1CE4E5B9;
        z ^= z >> 27;
        z *= 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    [Test]
    public void TheClaimDigestIsTheDocumentedFormula()
    {
        var r = new OpRandom(11);
        for (int i = 0; i < 1_000; i++)
        {
            int account = (int)r.Below(1 << 24);
            long clientId = (long)r.NextBits();
            Assert.That(ClientIdTable.ClaimDigest(account, clientId), Is.EqualTo(M(M((ulong)clientId) + (uint)account)), $"({account}, {clientId})");
        }
        Assert.That(ClientIdTable.ClaimDigest(0, 1), Is.EqualTo(M(M(1))));
    }

    [TestCase(0, 16)]
    [TestCase(12, 16)]
    [TestCase(13, 32)]
    [TestCase(24, 32)]
    [TestCase(25, 64)]
    [TestCase(-5, 16)]
    [TestCase(805_306_368, 1 << 30)]
    [TestCase(int.MaxValue, 1 << 30)]
    public void CapacityKeepsTheExpectedClaimsAtMostThreeQuartersFull(int expected, int capacity) =>
        Assert.That(ClientIdTable.CapacityFor(expected), Is.EqualTo(capacity));

    [Test]
    public void ItGrowsAtThreeQuartersFullAndNotBefore()
    {
        var table = new ClientIdTable(0);
        Assert.That(table.Capacity, Is.EqualTo(16));
        for (int i = 1; i <= 12; i++) table.TryAdd(1, i, i);
        Assert.That(table.Capacity, Is.EqualTo(16), "12 of 16");
        table.TryAdd(1, 13, 13);
        Assert.That(table.Capacity, Is.EqualTo(32), "the 13th claim");
        for (int i = 14; i <= 24; i++) table.TryAdd(1, i, i);
        Assert.That(table.Capacity, Is.EqualTo(32), "24 of 32");
        table.TryAdd(1, 25, 25);
        Assert.That(table.Capacity, Is.EqualTo(64), "the 25th claim");
        for (int i = 1; i <= 25; i++) Assert.That(table.TryGetSlot(1, i, out int slot) && slot == i, $"claim {i} after growing");
    }

    [Test]
    public void SetSlotMovesAnExistingClaimOnly()
    {
        var table = new ClientIdTable(4);
        table.TryAdd(3, 77, 5);
        Assert.That(table.SetSlot(3, 77, 9), Is.True);
        Assert.That(table.TryGetSlot(3, 77, out int slot) ? slot : -2, Is.EqualTo(9));
        Assert.That(table.SetSlot(3, 78, 9), Is.False, "unclaimed id");
        Assert.That(table.SetSlot(4, 77, 9), Is.False, "another account's id");
        Assert.That(table.Count, Is.EqualTo(1));
    }

    [Test]
    public void SetSlotReachesAClaimInTheTablesFirstCell()
    {
        var table = new ClientIdTable(0);
        long clientId = 0;
        while (!table.At(0, out _, out _, out _)) table.TryAdd(1, ++clientId, 0);
        Assert.That(table.At(0, out int account, out long first, out _), Is.True);
        Assert.That(table.SetSlot(account, first, 42), Is.True);
        Assert.That(table.TryGetSlot(account, first, out int slot) ? slot : -2, Is.EqualTo(42));
    }
}
