namespace TokenMatch.Cli.Config;

/// <summary>
/// The commented example configuration <c>tokenmatch config init</c> writes: every setting with
/// <see cref="ServeConfig.Default"/>'s value (a test reads it back equal to the default) and a line on
/// what it does. docs/configuration.md has the full reference.
/// </summary>
internal static class ConfigExample
{
    /// <summary>The example's text (JSON with comments).</summary>
    public const string Text = """
        // TokenMatch serve configuration: run it with  tokenmatch serve --config FILE
        // Check it with  tokenmatch config check FILE.  Every setting, its range and its default:
        // docs/configuration.md. Comments and trailing commas are allowed; an unknown field is an error.
        // Units are the engine's: quantities in lots, prices and credits in micro-credits, times in ns.
        // These values are the built-in demo's (what 'tokenmatch serve' runs without --config).
        {
          // Where the gateway listens. port 0 = any free port.
          "listen": { "address": "127.0.0.1", "port": 7340 },

          // TLS: a PKCS#12 file holding certificate and private key, without password; null = plain TCP.
          "tls": { "certificateFile": null },

          // The journal: every command is on disk before it is answered; a restart recovers from it.
          // fsync: "batch" (answer only what is synced), "interval" (sync every 1 ms) or "none" (the OS decides).
          // snapshotEveryCommands: write a state snapshot every so many commands; 0 = never.
          "journal": { "directory": "./data", "fsync": "batch", "snapshotEveryCommands": 1000000 },

          // Where the generated demo API keys are written once (mode 0600); null = <journal directory>/demo-keys.txt.
          // Not used when apiKeys below is not empty.
          "keyFile": null,

          // The billing cycle: "month" (the UTC calendar month) or a duration such as "10m", "2h", "7d".
          // When a cycle ends, the next cycle's markets open (same settings); lots expire, credits carry over.
          "cycle": { "length": "month" },

          // The provider (sells quotas, runs the buyback, holds the admin key) and the account fees go to.
          "house": { "providerAccount": 0, "feeAccount": 1 },

          // maxOpenOrdersPerAccount: resting orders per account. tierCaps: lots an account of each tier
          // may sell per market per cycle (a tier left out has no cap; 0 = may not sell).
          "limits": {
            "maxOpenOrdersPerAccount": 1000,
            "tierCaps": { "unverified": 0, "verified": 10000, "trusted": 1000000 },
          },

          // Token buckets of the gateway: requests per second and burst, per connection and per account.
          "rateLimits": { "connectionRate": 2000000, "connectionBurst": 100000, "accountRate": 1000000, "accountBurst": 50000 },

          // The markets of each cycle (ids 0-1023; cycle k's market ids are id + k x (largest id + 1)).
          // lotSize: tokens per lot. face: list price per lot at cycle start. Prices are FTE (fresh-token-
          // equivalent) per lot, multiples of tick, minPrice..maxPrice; quantities minQuantity..maxQuantity lots.
          // decay: "none", "linear", "sqrt", "exponential" (halfLife in ns) or "table" (points); floorPpm: the
          // lowest value in ppm of face. fees: basis points, 0-1000. buyback: the provider bids rateBps of face
          // (0-10000) for up to budgetLots per cycle; null = no buyback.
          "markets": [
            {
              "id": 1, "symbol": "LLM-L", "modelClass": "large model",
              "lotSize": 1000, "tick": 100, "face": 20000000,
              "minPrice": 100, "maxPrice": 40000000, "minQuantity": 1, "maxQuantity": 1000000,
              "decay": { "kind": "sqrt", "floorPpm": 100000, "halfLife": 0, "points": [] },
              "fees": { "makerBps": 5, "takerBps": 10 },
              "buyback": { "rateBps": 5000, "budgetLots": 1000 },
            },
            {
              "id": 2, "symbol": "LLM-S", "modelClass": "small model",
              "lotSize": 10000, "tick": 10, "face": 2000000,
              "minPrice": 10, "maxPrice": 4000000, "minQuantity": 1, "maxQuantity": 1000000,
              "decay": { "kind": "sqrt", "floorPpm": 0, "halfLife": 0, "points": [] },
              "fees": { "makerBps": 5, "takerBps": 10 },
              "buyback": null,
            },
          ],

          // Accounts created at the first start: tier ("unverified", "verified", "trusted"), credits
          // (micro-credits), lots granted each cycle (origin "paid" = the sellable monthly quota, "trial" and
          // "promo" are never sellable), link: an owner group (accounts in one group never trade with each
          // other) or null. The house accounts get their credits here too.
          "demoAccounts": [
            { "id": 0, "tier": "trusted", "credits": 100000000000, "grants": [], "link": null },
            { "id": 1, "tier": "trusted", "credits": 0, "grants": [], "link": null },
            { "id": 100, "tier": "verified", "credits": 10000000000, "link": null,
              "grants": [ { "market": 1, "origin": "paid", "lots": 500 }, { "market": 2, "origin": "paid", "lots": 2000 } ] },
            { "id": 101, "tier": "verified", "credits": 10000000000, "link": null,
              "grants": [ { "market": 1, "origin": "paid", "lots": 300 } ] },
            { "id": 102, "tier": "unverified", "credits": 1000000000, "link": null,
              "grants": [ { "market": 2, "origin": "trial", "lots": 100 } ] },
          ],

          // A real deployment's API keys: only their salted hashes ('tokenmatch config hash-key' makes a
          // key and its hash line). role: "trader" (its own account), "provider" (everything; only on
          // house.providerAccount) or "marketdata" (read only). Empty = the demo: keys are generated and
          // written to keyFile. Example entry:
          //   { "account": 100, "role": "trader", "hash": "tmh1_<key id>_<salt hex>_<sha-256 hex>" }
          "apiKeys": [],

          // Console log level: Trace, Debug, Information, Warning, Error, Critical or None.
          "logging": { "level": "Information" },
        }
        """;
}
