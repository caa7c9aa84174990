using TokenMatch.Client;
using TokenMatch.Commands;
using TokenMatch.Surveillance.Simulation;

namespace TokenMatch.Cli.Simulation;

/// <summary>
/// How a population lands on a running server: its provider and fee accounts become the server's,
/// every other account (and owner group) is moved up by <see cref="Base"/> so that it collides with
/// none of the server's; its main and thin markets become the server's first two current markets; its
/// cycle is laid onto the window [<see cref="WindowStart"/>, <see cref="WindowEnd"/>] of the server's cycle;
/// prices scale by the server's face over the population's (rounded to its tick, within its price range) and
/// quantities stay within its order limits. Immutable.
/// </summary>
public sealed class ServerMapping(Population population, int provider, int feeAccount, int @base,
    IReadOnlyDictionary<int, MarketInfo> markets, long windowStart, long windowEnd)
{
    private readonly Dictionary<int, long> _faces = population.Commands.Where(c => c.Type == CommandType.CreateMarket).ToDictionary(c => c.Market, c => c.A2);

    /// <summary>Offset of the simulation's own account ids on the server.</summary>
    public int Base { get; } = @base;
    /// <summary>The server's provider account.</summary>
    public int Provider { get; } = provider;
    /// <summary>The server's fee account.</summary>
    public int FeeAccount { get; } = feeAccount;
    /// <summary>Population market id → the server's market.</summary>
    public IReadOnlyDictionary<int, MarketInfo> Markets { get; } = markets;
    /// <summary>Server time of the population's cycle start.</summary>
    public long WindowStart { get; } = windowStart;
    /// <summary>Server time of the population's cycle end.</summary>
    public long WindowEnd { get; } = windowEnd;

    /// <summary>The server's account for a population account.</summary>
    public int Account(int account) => account switch
    {
        PopulationGenerator.Provider => Provider,
        PopulationGenerator.Fees => FeeAccount,
        _ => Base + account,
    };

    /// <summary>The population account of a server account, or null when it is not the simulation's.</summary>
    public int? PopulationAccount(int server) =>
        server == Provider ? PopulationGenerator.Provider : server == FeeAccount ? PopulationGenerator.Fees
        : server > Base ? server - Base : null;

    /// <summary>The population market of a server market, or null.</summary>
    public int? PopulationMarket(int server) => Markets.Where(m => m.Value.Market == server).Select(m => (int?)m.Key).FirstOrDefault();

    /// <summary>Server time of population time <paramref name="t"/>.</summary>
    public long Time(long t) => WindowStart + (long)((Int128)(t - population.Options.CycleStart) * (WindowEnd - WindowStart) / population.Options.CycleLength);

    /// <summary>True for commands of the population's own settings (house accounts, markets, fees, buyback, caps): the server's configuration rules instead.</summary>
    public static bool IsSetting(in Command c) => c.Type switch
    {
        CommandType.CreateMarket or CommandType.SetCurve or CommandType.AddCurvePoint or CommandType.OpenMarket or CommandType.SetFees
            or CommandType.SetBuyback or CommandType.SetHouse or CommandType.SetTierCap or CommandType.SetMaxOpenOrders => true,
        CommandType.CreateAccount or CommandType.Deposit => c.Account is PopulationGenerator.Provider or PopulationGenerator.Fees,
        _ => false,
    };

    /// <summary>True for commands a trader sends on its own session; every other command goes through the provider's.</summary>
    public static bool IsTraderCommand(CommandType type) => type is CommandType.Place or CommandType.Cancel or CommandType.Amend or CommandType.MassCancel;

    /// <summary>The request for the server of population command <paramref name="c"/>.</summary>
    public CommandRequest Request(in Command c)
    {
        MarketInfo? m = Markets.GetValueOrDefault(c.Market);
        var r = new CommandRequest(c.Type)
        {
            Account = Account(c.Account), Market = m?.Market ?? c.Market, Side = c.Side, OrderType = c.OrderType, Tif = c.Tif, Stp = c.Stp,
            PriceKind = c.PriceKind, Code = c.Code, OrderId = c.OrderId, ClientId = c.ClientId, Price = c.Price, Quantity = c.Quantity, Arg = c.Arg,
        };
        if (c.Type == CommandType.Link) r = r with { Arg = Base + c.Arg };
        if (m is not null && c.Type is CommandType.Place or CommandType.Amend)
        {
            long face = _faces.GetValueOrDefault(c.Market, m.Face);
            long price = c.Price == 0 ? 0 : Math.Clamp((long)((Int128)c.Price * m.Face / face) / m.Tick * m.Tick, m.MinPrice, m.MaxPrice);
            long qty = c.Type == CommandType.Place ? Math.Clamp(c.Quantity, m.MinQuantity, m.MaxQuantity) : c.Quantity;
            long arg = c.Type == CommandType.Place && c.Tif == TimeInForce.GoodTillTime ? Time(c.Arg) : c.Arg;
            r = r with { Price = price, Quantity = qty, Arg = arg };
        }
        return r;
    }
}
