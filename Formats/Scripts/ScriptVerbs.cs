using TokenMatch.Commands;

namespace TokenMatch.Formats.Scripts;

/// <summary>
/// The table of script verbs, one per <see cref="CommandType"/>: docs/command-script.md describes the
/// same table for humans. The verb is the kebab-case name of the command type.
/// </summary>
public static class ScriptVerbs
{
    private static readonly ScriptVerb[] Table = Build();
    private static readonly Dictionary<string, ScriptVerb> ByName = Table.ToDictionary(v => v.Name, StringComparer.Ordinal);
    private static readonly Dictionary<CommandType, ScriptVerb> ByType = Table.ToDictionary(v => v.Type);

    /// <summary>Every verb, in documentation order.</summary>
    public static IReadOnlyList<ScriptVerb> All => Table;

    /// <summary>The verb named <paramref name="name"/>, or null.</summary>
    public static ScriptVerb? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>The verb for <paramref name="type"/>, or null when the type has none (<see cref="CommandType.None"/>).</summary>
    public static ScriptVerb? Find(CommandType type) => ByType.GetValueOrDefault(type);

    private static ScriptVerb[] Build()
    {
        ScriptField account = new("account", FieldKind.Id, c => c.Account, (c, v) => c with { Account = (int)v }, Required: true);
        ScriptField market = new("market", FieldKind.Id, c => c.Market, (c, v) => c with { Market = (int)v }, Required: true);
        ScriptField qty = new("qty", FieldKind.Integer, c => c.Quantity, (c, v) => c with { Quantity = v }, Required: true);
        ScriptField amount = new("amount", FieldKind.Credits, c => c.Quantity, (c, v) => c with { Quantity = v }, Required: true);
        ScriptField price = new("price", FieldKind.FtePrice, c => c.Price, (c, v) => c with { Price = v, PriceKind = PriceKind.Fte },
            WriteWhen: c => c.PriceKind == PriceKind.Fte && c.Price != 0);
        ScriptField abs = new("abs", FieldKind.AbsolutePrice, c => c.Price, (c, v) => c with { Price = v, PriceKind = PriceKind.Absolute },
            WriteWhen: c => c.PriceKind == PriceKind.Absolute);
        ScriptField tier = new("tier", FieldKind.Tier, c => c.Code, (c, v) => c with { Code = (byte)v }, Required: true);

        // Cancel and amend address an order by engine id, or by account, market and client id.
        ScriptField orderRef = new("order", FieldKind.Integer, c => c.OrderId, (c, v) => c with { OrderId = v },
            WriteWhen: c => c.OrderId != 0 || c.ClientId == 0);
        ScriptField marketRef = market with { Required = false, WriteWhen = c => c.Market != 0 || c.ClientId != 0 };
        ScriptField clientRef = new("client", FieldKind.Integer, c => c.ClientId, (c, v) => c with { ClientId = v });

        ScriptVerb MarketOnly(string name, CommandType type) => new(name, type, [market]);
        ScriptVerb AccountOnly(string name, CommandType type) => new(name, type, [account]);

        return
        [
            new("time", CommandType.Time, []),
            new("place", CommandType.Place,
            [
                account, market,
                new("side", FieldKind.Side, c => (long)c.Side, (c, v) => c with { Side = (Side)v }, Required: true),
                qty, price, abs,
                new("type", FieldKind.OrderType, c => (long)c.OrderType, (c, v) => c with { OrderType = (OrderType)v },
                    Default: (long)OrderType.Limit, WriteWhen: c => c.OrderType != OrderType.Limit),
                new("tif", FieldKind.TimeInForce, c => (long)c.Tif, (c, v) => c with { Tif = (TimeInForce)v }),
                new("expire", FieldKind.Time, c => c.Arg, (c, v) => c with { Arg = v }),
                new("client", FieldKind.Integer, c => c.ClientId, (c, v) => c with { ClientId = v }),
                new("stp", FieldKind.Stp, c => (long)c.Stp, (c, v) => c with { Stp = (StpMode)v }),
            ], PriceRule),
            new("cancel", CommandType.Cancel, [account, orderRef, marketRef, clientRef], OrderRefRule),
            new("amend", CommandType.Amend,
            [
                account, orderRef, marketRef, clientRef,
                qty with { Required = false }, price, abs,
            ], keys => OrderRefRule(keys) ?? PriceRule(keys)),
            new("mass-cancel", CommandType.MassCancel, [account, market with { Required = false, Default = -1 }]),
            new("consume", CommandType.Consume, [account, market, qty]),
            new("spend", CommandType.Spend, [account, amount]),
            new("create-account", CommandType.CreateAccount, [account, tier with { Required = false }]),
            new("deposit", CommandType.Deposit, [account, amount]),
            new("grant", CommandType.Grant,
            [
                account, market,
                new("origin", FieldKind.Origin, c => c.Code, (c, v) => c with { Code = (byte)v }, Required: true),
                qty,
            ]),
            new("set-tier", CommandType.SetTier, [account, tier]),
            new("set-tier-cap", CommandType.SetTierCap,
                [tier, new("max-sell", FieldKind.Integer, c => c.Quantity, (c, v) => c with { Quantity = v }, Required: true)]),
            new("set-max-open-orders", CommandType.SetMaxOpenOrders,
                [new("max", FieldKind.Integer, c => c.Quantity, (c, v) => c with { Quantity = v }, Required: true)]),
            new("link", CommandType.Link,
                [account, new("group", FieldKind.Integer, c => c.Arg, (c, v) => c with { Arg = v }, Required: true)]),
            AccountOnly("unlink", CommandType.Unlink),
            AccountOnly("freeze", CommandType.Freeze),
            AccountOnly("unfreeze", CommandType.Unfreeze),
            new("set-stp-default", CommandType.SetStpDefault,
                [account, new("stp", FieldKind.Stp, c => (long)c.Stp, (c, v) => c with { Stp = (StpMode)v }, Required: true)]),
            new("set-consume-order", CommandType.SetConsumeOrder,
                [new("origins", FieldKind.Origins, null, null, Required: true)]),
            new("set-house", CommandType.SetHouse,
            [
                account with { Key = "provider" },
                new("fee-account", FieldKind.Id, c => c.Arg, (c, v) => c with { Arg = v }, Required: true),
            ]),
            new("create-market", CommandType.CreateMarket,
            [
                market,
                new("symbol", FieldKind.Symbol, null, null, Required: true),
                Arg("lot", FieldKind.Integer, c => c.A0, (c, v) => c with { A0 = v }),
                Arg("tick", FieldKind.Credits, c => c.A1, (c, v) => c with { A1 = v }),
                Arg("face", FieldKind.Credits, c => c.A2, (c, v) => c with { A2 = v }),
                Arg("min-price", FieldKind.Credits, c => c.A3, (c, v) => c with { A3 = v }),
                Arg("max-price", FieldKind.Credits, c => c.A4, (c, v) => c with { A4 = v }),
                Arg("min-qty", FieldKind.Integer, c => c.A5, (c, v) => c with { A5 = v }),
                Arg("max-qty", FieldKind.Integer, c => c.A6, (c, v) => c with { A6 = v }),
                Arg("start", FieldKind.Time, c => c.A7, (c, v) => c with { A7 = v }),
                Arg("end", FieldKind.Time, c => c.Quantity, (c, v) => c with { Quantity = v }),
            ]),
            new("set-curve", CommandType.SetCurve,
            [
                market,
                new("curve", FieldKind.Curve, c => c.Code, (c, v) => c with { Code = (byte)v }, Required: true),
                new("floor", FieldKind.Integer, c => c.A0, (c, v) => c with { A0 = v }),
                new("half-life", FieldKind.Duration, c => c.A1, (c, v) => c with { A1 = v }),
            ]),
            new("add-curve-point", CommandType.AddCurvePoint,
            [
                market,
                Arg("elapsed", FieldKind.Integer, c => c.A0, (c, v) => c with { A0 = v }),
                Arg("decay", FieldKind.Integer, c => c.A1, (c, v) => c with { A1 = v }),
            ]),
            MarketOnly("open-market", CommandType.OpenMarket),
            MarketOnly("halt-market", CommandType.HaltMarket),
            MarketOnly("resume-market", CommandType.ResumeMarket),
            MarketOnly("expire-market", CommandType.ExpireMarket),
            new("set-fees", CommandType.SetFees,
            [
                market,
                Arg("maker", FieldKind.Integer, c => c.A0, (c, v) => c with { A0 = v }),
                Arg("taker", FieldKind.Integer, c => c.A1, (c, v) => c with { A1 = v }),
            ]),
            new("set-buyback", CommandType.SetBuyback,
            [
                market,
                Arg("rate", FieldKind.Integer, c => c.A0, (c, v) => c with { A0 = v }),
                Arg("budget", FieldKind.Integer, c => c.A1, (c, v) => c with { A1 = v }),
            ]),
            new("snapshot", CommandType.Snapshot, []),
            new("fill", CommandType.Fill,
            [
                account,
                new("order", FieldKind.Integer, c => c.OrderId, (c, v) => c with { OrderId = v }, Required: true),
                qty,
                new("side", FieldKind.Side, c => (long)c.Side, (c, v) => c with { Side = (Side)v }),
            ]),
        ];
    }

    private static ScriptField Arg(string key, FieldKind kind, Func<Command, long> get, Func<Command, long, Command> set) =>
        new(key, kind, get, set, Required: true);

    private static (string Field, string Reason)? PriceRule(IReadOnlySet<string> keys) =>
        keys.Contains("price") && keys.Contains("abs")
            ? ("abs", "give either price= (FTE) or abs= (absolute), not both")
            : null;

    private static (string Field, string Reason)? OrderRefRule(IReadOnlySet<string> keys)
    {
        if (!keys.Contains("order") && !keys.Contains("client"))
            return ("order", "missing: give order= (engine order id) or market= and client= (client order id)");
        if (keys.Contains("client") && !keys.Contains("market"))
            return ("market", "missing: client= needs market= to find the order");
        return null;
    }
}
