using System.Globalization;
using System.Text.Json;
using TokenMatch.Cli;
using TokenMatch.Formats.Scripts;

namespace TokenMatch.Tests.Cli;

/// <summary>
/// The summary's figures against the events file, recomputed here independently from the CSV rows
/// (trades, volume, VWAP and fees per market; the accounts that traded; rejections by code).
/// </summary>
public sealed class SummaryTests
{
    private sealed record Row(Dictionary<string, string> Cells)
    {
        public string this[string column] => Cells[column];
        public long Long(string column) => Cells[column].Length == 0 ? 0 : long.Parse(Cells[column], CultureInfo.InvariantCulture);
    }

    private static List<Row> ReadEvents(string path)
    {
        string[] lines = File.ReadAllLines(path);
        Assert.That(lines[0], Is.EqualTo(EventCsvWriter.UnitsLine), "the units line comes first");
        string[] header = lines[1].Split(',');
        return lines.Skip(2).Select(l => new Row(header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second))).ToList();
    }

    [TestCase("cycle.tms")]
    [TestCase("month.tms")]
    [TestCase("order-types.tms")]
    [TestCase("self-trade.tms")]
    public void JsonSummaryAgreesWithTheEventsFile(string example)
    {
        string events = Path.Combine(Path.GetTempPath(), $"tokenmatch-summary-{Guid.NewGuid():N}.csv");
        try
        {
            var output = new StringWriter();
            var error = new StringWriter();
            int code = Program.Invoke(["run", ExampleScriptTests.Example(example), "--events", events, "--json"], output, error);
            Assert.That(code, Is.EqualTo(ExitCodes.Ok), error.ToString());
            using JsonDocument json = JsonDocument.Parse(output.ToString());
            JsonElement root = json.RootElement;
            List<Row> rows = ReadEvents(events);

            var trades = rows.Where(r => r["event"] == "trade").ToList();
            var markets = root.GetProperty("markets").EnumerateArray().ToList();
            Assert.That(markets.Select(m => m.GetProperty("market").GetInt32()),
                Is.EqualTo(trades.Select(t => (int)t.Long("market")).Distinct().Order()));
            foreach (JsonElement m in markets)
            {
                int id = m.GetProperty("market").GetInt32();
                var mine = trades.Where(t => t.Long("market") == id).ToList();
                long volume = mine.Sum(t => t.Long("qty"));
                Int128 notional = mine.Aggregate(Int128.Zero, (s, t) => s + (Int128)t.Long("exec_price") * t.Long("qty"));
                Int128 fte = mine.Aggregate(Int128.Zero, (s, t) => s + (Int128)t.Long("price") * t.Long("qty"));
                Int128 fees = mine.Aggregate(Int128.Zero, (s, t) => s + t.Long("fee") + t.Long("other_fee"));
                Assert.That(m.GetProperty("trades").GetInt64(), Is.EqualTo(mine.Count), $"market {id} trades");
                Assert.That(m.GetProperty("volume").GetInt64(), Is.EqualTo(volume), $"market {id} volume");
                Assert.That(m.GetProperty("notional").GetString(), Is.EqualTo(notional.ToString()), $"market {id} notional");
                Assert.That(m.GetProperty("vwap").GetInt64(), Is.EqualTo((long)(notional / volume)), $"market {id} VWAP");
                Assert.That(m.GetProperty("fte_vwap").GetInt64(), Is.EqualTo((long)(fte / volume)), $"market {id} FTE VWAP");
                Assert.That(m.GetProperty("fees").GetString(), Is.EqualTo(fees.ToString()), $"market {id} fees");
                long face = m.GetProperty("face").GetInt64();
                Assert.That(m.GetProperty("permille_of_fair_value").GetInt64(), Is.EqualTo((long)(fte * 1000 / (face * (Int128)volume))));
            }

            var traders = trades.SelectMany(t => new[] { t.Long("account"), t.Long("other_account") }).Distinct().Order();
            Assert.That(root.GetProperty("accounts").EnumerateArray().Select(a => a.GetProperty("account").GetInt64()), Is.EqualTo(traders));

            var rejected = rows.Where(r => r["event"] == "rejected").GroupBy(r => r["code"]).ToDictionary(g => g.Key, g => (long)g.Count());
            var reported = root.GetProperty("rejections").EnumerateArray()
                .ToDictionary(r => r.GetProperty("code").GetString()!, r => r.GetProperty("count").GetInt64());
            Assert.That(reported, Is.EquivalentTo(rejected));
            Assert.That(root.GetProperty("rejected").GetInt64(), Is.EqualTo(rejected.Values.Sum()));
            Assert.That(root.GetProperty("events").GetProperty("total").GetInt64(), Is.EqualTo(rows.Count));
        }
        finally
        {
            File.Delete(events);
        }
    }

    [Test]
    public void TextSummaryShowsTradesBalancesAndRejectionsAndEndsWithTheHash()
    {
        var output = new StringWriter();
        int code = Program.Invoke(["run", ExampleScriptTests.Example("cycle.tms")], output, new StringWriter());
        Assert.That(code, Is.EqualTo(ExitCodes.Ok));
        string text = output.ToString();
        Assert.That(text, Does.Contain("market 1 LLM-L/2026-12: 4 trades, 65 lots, 92.78c paid, VWAP 1.427384c, executed at 95.3% of fair value"));
        Assert.That(text, Does.Contain("  10: available 46.56339c, held 0c"));
        Assert.That(text, Does.Contain("fok-not-fillable (402): 1 — line 50 place"));
        Assert.That(text.TrimEnd().Split('\n')[^1], Is.EqualTo(TokenMatch.Tests.Support.ScriptHash.Of(ExampleScriptTests.Example("cycle.tms"))));
    }

    [Test]
    public void ManyRejectionsOfOneCodeWithoutAnEventsFileSayHowToSeeThemAll()
    {
        string script = "2026-12-01 create-account account=1\n" + string.Concat(Enumerable.Repeat("2026-12-01 spend account=1 amount=5\n", 8));
        var output = new StringWriter();
        int code = Program.Invoke(["run", "-"], output, new StringWriter(), new StringReader(script));
        Assert.That(code, Is.EqualTo(ExitCodes.Ok));
        Assert.That(output.ToString(), Does.Contain("insufficient-credits (301): 8 — line 2 spend, line 3 spend, line 4 spend, line 5 spend, line 6 spend, ... 3 more (--events lists them all)"));
        Assert.That(output.ToString(), Does.Not.Contain("see the events file"));
    }
}
