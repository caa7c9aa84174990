using TokenMatch.Cli.Summary;
using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Formats.Scripts;

namespace TokenMatch.Cli.Commands;

/// <summary>
/// <c>tokenmatch show &lt;script|-&gt; [--at LINE] [--account ID]... [--market ID]... [--levels N]</c>:
/// runs a script up to a line and prints the state there — each market's state, decay and depth, and
/// each account's balances, lots and open orders — for a person checking what a script does.
/// </summary>
public static class ShowCommand
{
    /// <summary>The <c>show</c> subcommand.</summary>
    public static System.CommandLine.Command Create()
    {
        var script = new System.CommandLine.Argument<string>("script") { Description = "The command script (docs/command-script.md); '-' reads standard input" };
        var at = new System.CommandLine.Option<int?>("--at") { HelpName = "line", Description = "Stop after the command on this script line (default: run the whole script)" };
        var accounts = new System.CommandLine.Option<int[]>("--account") { HelpName = "id", Description = "Show this account (repeatable; default: every account the script creates)", AllowMultipleArgumentsPerToken = false };
        var markets = new System.CommandLine.Option<int[]>("--market") { HelpName = "id", Description = "Show this market (repeatable; default: every market the script creates)" };
        var levels = new System.CommandLine.Option<int>("--levels") { HelpName = "N", Description = "Price levels per side of each book (default 5)", DefaultValueFactory = _ => 5 };
        var command = new System.CommandLine.Command("show", "Run a script up to a line and print balances, open orders and book depth there")
        {
            script, at, accounts, markets, levels,
        };
        command.SetAction(result => Run(result.GetRequiredValue(script), result.GetValue(at), result.GetValue(accounts) ?? [],
            result.GetValue(markets) ?? [], result.GetValue(levels), Program.StandardInput,
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Runs the script up to <paramref name="at"/> and prints the state; returns an <see cref="ExitCodes"/> value.</summary>
    public static int Run(string path, int? at, int[] accounts, int[] markets, int levels, TextReader stdin, TextWriter output, TextWriter error)
    {
        if (levels < 1)
        {
            error.WriteLine($"tokenmatch show: --levels {levels}: expected at least 1");
            return ExitCodes.Usage;
        }
        LoadedScript? script = ScriptInput.Load("show", path, strict: false, stdin, error, out int code);
        if (script is null) return code;

        var core = new ExchangeCore();
        var seenAccounts = new SortedSet<int>();
        var seenMarkets = new SortedSet<int>();
        var sink = new Formats.Scripts.EventCounter();
        long sequence = 0;
        int lastLine = 0;
        foreach ((int line, Command parsed) in script.Commands)
        {
            if (at is { } stop && line > stop) break;
            Command command = parsed;
            command.Sequence = sequence++;
            core.Execute(ref command, sink);
            lastLine = line;
            if (command.Result != ResultCode.Ok) continue;
            if (command.Type == CommandType.CreateAccount) seenAccounts.Add(command.Account);
            if (command.Type == CommandType.CreateMarket) seenMarkets.Add(command.Market);
        }

        output.WriteLine($"after line {lastLine} ({sequence} commands run), engine time {ScriptTime.Format(core.Clock)}");
        foreach (int id in markets.Length > 0 ? markets : (IEnumerable<int>)seenMarkets) WriteMarket(output, core, id, levels);
        foreach (int id in accounts.Length > 0 ? accounts : (IEnumerable<int>)seenAccounts) WriteAccount(output, core, id);
        output.WriteLine($"state hash: {core.StateHash():x16}");
        return ExitCodes.Ok;
    }

    private static void WriteMarket(TextWriter w, ExchangeCore core, int id, int levels)
    {
        MarketView? m = core.GetMarket(id);
        if (m is null)
        {
            w.WriteLine($"market {id}: none");
            return;
        }
        long decay = core.GetDecay(id) ?? 0;
        w.WriteLine($"market {id} {m.Symbol}: {ScriptNames<Markets.MarketState>.Name(m.State)}, D = {Units.Permille(decay / 1000)} " +
                    $"({decay} ppm), face {Units.Credits(m.Face)}, tick {Units.Credits(m.Tick)}, lot {m.LotSize} tokens, " +
                    $"granted {m.Granted}, consumed {m.Consumed}, expired {m.Expired}, bought back {m.BoughtBack} lots");
        BookDepth? depth = core.GetDepth(id, levels);
        if (depth is null) return;
        w.WriteLine("  asks (FTE price per lot: lots in orders), best first:");
        foreach (DepthLevel l in depth.Asks) w.WriteLine($"    {Units.Credits(l.Price)}: {l.Quantity} in {l.Orders}");
        w.WriteLine("  bids, best first:");
        foreach (DepthLevel l in depth.Bids) w.WriteLine($"    {Units.Credits(l.Price)}: {l.Quantity} in {l.Orders}");
        if (core.GetBuybackOrder(id) is { } buyback)
            w.WriteLine($"  buyback bid: {buyback.Remaining} lots at {Units.Credits(buyback.Price)} FTE");
    }

    private static void WriteAccount(TextWriter w, ExchangeCore core, int id)
    {
        AccountView? a = core.GetAccount(id);
        if (a is null)
        {
            w.WriteLine($"account {id}: none");
            return;
        }
        w.WriteLine($"account {id}: available {Units.Credits(a.Available)}, held {Units.Credits(a.Held)}, spent {Units.Credits(a.Spent)}; " +
                    $"{ScriptNames<Tier>.Name(a.Tier)}{(a.Frozen ? ", frozen" : "")}{(a.Group != 0 ? $", group {a.Group}" : "")}; {a.OpenOrders} open orders");
        foreach (MarketLotsView l in a.Lots)
            w.WriteLine($"  lots in market {l.Market}: free allocated {l.Free[0]}, trial {l.Free[1]}, promo {l.Free[2]}, acquired {l.Free[3]}; " +
                        $"held by open sells {l.HeldAllocated}; sold or offered this cycle {l.SellCounted}");
        foreach (OrderView o in core.GetOpenOrders(id))
            w.WriteLine($"  order {o.OrderId}{(o.ClientId != 0 ? $" (client {o.ClientId})" : "")}: market {o.Market} {ScriptNames<Side>.Name(o.Side)} " +
                        $"{o.Remaining} at {Units.Credits(o.Price)} FTE, {ScriptNames<OrderType>.Name(o.Type)}" +
                        (o.ExpireAt != 0 && o.ExpireAt != long.MaxValue ? $", expires {ScriptTime.Format(o.ExpireAt)}" : ""));
    }
}
