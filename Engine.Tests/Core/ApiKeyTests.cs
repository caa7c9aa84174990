using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Tests.Support;

namespace TokenMatch.Tests.Core;

/// <summary>The core's API key table: issue and revoke as admin commands, rejections change nothing, part of the state hash.</summary>
public sealed class ApiKeyTests
{
    private static readonly long T = CoreHarness.Start;

    private static Command Issue(long key, int account, Role role) => new()
    {
        Type = CommandType.IssueApiKey, Timestamp = T, Account = account, Code = (byte)role, OrderId = key,
        A0 = 11, A1 = 12, A2 = 21, A3 = 22, A4 = 23, A5 = 24,
    };

    private static Command Revoke(long key) => new() { Type = CommandType.RevokeApiKey, Timestamp = T, OrderId = key };

    private static ResultCode Run(ExchangeCore core, Command c)
    {
        core.Execute(ref c, new EventLog());
        return c.Result;
    }

    [Test]
    public void Issue_then_revoke_keeps_the_record_and_moves_the_hash()
    {
        var core = new ExchangeCore();
        Assert.That(Run(core, Command.CreateAccount(T, 3)), Is.EqualTo(ResultCode.Ok));
        ulong before = core.StateHash();
        Assert.That(Run(core, Issue(7, 3, Role.Trader)), Is.EqualTo(ResultCode.Ok));
        ulong issued = core.StateHash();
        Assert.That(issued, Is.Not.EqualTo(before));
        Assert.That(core.GetApiKey(7), Is.EqualTo(new TokenMatch.Ledger.ApiKeyRecord(7, 3, Role.Trader, 11, 12, 21, 22, 23, 24, false)));
        Assert.That(Run(core, Revoke(7)), Is.EqualTo(ResultCode.Ok));
        Assert.That(core.GetApiKey(7)!.Value.Revoked, Is.True);
        Assert.That(core.StateHash(), Is.Not.EqualTo(issued));
    }

    [Test]
    public void Rejections_change_nothing()
    {
        var core = new ExchangeCore();
        Run(core, Command.CreateAccount(T, 3));
        Run(core, Issue(7, 3, Role.Provider));
        ulong hash = core.StateHash();
        Assert.That(Run(core, Issue(7, 3, Role.Trader)), Is.EqualTo(ResultCode.ApiKeyExists));
        Assert.That(Run(core, Issue(8, 4, Role.Trader)), Is.EqualTo(ResultCode.UnknownAccount));
        Assert.That(Run(core, Issue(8, 3, Role.None)), Is.EqualTo(ResultCode.InvalidRole));
        Assert.That(Run(core, Issue(8, 3, (Role)9)), Is.EqualTo(ResultCode.InvalidRole));
        Assert.That(Run(core, Issue(0, 3, Role.Trader)), Is.EqualTo(ResultCode.InvalidId));
        Assert.That(Run(core, Revoke(8)), Is.EqualTo(ResultCode.UnknownApiKey));
        Assert.That(core.StateHash(), Is.EqualTo(hash));
        Run(core, Revoke(7));
        hash = core.StateHash();
        Assert.That(Run(core, Revoke(7)), Is.EqualTo(ResultCode.UnknownApiKey));
        Assert.That(Run(core, Issue(7, 3, Role.Trader)), Is.EqualTo(ResultCode.ApiKeyExists));
        Assert.That(core.StateHash(), Is.EqualTo(hash));
    }

    [Test]
    public void Replaying_the_commands_gives_the_same_keys_and_hash()
    {
        Command[] commands = [Command.CreateAccount(T, 1), Issue(5, 1, Role.Trader), Issue(2, 1, Role.MarketData), Revoke(5)];
        var a = new ExchangeCore();
        var b = new ExchangeCore();
        foreach (Command c in commands) { Run(a, c); Run(b, c); }
        Assert.That(a.StateHash(), Is.EqualTo(b.StateHash()));
        Assert.That(a.GetApiKeys().Select(k => k.KeyId), Is.EqualTo(new long[] { 2, 5 }));
    }

    [Test]
    public void A_snapshot_keeps_every_key_revoked_ones_included()
    {
        Command[] commands = [Command.CreateAccount(T, 1), Command.CreateAccount(T, 4), Issue(5, 1, Role.Trader),
            Issue(2, 4, Role.Provider), Issue(9, 1, Role.MarketData), Revoke(5)];
        var core = new ExchangeCore();
        foreach (Command c in commands) Assert.That(Run(core, c), Is.EqualTo(ResultCode.Ok));
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        core.WriteSnapshot(buffer);
        ExchangeCore restored = ExchangeCore.ReadSnapshot(buffer.WrittenSpan);
        Assert.That(restored.StateHash(), Is.EqualTo(core.StateHash()));
        Assert.That(restored.GetApiKeys(), Is.EqualTo(core.GetApiKeys()));
        // The table goes on the same way after a restore: a revoked id stays taken.
        Assert.That(Run(restored, Issue(5, 1, Role.Trader)), Is.EqualTo(ResultCode.ApiKeyExists));
    }
}
