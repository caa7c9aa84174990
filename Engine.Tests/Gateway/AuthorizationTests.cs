using TokenMatch.Client;
using TokenMatch.Commands;
using TokenMatch.Protocol;

namespace TokenMatch.Tests.Gateway;

/// <summary>
/// Every command type × every role, own account and another's: what a role may not do is refused with
/// NotAuthorized before it reaches the engine (state hash unchanged, counted per session); what it may
/// do reaches the engine.
/// </summary>
[CancelAfter(120_000)]
public sealed class AuthorizationTests
{
    private const int Own = GatewayHarness.FirstTrader;
    private const int Other = GatewayHarness.FirstTrader + 1;

    [Test]
    public async Task Every_command_beyond_the_role_or_account_is_refused_and_changes_nothing()
    {
        await using var h = await GatewayHarness.StartAsync();
        GatewayClient trader = await h.ClientAsync(await h.KeyAsync(Own, Role.Trader));
        GatewayClient md = await h.ClientAsync(await h.KeyAsync(Own, Role.MarketData));
        int expectedTraderRefusals = 0, expectedMdRefusals = 0;
        foreach (CommandType type in Enum.GetValues<CommandType>())
        {
            foreach (int account in (int[])[Own, Other])
            {
                // A shape the core would accept for most types, so that a wrongly allowed command would show in the hash.
                var request = new CommandRequest(type)
                {
                    Account = account, Market = GatewayHarness.Market, Side = Side.Buy, Price = 5_000_000, Quantity = 1, A0 = 1, A1 = 1,
                };
                ulong before = await h.HashAsync();
                CommandResult byMd = await md.SendAsync(request);
                Assert.That(byMd.Code, Is.EqualTo(ResultCode.NotAuthorized), $"market data {type} for {account}");
                Assert.That(byMd.Sequence, Is.EqualTo(-1));
                expectedMdRefusals++;
                bool traderMay = account == Own && type is CommandType.Place or CommandType.Cancel or CommandType.Amend or CommandType.MassCancel;
                if (!traderMay)
                {
                    CommandResult byTrader = await trader.SendAsync(request);
                    Assert.That(byTrader.Code, Is.EqualTo(ResultCode.NotAuthorized), $"trader {type} for {account}");
                    expectedTraderRefusals++;
                }
                Assert.That(await h.HashAsync(), Is.EqualTo(before), $"{type} for {account} changed state");
            }
        }
        var sessions = h.Server.Sessions;
        Assert.That(sessions.Single(s => s.Role == Role.Trader).Refusals, Is.EqualTo(expectedTraderRefusals));
        Assert.That(sessions.Single(s => s.Role == Role.MarketData).Refusals, Is.EqualTo(expectedMdRefusals));
    }

    [Test]
    public async Task Trader_commands_for_its_own_account_reach_the_engine()
    {
        await using var h = await GatewayHarness.StartAsync();
        GatewayClient trader = await h.ClientAsync(await h.KeyAsync(Own, Role.Trader));
        CommandResult placed = await trader.PlaceAsync(Own, GatewayHarness.Market, Side.Buy, 4_000_000, 2);
        Assert.That(placed.Code, Is.EqualTo(ResultCode.Ok));
        Assert.That((await trader.AmendAsync(Own, placed.OrderId, 1, 0)).Code, Is.EqualTo(ResultCode.Ok));
        Assert.That((await trader.CancelAsync(Own, placed.OrderId)).Code, Is.EqualTo(ResultCode.Ok));
        Assert.That((await trader.MassCancelAsync(Own)).Code, Is.EqualTo(ResultCode.Ok));
        // Another account's order id, addressed as the trader's own: the engine finds no such order of this account.
        GatewayClient other = await h.ClientAsync(await h.KeyAsync(Other, Role.Trader));
        CommandResult theirs = await other.PlaceAsync(Other, GatewayHarness.Market, Side.Buy, 4_000_000, 2);
        Assert.That((await trader.CancelAsync(Own, theirs.OrderId)).Code, Is.EqualTo(ResultCode.UnknownOrder));
        Assert.That((await other.OpenOrdersAsync(Other)).Single().OrderId, Is.EqualTo(theirs.OrderId), "still open");
    }

