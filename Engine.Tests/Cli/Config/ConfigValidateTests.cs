using System.Text.Json.Nodes;
using TokenMatch.Cli.Config;

namespace TokenMatch.Tests.Cli.Config;

/// <summary>
/// Each out-of-range value, set alone in the default configuration's JSON, gives exactly one error,
/// naming exactly that field and the allowed range; and the rules across fields (duplicates, grants to
/// unknown markets, the house, API keys, the provider's credits for buybacks) name the field at fault.
/// </summary>
public sealed class ConfigValidateTests
{
    /// <summary>The default's JSON with <paramref name="path"/> (dots and [i]) set to <paramref name="value"/>, read and validated.</summary>
    private static IReadOnlyList<ConfigError> ValidateWith(string path, JsonNode? value) => ValidateWith((path, value));

    private static IReadOnlyList<ConfigError> ValidateWith(params (string Path, JsonNode? Value)[] changes)
    {
        JsonNode root = JsonNode.Parse(ServeConfig.Default.ToJson())!;
        foreach ((string path, JsonNode? value) in changes)
        {
            string[] parts = path.Replace("[", ".[").Split('.');
            JsonNode node = root;
            for (int i = 0; i < parts.Length - 1; i++) node = Step(node, parts[i]);
            string last = parts[^1];
            if (last.StartsWith('[')) node.AsArray()[int.Parse(last[1..^1])] = value;
            else node.AsObject()[last] = value;
        }
        return ServeConfig.Parse(root.ToJsonString()).Validate();
    }

    private static JsonNode Step(JsonNode node, string part) =>
        part.StartsWith('[') ? node.AsArray()[int.Parse(part[1..^1])]! : node.AsObject()[part]!;

