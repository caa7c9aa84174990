using TokenMatch.Cli.Config;
using TokenMatch.Commands;
using TokenMatch.Gateway.Security;
using TokenMatch.Markets;
using TokenMatch.Pipeline;

namespace TokenMatch.Cli.Serve;

/// <summary>
/// The commands that turn a new engine into the exchange a <see cref="ServeConfig"/> describes: the
/// house and its limits, the demo accounts with their credits, the markets of a billing cycle with
/// their curves, fees and buyback, the accounts' quota grants there, and the API keys. Only commands:
/// <see cref="ApplyAsync"/> submits them through the ring, so they are journaled and replay exactly.
/// Immutable; any thread.
/// </summary>
public sealed class DemoBootstrap
{
    private readonly ServeConfig _config;

    /// <summary>Builds the command source for <paramref name="config"/> (validated).</summary>
    public DemoBootstrap(ServeConfig config)
    {
        _config = config;
        Stride = config.Markets.Count == 0 ? 1 : config.Markets.Max(m => m.Id) + 1;
    }

    /// <summary>Market ids of cycle k are the configured ids + k × this.</summary>
    public int Stride { get; }

    /// <summary>How many cycles fit in the engine's market ids.</summary>
    public int MaxCycles => _config.Markets.Count == 0 ? 0 : (Core.ExchangeCore.MaxMarkets - 1 - _config.Markets.Max(m => m.Id)) / Stride + 1;

    /// <summary>The configuration.</summary>
    public ServeConfig Config => _config;

    /// <summary>The house, the limits, the accounts (provider and fee account first, created trusted if not listed), credits and links.</summary>
    public IReadOnlyList<Command> Accounts()
    {
        var commands = new List<Command>();
        var listed = _config.DemoAccounts.ToDictionary(a => a.Id);
        foreach (int house in new[] { _config.House.ProviderAccount, _config.House.FeeAccount }.Distinct())
            if (!listed.ContainsKey(house)) commands.Add(Command.CreateAccount(0, house, Tier.Trusted));
        foreach (DemoAccountConfig a in _config.DemoAccounts) commands.Add(Command.CreateAccount(0, a.Id, ParseTier(a.Tier)));
        commands.Add(Command.SetHouse(0, _config.House.ProviderAccount, _config.House.FeeAccount));
        commands.Add(Command.SetMaxOpenOrders(0, _config.Limits.MaxOpenOrdersPerAccount));
        foreach ((string tier, long lots) in _config.Limits.TierCaps) commands.Add(Command.SetTierCap(0, ParseTier(tier), lots));
        foreach (DemoAccountConfig a in _config.DemoAccounts)
        {
            if (a.Credits > 0) commands.Add(Command.Deposit(0, a.Id, a.Credits));
            if (a.Link is long group) commands.Add(Command.Link(0, a.Id, group));
        }
        return commands;
    }

    /// <summary>Cycle <paramref name="cycle"/>'s markets (created, curved, opened, fees, buyback) and the accounts' grants in them.</summary>
    public IReadOnlyList<Command> Cycle(int cycle, long start, long end)
    {
        var commands = new List<Command>();
        foreach (MarketConfig m in _config.Markets)
        {
            int id = CycleSchedule.MarketId(m.Id, cycle, Stride);
            commands.Add(Command.CreateMarket(0, id, m.Symbol, m.LotSize, m.Tick, m.Face, m.MinPrice, m.MaxPrice,
                m.MinQuantity, m.MaxQuantity, start, end));
            CurveKind kind = ParseCurve(m.Decay.Kind);
            if (kind != CurveKind.None) commands.Add(Command.SetCurve(0, id, kind, m.Decay.FloorPpm, m.Decay.HalfLife));
            if (kind == CurveKind.Table)
                foreach (CurvePointConfig p in m.Decay.Points) commands.Add(Command.AddCurvePoint(0, id, p.ElapsedPpm, p.DecayPpm));
            commands.Add(Command.MarketState(0, CommandType.OpenMarket, id));
            if (m.Fees.MakerBps != 0 || m.Fees.TakerBps != 0) commands.Add(Command.SetFees(0, id, m.Fees.MakerBps, m.Fees.TakerBps));
            if (m.Buyback is { } b) commands.Add(Command.SetBuyback(0, id, b.RateBps, b.BudgetLots));
        }
        foreach (DemoAccountConfig a in _config.DemoAccounts)
            foreach (GrantConfig g in a.Grants)
                commands.Add(Command.Grant(0, a.Id, CycleSchedule.MarketId(g.Market, cycle, Stride), ParseOrigin(g.Origin), g.Lots));
        return commands;
    }

