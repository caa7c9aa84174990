using System.Globalization;
using System.Net;
using TokenMatch.Cli.Serve;
using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Markets;

namespace TokenMatch.Cli.Config;

/// <summary>
/// Every range check of a <see cref="ServeConfig"/>, each error naming its field path and the allowed
/// range. The market, curve, fee, buyback, account and grant rules are the engine's own
/// (Core/MarketLifecycle.cs, Core/Buyback.cs, Core/ExchangeCore.Accounts.cs, Ledger/LedgerBook.cs,
/// DecayCurve), so that a configuration that validates is one whose bootstrap commands the engine
/// accepts; the rest are serve's (port, fsync, cycle, log
/// level, rate limits, key hashes). Checks that depend on a field already found wrong are skipped,
/// so one wrong value gives one error. Stateless; any thread.
/// </summary>
public static class ConfigValidator
{
    /// <summary>The names <c>logging.level</c> accepts (Microsoft.Extensions.Logging levels).</summary>
    public static readonly string[] LogLevels = ["Trace", "Debug", "Information", "Warning", "Error", "Critical", "None"];

    /// <summary>The names <c>journal.fsync</c> accepts.</summary>
    public static readonly string[] FsyncPolicies = ["batch", "interval", "none"];

    /// <summary>The names <c>decay.kind</c> accepts.</summary>
    public static readonly string[] CurveKinds = ["none", "linear", "sqrt", "exponential", "table"];

    /// <summary>The names tiers accept (<c>demoAccounts[].tier</c>, the keys of <c>limits.tierCaps</c>).</summary>
    public static readonly string[] Tiers = ["unverified", "verified", "trusted"];

    /// <summary>The names <c>grants[].origin</c> accepts ("paid" and "allocated" are the same: the sellable monthly quota).</summary>
    public static readonly string[] Origins = ["paid", "allocated", "trial", "promo"];

    /// <summary>The names <c>apiKeys[].role</c> accepts.</summary>
    public static readonly string[] Roles = ["trader", "provider", "marketdata"];

    /// <summary>Largest fee in basis points (the engine's SetFees).</summary>
    public const long MaxFeeBps = 1_000;

    /// <summary>Largest buyback rate in basis points of face value.</summary>
    public const long MaxBuybackBps = 10_000;

    private const string AccountRange = "0 to 16777215";