    [Test]
    public async Task Queries_and_key_administration_beyond_the_role_are_refused()
    {
        await using var h = await GatewayHarness.StartAsync();
        GatewayClient trader = await h.ClientAsync(await h.KeyAsync(Own, Role.Trader));
        GatewayClient md = await h.ClientAsync(await h.KeyAsync(Own, Role.MarketData));
        foreach (GatewayClient c in (GatewayClient[])[trader, md])
        {
            Assert.That(Code(() => c.OpenOrdersAsync(Other)), Is.EqualTo(ResultCode.NotAuthorized));
            Assert.That(Code(() => c.FillsAsync(Other, 0)), Is.EqualTo(ResultCode.NotAuthorized));
            Assert.That(Code(() => c.AccountAsync(Other)), Is.EqualTo(ResultCode.NotAuthorized));
            Assert.That(Code(() => c.OrderStatusAsync(Other, 1)), Is.EqualTo(ResultCode.NotAuthorized));
            Assert.That(Code(() => c.IssueKeyAsync(Own, Role.Provider)), Is.EqualTo(ResultCode.NotAuthorized));
            Assert.That(Code(() => c.RevokeKeyAsync(1)), Is.EqualTo(ResultCode.NotAuthorized));
            Assert.That(Code(() => c.StateHashAsync()), Is.EqualTo(ResultCode.NotAuthorized));
        }
        Assert.That(Code(() => md.OpenOrdersAsync(Own)), Is.EqualTo(ResultCode.NotAuthorized), "market data reads no account");
        Assert.That((await trader.OpenOrdersAsync(Own)).Count, Is.Zero);
        Assert.That((await md.MarketAsync(GatewayHarness.Market)).Code, Is.EqualTo(ResultCode.Ok));
    }

    [Test]
    public async Task A_provider_acts_for_any_account_and_administers_keys()
    {
        await using var h = await GatewayHarness.StartAsync();
        GatewayClient provider = await h.ClientAsync(await h.KeyAsync(GatewayHarness.Provider, Role.Provider));
        Assert.That((await provider.SendAsync(new CommandRequest(CommandType.CreateAccount) { Account = 500 })).Code, Is.EqualTo(ResultCode.Ok));
        Assert.That((await provider.SendAsync(new CommandRequest(CommandType.Deposit) { Account = 500, Quantity = 1_000_000_000 })).Code,
            Is.EqualTo(ResultCode.Ok));
        IssuedKey key = await provider.IssueKeyAsync(500, Role.Trader);
        Assert.That(key.Code, Is.EqualTo(ResultCode.Ok));
        GatewayClient newTrader = await h.ClientAsync(key.Key!);
        Assert.That(newTrader.Login, Is.EqualTo(new LoginInfo(500, Role.Trader, key.KeyId)));
        Assert.That((await newTrader.PlaceAsync(500, GatewayHarness.Market, Side.Buy, 4_000_000, 1)).Code, Is.EqualTo(ResultCode.Ok));
        Assert.That((await provider.PlaceAsync(Own, GatewayHarness.Market, Side.Sell, 9_000_000, 1)).Code, Is.EqualTo(ResultCode.Ok));

        var goodbyes = new List<Goodbye>();
        newTrader.GoodbyeReceived += g => { lock (goodbyes) goodbyes.Add(g); };
        Assert.That((await provider.RevokeKeyAsync(key.KeyId)).Code, Is.EqualTo(ResultCode.Ok));
        await GatewayHarness.EventuallyAsync(() => !newTrader.Connected, "the revoked key's session closed");
        lock (goodbyes) Assert.That(goodbyes.Select(g => g.Code), Is.EqualTo(new[] { ResultCode.KeyRevoked }));
        var ex = Assert.ThrowsAsync<GatewayException>(() => h.ClientAsync(key.Key!));
        Assert.That(ex!.Code, Is.EqualTo(ResultCode.LoginFailed));
        Assert.That((await provider.RevokeKeyAsync(key.KeyId)).Code, Is.EqualTo(ResultCode.UnknownApiKey));
        var (hash, _) = await provider.StateHashAsync();
        Assert.That(hash, Is.EqualTo(await h.HashAsync()));
    }

    private static ResultCode Code(Func<Task> request)
    {
        var ex = Assert.ThrowsAsync<GatewayException>(() => request());
        return ex!.Code;
    }
}