    private static IEnumerable<TestCaseData> OutOfRange()
    {
        TestCaseData Case(string path, JsonNode? value, string range) => new TestCaseData(path, value, range).SetArgDisplayNames(path, value?.ToJsonString() ?? "null");
        yield return Case("listen.address", "localhost", "not an IP address");
        yield return Case("listen.port", -1, "0 to 65535");
        yield return Case("listen.port", 65536, "0 to 65535");
        yield return Case("tls.certificateFile", "", "PKCS#12");
        yield return Case("journal.directory", " ", "directory");
        yield return Case("journal.fsync", "always", "batch, interval, none");
        yield return Case("journal.fsync", "Batch", "batch, interval, none");
        yield return Case("journal.snapshotEveryCommands", -1, "0 (never) or more");
        yield return Case("keyFile", "", "file path");
        yield return Case("cycle.length", "weekly", "'month' or a duration");
        yield return Case("cycle.length", "0m", "'month' or a duration");
        yield return Case("logging.level", "Verbose", "Trace, Debug");
        yield return Case("house.providerAccount", 16_777_216, "0 to 16777215");
        yield return Case("house.feeAccount", -1, "0 to 16777215");
        yield return Case("house.feeAccount", 0, "must be another account");
        yield return Case("limits.maxOpenOrdersPerAccount", -1, "0 or more");
        yield return Case("limits.tierCaps.verified", -5, "0 (may not sell) or more");
        yield return Case("limits.tierCaps.gold", 5, "unknown tier");
        yield return Case("rateLimits.connectionRate", 0, "more than 0");
        yield return Case("rateLimits.connectionBurst", 0.5, "1 or more");
        yield return Case("rateLimits.accountRate", -3, "more than 0");
        yield return Case("rateLimits.accountBurst", 0, "1 or more");
        yield return Case("markets[1].symbol", "", "1 to 16 printable ASCII");
        yield return Case("markets[1].symbol", "LLM S", "1 to 16 printable ASCII");
        yield return Case("markets[1].symbol", "ABCDEFGHIJKLMNOPQ", "1 to 16 printable ASCII");
        yield return Case("markets[1].symbol", "llm-l", "used by another market");
        yield return Case("markets[0].modelClass", "", "description");
        yield return Case("markets[0].lotSize", 0, "1 or more tokens");
        yield return Case("markets[0].face", -1, "1 or more");
        yield return Case("markets[0].tick", 0, "1 or more");
        yield return Case("markets[0].minPrice", 0, "1 to 1000000000000");
        yield return Case("markets[0].minPrice", 150, "multiple of the tick");
        yield return Case("markets[0].maxPrice", 40_000_050, "multiple of the tick");
        yield return Case("markets[0].maxPrice", 1_000_000_000_100, "1 to 1000000000000");
        yield return Case("markets[1].maxPrice", 20_000_000, "at most 1048576");
        yield return Case("markets[1].maxPrice", 0, "1 to 1000000000000");
        yield return Case("markets[0].minQuantity", 0, "1 or more lots");
        yield return Case("markets[0].maxQuantity", 0, "1 or more lots");
        yield return Case("markets[0].maxQuantity", 1_000_000_000_000, "overflow");
        yield return Case("markets[0].decay.kind", "cubic", "none, linear, sqrt, exponential, table");
        yield return Case("markets[0].decay.floorPpm", -1, "0 to 1000000");
        yield return Case("markets[0].decay.floorPpm", 1_000_001, "0 to 1000000");
        yield return Case("markets[0].decay.halfLife", 5, "only an exponential curve");
        yield return Case("markets[0].decay.points", new JsonArray(new JsonObject { ["elapsedPpm"] = 0, ["decayPpm"] = 1_000_000 }), "only a table curve");
        yield return Case("markets[0].fees.makerBps", -1, "0 to 1000");
        yield return Case("markets[0].fees.takerBps", 1_001, "0 to 1000");
        yield return Case("markets[0].buyback.rateBps", 10_001, "0 to 10000");
        yield return Case("markets[0].buyback.budgetLots", -1, "0 or more");
        yield return Case("markets[0].buyback.budgetLots", 100_000, "more than the provider");
        yield return Case("demoAccounts[2].id", -1, "0 to 16777215");
        yield return Case("demoAccounts[3].id", 100, "listed twice");
        yield return Case("demoAccounts[2].tier", "gold", "unverified, verified, trusted");
        yield return Case("demoAccounts[2].credits", -1, "0 or more");
        yield return Case("demoAccounts[3].credits", long.MaxValue, "add up to more than");
        yield return Case("demoAccounts[2].link", 0, "1 or more");
        yield return Case("demoAccounts[2].grants[0].market", 99, "not configured");
        yield return Case("demoAccounts[4].grants[0].origin", "acquired", "paid, allocated, trial, promo");
        yield return Case("demoAccounts[2].grants[1].lots", 0, "1 or more lots");
    }

    [TestCaseSource(nameof(OutOfRange))]
    public void An_out_of_range_value_gives_one_error_naming_its_field_and_range(string path, JsonNode? value, string range)
    {
        IReadOnlyList<ConfigError> errors = ValidateWith(path, value);
        Assert.That(errors.Select(e => e.Field), Is.EqualTo(new[] { path }), string.Join("\n", errors));
        Assert.That(errors[0].Message, Does.Contain(range));
    }

    [Test]
    public void Every_error_is_reported_not_only_the_first()
    {
        IReadOnlyList<ConfigError> errors = ValidateWith(("listen.port", -1), ("markets[0].tick", 0), ("markets[1].fees.makerBps", 5000), ("logging.level", "loud"));
        Assert.That(errors.Select(e => e.Field), Is.EquivalentTo(new[] { "listen.port", "markets[0].tick", "markets[1].fees.makerBps", "logging.level" }));
    }

    [Test]
    public void A_buyback_bid_outside_the_market_s_prices_names_the_rate() =>
        Assert.That(ValidateWith("markets[0].minPrice", 10_000_100).Select(e => e.ToString()),
            Is.EqualTo(new[] { "markets[0].buyback.rateBps: 5000 bps of face 20000000 is a bid at 10000000, outside the market's prices 10000100 to 40000000" }));

