using TokenMatch.Client;
using TokenMatch.Commands;
using TokenMatch.Protocol;

namespace TokenMatch.Client.Example;

/// <summary>
/// A first session: the provider (key from <c>tokenmatch serve</c>'s key file) sets up a market and two
/// traders over the protocol; the traders trade while a market-data session follows the book.
/// Usage: <c>dotnet run --project Clients/dotnet/Example -- [port] [key file]</c>. The key file is the one
/// <c>tokenmatch serve</c> writes (lines <c>&lt;role&gt; &lt;account&gt; &lt;key&gt;</c>; the provider's
/// line is used) or a file holding only a provider key; the example's market and accounts (1001;
/// 9201, 9202) are kept clear of the demo's.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        int port = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 7340;
        string keyFile = args.Length > 1 ? args[1] : "data/demo-keys.txt";
        string providerKey = ProviderKey(await File.ReadAllLinesAsync(keyFile));

        await using GatewayClient provider = await GatewayClient.ConnectAsync(new ClientOptions { Port = port, ApiKey = providerKey });
        Console.WriteLine($"logged in: {provider.Login}");

        const int market = 1001;
        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000, day = 86_400_000_000_000;
        byte[] symbol = new byte[16];
        System.Text.Encoding.ASCII.GetBytes("LLM-L/CS").CopyTo(symbol, 0);
        Check(await provider.SendAsync(new CommandRequest(CommandType.CreateMarket)
        {
            Market = market, OrderId = BitConverter.ToInt64(symbol, 0), ClientId = BitConverter.ToInt64(symbol, 8),
            A0 = 1_000, A1 = 1_000, A2 = 10_000_000, A3 = 1_000, A4 = 20_000_000, A5 = 1, A6 = 1_000_000, A7 = now - day, Quantity = now + 30 * day,
        }), "create market");
        Check(await provider.SendAsync(new CommandRequest(CommandType.OpenMarket) { Market = market }), "open market");
        var keys = new Dictionary<int, string>();
        foreach (int account in (int[])[9201, 9202])
        {
            Check(await provider.SendAsync(new CommandRequest(CommandType.CreateAccount) { Account = account, Code = (byte)Tier.Trusted }), "create account");
            Check(await provider.SendAsync(new CommandRequest(CommandType.Deposit) { Account = account, Quantity = 1_000_000_000_000 }), "deposit");
            Check(await provider.SendAsync(new CommandRequest(CommandType.Grant) { Account = account, Market = market, Quantity = 1_000 }), "grant");
            keys[account] = (await provider.IssueKeyAsync(account, Role.Trader)).Key!;
        }

        await using GatewayClient md = await GatewayClient.ConnectAsync(new ClientOptions
        { Port = port, ApiKey = (await provider.IssueKeyAsync(0, Role.MarketData)).Key!, AutoReconnect = true });
        md.TradeReceived += t => Console.WriteLine($"trade: {t.Quantity} lots at {t.Price} (executed {t.ExecPrice})");
        md.TickerReceived += t => Console.WriteLine($"ticker: last {t.Last}, bid {t.BestBid}, ask {t.BestAsk}, volume {t.Volume}, fair value {t.FairValue}");
        await md.SubscribeAsync(market, Subscriptions.All);

        await using GatewayClient seller = await GatewayClient.ConnectAsync(new ClientOptions { Port = port, ApiKey = keys[9201] });
        await using GatewayClient buyer = await GatewayClient.ConnectAsync(new ClientOptions { Port = port, ApiKey = keys[9202] });
        seller.ExecutionReceived += e => Console.WriteLine($"seller report: {e.Type} order {e.OrderId} qty {e.Quantity}");
        CommandResult ask = await seller.PlaceAsync(9201, market, Side.Sell, 5_000_000, 10, clientId: 1);
        Console.WriteLine($"ask: {ask}");
        Console.WriteLine($"bid: {await buyer.PlaceAsync(9202, market, Side.Buy, 5_000_000, 4, clientId: 1)}");
        Console.WriteLine($"refused: {await buyer.PlaceAsync(9201, market, Side.Buy, 5_000_000, 1)}");
        await Task.Delay(200);
        LocalBook book = md.Book(market);
        lock (book.Gate) Console.WriteLine($"book at depth sequence {book.Sequence}: asks {string.Join(", ", book.Asks)}");
        Console.WriteLine($"seller's fills: {string.Join(", ", (await seller.FillsAsync(9201, 0)).Fills)}");
        return 0;
    }

    /// <summary>The provider's key: the <c>provider</c> line of a serve key file, or a file's only word.</summary>
    private static string ProviderKey(string[] lines)
    {
        string[][] fields = [.. lines.Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(f => f.Length > 0)];
        if (fields.Length == 1 && fields[0].Length == 1) return fields[0][0];
        return fields.FirstOrDefault(f => f.Length == 3 && f[0] == "provider")?[2]
            ?? throw new InvalidOperationException("no provider key in the key file");
    }

    private static void Check(CommandResult result, string what)
    {
        if (!result.Ok) throw new InvalidOperationException($"{what}: {ResultCodeNames.Name(result.Code)}");
    }
}
