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
                if (found != expected || found && slot != expectedSlot)
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
        Assert.That(() => new ClientIdTable(16).TryAdd(1, 0, 0), Throws.TypeOf<ArgumentOutOfRangeException>());
}