    [TestCase(-1)]
    [TestCase(1024)]
    public void A_market_id_out_of_range_is_named(int id)
    {
        // The grants in market 1 move to market 2 first: a grant in a market that is not there is an error of its own.
        IReadOnlyList<ConfigError> errors = ValidateWith(("markets[0].id", id), ("demoAccounts[2].grants[0].market", 2), ("demoAccounts[3].grants[0].market", 2));
        Assert.That(errors.Select(e => e.ToString()), Is.EqualTo(new[] { $"markets[0].id: {id} is out of range: 0 to 1023" }));
        Assert.That(ValidateWith("markets[0].id", id).Select(e => e.Field), Does.Contain("demoAccounts[2].grants[0].market"));
    }

    [Test]
    public void A_duplicate_market_id_names_the_second_market()
    {
        IReadOnlyList<ConfigError> errors = ValidateWith(("markets[1].id", 1), ("demoAccounts[2].grants[1].market", 1), ("demoAccounts[4].grants[0].market", 1));
        Assert.That(errors.Select(e => e.ToString()), Is.EqualTo(new[] { "markets[1].id: market 1 is configured twice" }));
    }

    [Test]
    public void A_table_curve_is_checked_point_by_point()
    {
        JsonArray Points(params (long X, long D)[] points) => new(points.Select(p => (JsonNode)new JsonObject { ["elapsedPpm"] = p.X, ["decayPpm"] = p.D }).ToArray());
        Assert.That(ValidateWith(("markets[0].decay.kind", "table"), ("markets[0].decay.floorPpm", 0), ("markets[0].decay.points", Points((0, 1_000_000), (500_000, 400_000)))), Is.Empty);
        Assert.That(ValidateWith(("markets[0].decay.kind", "table"), ("markets[0].decay.floorPpm", 0), ("markets[0].decay.points", Points())).Select(e => e.Field),
            Is.EqualTo(new[] { "markets[0].decay.points" }));
        Assert.That(ValidateWith(("markets[0].decay.kind", "table"), ("markets[0].decay.floorPpm", 0), ("markets[0].decay.points", Points((10, 1_000_000)))).Select(e => e.Field),
            Is.EqualTo(new[] { "markets[0].decay.points[0].elapsedPpm" }));
        Assert.That(ValidateWith(("markets[0].decay.kind", "table"), ("markets[0].decay.floorPpm", 0), ("markets[0].decay.points", Points((0, 1_000_000), (5, 10), (5, 5)))).Select(e => e.Field),
            Is.EqualTo(new[] { "markets[0].decay.points[2].elapsedPpm" }));
        Assert.That(ValidateWith(("markets[0].decay.kind", "table"), ("markets[0].decay.floorPpm", 0), ("markets[0].decay.points", Points((0, 1_000_000), (5, 10), (6, 11)))).Select(e => e.Field),
            Is.EqualTo(new[] { "markets[0].decay.points[2].decayPpm" }));
        Assert.That(ValidateWith(("markets[0].decay.kind", "table")).Select(e => e.Field),
            Is.EquivalentTo(new[] { "markets[0].decay.floorPpm", "markets[0].decay.points" }));
    }

    [Test]
    public void An_exponential_curve_needs_a_half_life()
    {
        Assert.That(ValidateWith("markets[0].decay.kind", "exponential").Select(e => e.Field), Is.EqualTo(new[] { "markets[0].decay.halfLife" }));
        Assert.That(ValidateWith(("markets[0].decay.kind", "exponential"), ("markets[0].decay.halfLife", 3_600_000_000_000)), Is.Empty);
    }

