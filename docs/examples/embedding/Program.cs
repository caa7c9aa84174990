using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Markets;
using TokenMatch.Pipeline;

namespace TokenMatch.Examples.Embedding;

/// <summary>
/// Hosting TokenMatch in a provider's process: configure a market and accounts with admin
/// commands, trade, watch trades, query the book and balances, stop. Prints "embedding example: ok"
/// and exits 0 when everything behaved as expected.
/// </summary>
public static class Program
{
    private const int Market = 1;
    private const int Provider = 0, Fees = 1, Alice = 100, Bob = 101;
    private const long Face = 10_000_000; // micro-credits per lot at cycle start

    /// <summary>Runs the example.</summary>
    public static async Task<int> Main()
    {
        // 1. Settings are admin commands: they go through the pipeline (and the journal) like any
        //    command, so a replay needs no config file. Timestamps are stamped by the host's clock,
        //    so the market's cycle must span "now".
        DateTimeOffset now = DateTimeOffset.UtcNow;
        long cycleStart = ToNanos(now.AddDays(-1)), cycleEnd = ToNanos(now.AddDays(30));
        Command[] settings =
        [
            Command.CreateAccount(0, Provider, Tier.Trusted),
            Command.CreateAccount(0, Fees, Tier.Trusted),
            Command.SetHouse(0, Provider, Fees),
            Command.CreateMarket(0, Market, "LLM-L/EXAMPLE", lotSize: 1_000, tick: 1_000, face: Face,
                minPrice: 1_000, maxPrice: 2 * Face, minQuantity: 1, maxQuantity: 100_000, cycleStart, cycleEnd),
            Command.SetCurve(0, Market, CurveKind.Sqrt, floorPpm: 100_000),
            Command.SetFees(0, Market, makerBps: 5, takerBps: 10),
            Command.MarketState(0, CommandType.OpenMarket, Market),
            Command.CreateAccount(0, Alice, Tier.Verified),
            Command.Grant(0, Alice, Market, Origin.Allocated, 500),   // Alice's monthly quota: 500 lots
            Command.CreateAccount(0, Bob, Tier.Verified),
            Command.Deposit(0, Bob, 50_000_000_000),                  // Bob has 50,000 credits
        ];

        // 2. Build, start and configure in one call (throws if a setting is rejected).
        var options = new EngineHostOptions { CommandRingSize = 1 << 12, EventRingSize = 1 << 12 };
        using EngineHost host = await EngineHost.StartAsync(settings, options);

        // 3. Subscribe to the event stream (market data, trades, cancels ...).
        var printer = new TradePrinter();
        using IDisposable subscription = host.Subscribe(printer);

        // 4. Submit commands from any thread and await their results. A rejection is a result code.
        Command ask = await host.SubmitAsync(Command.Place(0, Alice, Market, Side.Sell, price: 9_500_000, quantity: 200, clientId: 1));
        Console.WriteLine($"Alice's ask: {ask.Result} (sequence {ask.Sequence})");
        Command bid = await host.SubmitAsync(Command.Place(0, Bob, Market, Side.Buy, price: 9_800_000, quantity: 150, clientId: 1));
        Console.WriteLine($"Bob's bid: {bid.Result}, {bid.EventCount} events");
        Command tooBig = await host.SubmitAsync(Command.Place(0, Alice, Market, Side.Sell, price: 9_500_000, quantity: 10_000, clientId: 2));
        Console.WriteLine($"Alice selling more than her quota: {tooBig.Result}");

        // 5. Queries run on the core thread between commands and see everything answered before them.
        BookDepth depth = (await host.GetDepthAsync(Market, levels: 5))!;
        AccountView alice = (await host.GetAccountAsync(Alice))!;
        AccountView bob = (await host.GetAccountAsync(Bob))!;
        Console.WriteLine($"best ask: {depth.Asks[0].Quantity} lots at {depth.Asks[0].Price:N0}");
        Console.WriteLine($"Alice: {alice.Available:N0} µcr available; Bob: {bob.Available:N0} µcr available, " +
                          $"{bob.Lots[0].Free[(int)Origin.Acquired]} acquired lots");

        // 6. Stop drains: every accepted command is answered exactly once before Stop returns.
        host.Stop();
        Console.WriteLine($"state hash: {await host.StateHashAsync():x16}");

        bool ok = ask.Result == ResultCode.Ok && bid.Result == ResultCode.Ok && tooBig.Result == ResultCode.InsufficientLots
                  && printer.Trades == 1 && depth.Asks[0].Quantity == 50 && bob.Lots[0].Free[(int)Origin.Acquired] == 150;
        Console.WriteLine(ok ? "embedding example: ok" : "embedding example: unexpected results");
        return ok ? 0 : 1;
    }

    private static long ToNanos(DateTimeOffset t) => (t.UtcTicks - DateTime.UnixEpoch.Ticks) * 100;
}