    /// <summary>New API keys: the provider's, a market-data key (on the provider account) and a trader key per other demo account.</summary>
    public IReadOnlyList<(KeyFileEntry Entry, Command Issue)> NewKeys()
    {
        var keys = new List<(KeyFileEntry, Command)>();
        void Add(string role, int account, Role r)
        {
            (string key, Command issue) = ApiKeys.Create(account, r);
            keys.Add((new KeyFileEntry(role, account, key), issue));
        }
        Add(KeyFileEntry.Provider, _config.House.ProviderAccount, Role.Provider);
        Add(KeyFileEntry.MarketData, _config.House.ProviderAccount, Role.MarketData);
        foreach (DemoAccountConfig a in _config.DemoAccounts)
            if (a.Id != _config.House.ProviderAccount) Add(KeyFileEntry.Trader, a.Id, Role.Trader);
        return keys;
    }

    /// <summary>The configured markets with their ids in cycle <paramref name="cycle"/>.</summary>
    public IEnumerable<(int Id, MarketConfig Market)> MarketsOf(int cycle) =>
        _config.Markets.Select(m => (CycleSchedule.MarketId(m.Id, cycle, Stride), m));

    /// <summary>
    /// Submits <paramref name="commands"/> in order and waits for them; throws
    /// <see cref="BootstrapException"/> naming the first one the engine rejected.
    /// </summary>
    public static async Task ApplyAsync(EngineHost host, IEnumerable<Command> commands)
    {
        var pending = new List<ValueTask<Command>>();
        foreach (Command c in commands) pending.Add(host.SubmitAsync(c));
        BootstrapException? failure = null;
        foreach (ValueTask<Command> p in pending)
        {
            Command done = await p.ConfigureAwait(false);
            if (done.Result != ResultCode.Ok && failure is null) failure = new BootstrapException(Describe(done));
        }
        if (failure is not null) throw failure;
    }

    private static string Describe(in Command c)
    {
        string target = c.Type switch
        {
            CommandType.CreateMarket or CommandType.SetCurve or CommandType.AddCurvePoint or CommandType.OpenMarket
                or CommandType.SetFees or CommandType.SetBuyback => $" market {c.Market}",
            CommandType.Grant => $" account {c.Account} market {c.Market}",
            CommandType.CreateAccount or CommandType.Deposit or CommandType.Link or CommandType.IssueApiKey => $" account {c.Account}",
            _ => "",
        };
        return $"{c.Type}{target} was rejected: {c.Result}";
    }

    /// <summary>A tier's name (case-insensitive).</summary>
    public static Tier ParseTier(string name) => name.ToLowerInvariant() switch
    {
        "unverified" => Tier.Unverified,
        "verified" => Tier.Verified,
        "trusted" => Tier.Trusted,
        _ => throw new BootstrapException($"unknown tier '{name}'"),
    };

    /// <summary>A lot origin's name ("paid" is the monthly quota, <see cref="Origin.Allocated"/>).</summary>
    public static Origin ParseOrigin(string name) => name.ToLowerInvariant() switch
    {
        "paid" or "allocated" => Origin.Allocated,
        "trial" => Origin.Trial,
        "promo" => Origin.Promo,
        "acquired" => Origin.Acquired,
        _ => throw new BootstrapException($"unknown origin '{name}'"),
    };

    /// <summary>A decay curve kind's name.</summary>
    public static CurveKind ParseCurve(string name) => name.ToLowerInvariant() switch
    {
        "none" => CurveKind.None,
        "linear" => CurveKind.Linear,
        "sqrt" => CurveKind.Sqrt,
        "exponential" => CurveKind.Exponential,
        "table" => CurveKind.Table,
        _ => throw new BootstrapException($"unknown decay kind '{name}'"),
    };
}