    [Test]
    public void A_null_list_entry_is_an_error_not_a_crash()
    {
        Assert.That(ValidateWith("markets[1]", null).Select(e => e.Field), Does.Contain("markets[1]"));
        Assert.That(ValidateWith("demoAccounts[0]", null).Select(e => e.Field), Is.EqualTo(new[] { "demoAccounts[0]" }).Or.Contains("demoAccounts[0]"));
    }

    private static JsonObject Key(int account, string role, string? hash = null)
    {
        (string _, TokenMatch.Commands.Command issue) = TokenMatch.Gateway.Security.ApiKeys.Create(account, TokenMatch.Commands.Role.Trader);
        return new JsonObject { ["account"] = account, ["role"] = role, ["hash"] = hash ?? ApiKeyHash.Format(issue) };
    }

    [Test]
    public void Api_keys_made_by_hash_key_are_accepted() =>
        Assert.That(ValidateWith("apiKeys", new JsonArray(Key(0, "provider"), Key(100, "trader"), Key(0, "marketdata"))), Is.Empty);

    [TestCase("tmh1_5_00", "apiKeys[0].hash", "not a key hash")]
    [TestCase("tmk1_5_0000000000000000000000000000000000000000000000000000000000000000", "apiKeys[0].hash", "not a key hash")]
    [TestCase("tmh1_0_00000000000000000000000000000000_0000000000000000000000000000000000000000000000000000000000000000", "apiKeys[0].hash", "not a key hash")]
    [TestCase("tmh1_5_0000000000000000000000000000000g_0000000000000000000000000000000000000000000000000000000000000000", "apiKeys[0].hash", "not a key hash")]
    public void A_key_hash_that_does_not_parse_is_named(string hash, string field, string message)
    {
        IReadOnlyList<ConfigError> errors = ValidateWith("apiKeys", new JsonArray(Key(100, "trader", hash)));
        Assert.That(errors.Select(e => e.Field), Is.EqualTo(new[] { field }));
        Assert.That(errors[0].Message, Does.Contain(message));
    }

    [Test]
    public void Api_key_rules_name_the_field_at_fault()
    {
        JsonObject a = Key(100, "trader"), b = Key(101, "trader");
        b["hash"] = a["hash"]!.GetValue<string>();
        Assert.That(ValidateWith("apiKeys", new JsonArray(a, b)).Select(e => e.ToString()), Is.EqualTo(new[] { $"apiKeys[1].hash: key id {a["hash"]!.GetValue<string>().Split('_')[1]} is given twice" }));
        Assert.That(ValidateWith("apiKeys", new JsonArray(Key(555, "trader"))).Select(e => e.Field), Is.EqualTo(new[] { "apiKeys[0].account" }));
        Assert.That(ValidateWith("apiKeys", new JsonArray(Key(100, "provider"))).Select(e => e.Field), Is.EqualTo(new[] { "apiKeys[0].account" }));
        Assert.That(ValidateWith("apiKeys", new JsonArray(Key(100, "admin"))).Select(e => e.Field), Is.EqualTo(new[] { "apiKeys[0].role" }));
    }

    [Test]
    public void Api_key_commands_carry_the_hash()
    {
        (string key, TokenMatch.Commands.Command issue) = TokenMatch.Gateway.Security.ApiKeys.Create(100, TokenMatch.Commands.Role.Trader);
        var config = ServeConfig.Parse($$"""{ "apiKeys": [ { "account": 100, "role": "marketdata", "hash": "{{ApiKeyHash.Format(issue)}}" } ] }""");
        TokenMatch.Commands.Command made = config.ApiKeyCommands().Single();
        Assert.That((made.OrderId, made.Account, made.Code, made.A0, made.A1, made.A2, made.A3, made.A4, made.A5),
            Is.EqualTo((issue.OrderId, 100, (byte)TokenMatch.Commands.Role.MarketData, issue.A0, issue.A1, issue.A2, issue.A3, issue.A4, issue.A5)));
        Assert.That(TokenMatch.Gateway.Security.ApiKeys.TryParse(key, out long keyId, out _) && keyId == made.OrderId);
    }
}