    /// <summary>Every error in <paramref name="config"/>, in field order; empty when it is valid.</summary>
    public static IReadOnlyList<ConfigError> Validate(ServeConfig config)
    {
        var errors = new List<ConfigError>();
        void Error(string field, string message) => errors.Add(new ConfigError(field, message));

        // Listen, TLS, journal, key file, cycle, logging: serve's own settings.
        if (!IPAddress.TryParse(config.Listen.Address, out _))
            Error("listen.address", $"'{config.Listen.Address}' is not an IP address (for example 127.0.0.1, 0.0.0.0 or ::1)");
        if (config.Listen.Port is < 0 or > 65535)
            Error("listen.port", $"{config.Listen.Port} is out of range: 0 to 65535 (0 = any free port)");
        if (config.Tls.CertificateFile is { } cert && string.IsNullOrWhiteSpace(cert))
            Error("tls.certificateFile", "empty: a PKCS#12 file path, or null for no TLS");
        if (string.IsNullOrWhiteSpace(config.Journal.Directory))
            Error("journal.directory", "empty: a directory path");
        if (!FsyncPolicies.Contains(config.Journal.Fsync, StringComparer.Ordinal))
            Error("journal.fsync", $"'{config.Journal.Fsync}': expected one of {string.Join(", ", FsyncPolicies)}");
        if (config.Journal.SnapshotEveryCommands < 0)
            Error("journal.snapshotEveryCommands", $"{config.Journal.SnapshotEveryCommands} is out of range: 0 (never) or more");
        if (config.KeyFile is { } keyFile && string.IsNullOrWhiteSpace(keyFile))
            Error("keyFile", "empty: a file path, or null for <journal directory>/demo-keys.txt");
        if (!CycleSchedule.TryParse(config.Cycle.Length, out _, out string cycleError))
            Error("cycle.length", cycleError);
        if (!LogLevels.Contains(config.Logging.Level, StringComparer.OrdinalIgnoreCase))
            Error("logging.level", $"'{config.Logging.Level}': expected one of {string.Join(", ", LogLevels)}");

        // The house and the limits.
        int provider = config.House.ProviderAccount, fee = config.House.FeeAccount;
        bool providerOk = IsAccountId(provider), feeOk = IsAccountId(fee);
        if (!providerOk) Error("house.providerAccount", $"{provider} is out of range: {AccountRange}");
        if (!feeOk) Error("house.feeAccount", $"{fee} is out of range: {AccountRange}");
        else if (providerOk && fee == provider)
            Error("house.feeAccount", $"{fee} is the provider account too: the fee account must be another account, so that fee income and the provider's buyback spending stay apart");
        if (config.Limits.MaxOpenOrdersPerAccount < 0)
            Error("limits.maxOpenOrdersPerAccount", $"{config.Limits.MaxOpenOrdersPerAccount} is out of range: 0 or more");
        foreach ((string tier, long cap) in config.Limits.TierCaps)
        {
            if (!Tiers.Contains(tier, StringComparer.OrdinalIgnoreCase))
                Error($"limits.tierCaps.{tier}", $"unknown tier '{tier}': expected {string.Join(", ", Tiers)}");
            else if (cap < 0)
                Error($"limits.tierCaps.{tier}", $"{cap} is out of range: 0 (may not sell) or more lots");
        }
        if (config.Limits.TierCaps.Keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
            Error($"limits.tierCaps.{twice.Last()}", $"tier '{twice.Key}' is given twice (names are not case-sensitive)");
        RateLimit(errors, "rateLimits.connectionRate", config.RateLimits.ConnectionRate, 0, "requests per second");
        RateLimit(errors, "rateLimits.connectionBurst", config.RateLimits.ConnectionBurst, 1, "requests");
        RateLimit(errors, "rateLimits.accountRate", config.RateLimits.AccountRate, 0, "requests per second");
        RateLimit(errors, "rateLimits.accountBurst", config.RateLimits.AccountBurst, 1, "requests");

        // The markets.
        var marketIds = new HashSet<int>();
        // Ids as written, right or wrong: a grant to a market whose id is itself wrong is not a second error.
        var writtenIds = config.Markets.Where(m => m is not null).Select(m => m.Id).ToHashSet();
        var symbols = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var buybackHolds = new List<(string Field, Int128 Credits)>();
        for (int i = 0; i < config.Markets.Count; i++)
        {
            MarketConfig? m = config.Markets[i];
            string at = $"markets[{i}]";
            if (m is null)
            {
                Error(at, "null: expected a market object");
                continue;
            }
            ValidateMarket(errors, at, m, marketIds, symbols, buybackHolds);
        }

        // The accounts, their credits and grants.
        var accountIds = new HashSet<int>();
        Int128 deposits = 0;
        long providerCredits = 0;
        var granted = new Dictionary<int, Int128>();
        for (int i = 0; i < config.DemoAccounts.Count; i++)
        {
            DemoAccountConfig? a = config.DemoAccounts[i];
            string at = $"demoAccounts[{i}]";
            if (a is null)
            {
                Error(at, "null: expected an account object");
                continue;
            }
            if (!IsAccountId(a.Id)) Error($"{at}.id", $"{a.Id} is out of range: {AccountRange}");
            else if (!accountIds.Add(a.Id)) Error($"{at}.id", $"account {a.Id} is listed twice");
            if (!Tiers.Contains(a.Tier, StringComparer.OrdinalIgnoreCase))
                Error($"{at}.tier", $"'{a.Tier}': expected one of {string.Join(", ", Tiers)}");
            if (a.Credits < 0) Error($"{at}.credits", $"{a.Credits} is out of range: 0 or more micro-credits");
            else
            {
                bool overBefore = deposits > long.MaxValue;
                deposits += a.Credits;
                if (deposits > long.MaxValue && !overBefore) Error($"{at}.credits", $"the accounts' credits add up to more than {long.MaxValue}, the engine's total");
                if (a.Id == provider) providerCredits = a.Credits;
            }
            if (a.Link is long group && group <= 0) Error($"{at}.link", $"{group} is out of range: a group number of 1 or more, or null for none");
            for (int j = 0; j < a.Grants.Count; j++)
            {
                GrantConfig? g = a.Grants[j];
                string gat = $"{at}.grants[{j}]";
                if (g is null)
                {
                    Error(gat, "null: expected a grant object");
                    continue;
                }
                if (!writtenIds.Contains(g.Market))
                    Error($"{gat}.market", $"market {g.Market} is not configured (markets: {(marketIds.Count == 0 ? "none" : string.Join(", ", marketIds.Order()))})");
                if (!Origins.Contains(g.Origin, StringComparer.OrdinalIgnoreCase))
                    Error($"{gat}.origin", $"'{g.Origin}': expected one of {string.Join(", ", Origins)}");
                if (g.Lots <= 0) Error($"{gat}.lots", $"{g.Lots} is out of range: 1 or more lots");
                else
                {
                    Int128 total = granted.GetValueOrDefault(g.Market) + g.Lots;
                    granted[g.Market] = total;
                    if (total > long.MaxValue) Error($"{gat}.lots", $"the grants in market {g.Market} add up to more than {long.MaxValue} lots");
                }
            }
        }

        // The provider holds credits for every buyback bid at full value (the most a bid can hold).
        Int128 held = 0;
        if (!providerOk) buybackHolds.Clear(); // already an error: no provider to pay
        foreach ((string field, Int128 credits) in buybackHolds)
        {
            held += credits;
            if (held > providerCredits)
            {
                Error(field, $"the buyback bids hold up to {held} micro-credits at full value, more than the provider (account {provider}) has: {providerCredits} (give it credits in demoAccounts, or a smaller budget)");
                break;
            }
        }

        // The API keys of a real deployment.
        var keyIds = new HashSet<long>();
        for (int i = 0; i < config.ApiKeys.Count; i++)
        {
            ApiKeyConfig? k = config.ApiKeys[i];
            string at = $"apiKeys[{i}]";
            if (k is null)
            {
                Error(at, "null: expected a key object");
                continue;
            }
            bool roleOk = Roles.Contains(k.Role, StringComparer.OrdinalIgnoreCase);
            if (!roleOk) Error($"{at}.role", $"'{k.Role}': expected one of {string.Join(", ", Roles)}");
            if (k.Account != provider && k.Account != fee && !accountIds.Contains(k.Account))
                Error($"{at}.account", $"account {k.Account} is neither a house account nor in demoAccounts");
            else if (roleOk && k.Role.Equals("provider", StringComparison.OrdinalIgnoreCase) && k.Account != provider)
                Error($"{at}.account", $"a provider key acts for every account: it must belong to house.providerAccount ({provider}), not {k.Account}");
            if (!ApiKeyHash.TryGetKeyId(k.Hash, out long keyId))
                Error($"{at}.hash", $"not a key hash: expected {ApiKeyHash.Shape}");
            else if (!keyIds.Add(keyId))
                Error($"{at}.hash", $"key id {keyId} is given twice");
        }
        return errors;
    }

    private static void ValidateMarket(List<ConfigError> errors, string at, MarketConfig m, HashSet<int> ids, HashSet<string> symbols,
        List<(string, Int128)> buybackHolds)
    {
        void Error(string field, string message) => errors.Add(new ConfigError($"{at}.{field}", message));
        string Range(long value, string range) => $"{value.ToString(CultureInfo.InvariantCulture)} is out of range: {range}";

        if (m.Id is < 0 or >= ExchangeCore.MaxMarkets) Error("id", Range(m.Id, $"0 to {ExchangeCore.MaxMarkets - 1}"));
        else if (!ids.Add(m.Id)) Error("id", $"market {m.Id} is configured twice");
        if (m.Symbol is null || !MarketSymbol.IsValid(m.Symbol))
            Error("symbol", $"'{m.Symbol}': expected 1 to {MarketSymbol.MaxLength} printable ASCII characters without spaces");
        else if (!symbols.Add(m.Symbol)) Error("symbol", $"symbol '{m.Symbol}' is used by another market (symbols are not case-sensitive here)");
        if (string.IsNullOrWhiteSpace(m.ModelClass)) Error("modelClass", "empty: a description for people, such as \"large model\"");
        if (m.LotSize <= 0) Error("lotSize", Range(m.LotSize, "1 or more tokens per lot"));
        if (m.Face <= 0) Error("face", Range(m.Face, "1 or more micro-credits per lot"));
        bool tickOk = m.Tick > 0;
        if (!tickOk) Error("tick", Range(m.Tick, "1 or more micro-credits"));
        bool minOk = m.MinPrice > 0 && m.MinPrice <= Market.MaxPriceLimit;
        if (!minOk) Error("minPrice", Range(m.MinPrice, $"1 to {Market.MaxPriceLimit}"));
        else if (tickOk && m.MinPrice % m.Tick != 0) { Error("minPrice", $"{m.MinPrice} is not a multiple of the tick ({m.Tick})"); minOk = false; }
        bool maxOk = m.MaxPrice > 0 && m.MaxPrice <= Market.MaxPriceLimit;
        if (!maxOk) Error("maxPrice", Range(m.MaxPrice, $"1 to {Market.MaxPriceLimit}"));
        else if (tickOk && m.MaxPrice % m.Tick != 0) { Error("maxPrice", $"{m.MaxPrice} is not a multiple of the tick ({m.Tick})"); maxOk = false; }
        if (minOk && maxOk)
        {
            if (m.MaxPrice < m.MinPrice) Error("maxPrice", $"{m.MaxPrice} is below minPrice ({m.MinPrice})");
            else if (tickOk && (m.MaxPrice - m.MinPrice) / m.Tick >= Market.MaxPriceLevels)
                Error("maxPrice", $"{m.MaxPrice} gives {(m.MaxPrice - m.MinPrice) / m.Tick + 1} price levels: at most {Market.MaxPriceLevels} (maxPrice - minPrice < {Market.MaxPriceLevels} ticks)");
        }
        bool minQtyOk = m.MinQuantity > 0;
        if (!minQtyOk) Error("minQuantity", Range(m.MinQuantity, "1 or more lots"));
        if (m.MaxQuantity <= 0) Error("maxQuantity", Range(m.MaxQuantity, "1 or more lots"));
        else if (minQtyOk && m.MaxQuantity < m.MinQuantity) Error("maxQuantity", $"{m.MaxQuantity} is below minQuantity ({m.MinQuantity})");
        else if (maxOk && (Int128)m.MaxQuantity * m.MaxPrice * 2 > long.MaxValue)
            Error("maxQuantity", $"{m.MaxQuantity} lots at maxPrice {m.MaxPrice} overflow the engine's arithmetic: at most {long.MaxValue / 2 / m.MaxPrice} lots");

        ValidateDecay(errors, $"{at}.decay", m.Decay);

        if (m.Fees.MakerBps is < 0 or > MaxFeeBps) Error("fees.makerBps", Range(m.Fees.MakerBps, $"0 to {MaxFeeBps} basis points"));
        if (m.Fees.TakerBps is < 0 or > MaxFeeBps) Error("fees.takerBps", Range(m.Fees.TakerBps, $"0 to {MaxFeeBps} basis points"));

        if (m.Buyback is { } b)
        {
            bool rateOk = b.RateBps is >= 0 and <= MaxBuybackBps;
            if (!rateOk) Error("buyback.rateBps", Range(b.RateBps, $"0 to {MaxBuybackBps} basis points of face value"));
            if (b.BudgetLots < 0) Error("buyback.budgetLots", Range(b.BudgetLots, "0 or more lots"));
            if (rateOk && b.RateBps > 0 && b.BudgetLots > 0 && m.Face > 0 && tickOk && minOk && maxOk)
            {
                long price = (long)((Int128)b.RateBps * m.Face / 10_000) / m.Tick * m.Tick;
                if (price < m.MinPrice || price > m.MaxPrice)
                    Error("buyback.rateBps", $"{b.RateBps} bps of face {m.Face} is a bid at {price}, outside the market's prices {m.MinPrice} to {m.MaxPrice}");
                else
                    buybackHolds.Add(($"{at}.buyback.budgetLots", (Int128)b.BudgetLots * Pricing.Effective(price, DecayCurve.Full, m.Tick)));
            }
        }
    }

    private static void ValidateDecay(List<ConfigError> errors, string at, DecayConfig d)
    {
        void Error(string field, string message) => errors.Add(new ConfigError($"{at}.{field}", message));
        string kind = d.Kind?.ToLowerInvariant() ?? "";
        if (!CurveKinds.Contains(kind))
        {
            Error("kind", $"'{d.Kind}': expected one of {string.Join(", ", CurveKinds)}");
            return;
        }
        bool floored = kind is "linear" or "sqrt" or "exponential";
        if (floored && d.FloorPpm is < 0 or > DecayCurve.Full)
            Error("floorPpm", $"{d.FloorPpm} is out of range: 0 to {DecayCurve.Full} ppm of face value");
        else if (!floored && d.FloorPpm != 0)
            Error("floorPpm", $"{d.FloorPpm}: a {kind} curve has no floor (0)");
        if (kind == "exponential" && d.HalfLife <= 0)
            Error("halfLife", $"{d.HalfLife} is out of range: 1 or more nanoseconds for an exponential curve");
        else if (kind != "exponential" && d.HalfLife != 0)
            Error("halfLife", $"{d.HalfLife}: only an exponential curve has a half-life (0)");
        if (kind != "table")
        {
            if (d.Points.Count > 0) Error("points", $"{d.Points.Count} points: only a table curve has points (an empty list)");
            return;
        }
        if (d.Points.Count is 0 or > DecayCurve.MaxTablePoints)
        {
            Error("points", $"{d.Points.Count} points: a table curve has 1 to {DecayCurve.MaxTablePoints}");
            return;
        }
        for (int i = 0; i < d.Points.Count; i++)
        {
            CurvePointConfig? p = d.Points[i];
            string pat = $"points[{i}]";
            if (p is null)
            {
                Error(pat, "null: expected a point { elapsedPpm, decayPpm }");
                return;
            }
            CurvePointConfig? before = i == 0 ? null : d.Points[i - 1];
            if (i == 0 && p.ElapsedPpm != 0) Error($"{pat}.elapsedPpm", $"{p.ElapsedPpm}: the first point is at 0 (the cycle start)");
            else if (i > 0 && (p.ElapsedPpm > DecayCurve.Full || (before is not null && p.ElapsedPpm <= before.ElapsedPpm)))
                Error($"{pat}.elapsedPpm", $"{p.ElapsedPpm} is out of range: above the previous point's {before?.ElapsedPpm} and at most {DecayCurve.Full}");
            if (i == 0 && p.DecayPpm != DecayCurve.Full) Error($"{pat}.decayPpm", $"{p.DecayPpm}: the first point is {DecayCurve.Full} (full value)");
            else if (i > 0 && (p.DecayPpm < 0 || (before is not null && p.DecayPpm > before.DecayPpm)))
                Error($"{pat}.decayPpm", $"{p.DecayPpm} is out of range: 0 to the previous point's {before?.DecayPpm} (a curve never rises)");
        }
    }

    private static void RateLimit(List<ConfigError> errors, string field, double value, double least, string unit)
    {
        if (!double.IsFinite(value) || value < least || (least == 0 && value <= 0))
            errors.Add(new ConfigError(field, $"{value.ToString(CultureInfo.InvariantCulture)} is out of range: {(least == 0 ? "more than 0" : $"{least} or more")} {unit}"));
    }

    private static bool IsAccountId(int id) => (uint)id < ExchangeCore.MaxAccounts;
}
