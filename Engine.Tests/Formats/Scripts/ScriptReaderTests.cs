using NUnit.Framework;
using TokenMatch.Formats.Scripts;
using TokenMatch.Commands;
using TokenMatch.Markets;

namespace TokenMatch.Tests.Formats.Scripts;

public sealed class ScriptReaderTests
{
    private const string T = "2026-12-01T00:00:00Z";
    private const long Ns = 1_796_083_200_000_000_000;
    private const long Hour = 3_600_000_000_000;

    private static IEnumerable<TestCaseData> EveryVerb()
    {
        TestCaseData Case(string line, Command expected) => new TestCaseData(line, expected).SetName(line.Split(' ')[1] + ": " + line);

        yield return Case($"{T} time", Command.Time(Ns));
        yield return Case($"{T} place account=7 market=1 side=buy qty=10 price=2c",
            Command.Place(Ns, 7, 1, Side.Buy, 2_000_000, 10));
        yield return Case($"{T} place account=7 market=1 side=sell qty=3 abs=1_500_000 type=post-only tif=gtt expire=2026-12-02 client=42 stp=cancel-both",
            Command.Place(Ns, 7, 1, Side.Sell, 1_500_000, 3, OrderType.PostOnly, TimeInForce.GoodTillTime, 42,
                StpMode.CancelBoth, PriceKind.Absolute, Ns + 24 * Hour));
        yield return Case($"{T} place account=7 market=1 side=buy qty=5 type=market tif=fok stp=decrement-and-cancel",
            Command.Place(Ns, 7, 1, Side.Buy, 0, 5, OrderType.Market, TimeInForce.Fok, stp: StpMode.DecrementAndCancel));
        yield return Case($"{T} place account=7 market=1 side=buy qty=5 price=1000 tif=ioc stp=none",
            Command.Place(Ns, 7, 1, Side.Buy, 1000, 5, tif: TimeInForce.Ioc, stp: StpMode.None));
        yield return Case($"{T} place account=7 market=1 side=buy qty=5 price=1000 tif=gtc stp=cancel-oldest",
            Command.Place(Ns, 7, 1, Side.Buy, 1000, 5, tif: TimeInForce.GoodTillCycle, stp: StpMode.CancelOldest));
        yield return Case($"{T} place account=7 market=1 side=buy qty=5 price=1000 stp=cancel-newest",
            Command.Place(Ns, 7, 1, Side.Buy, 1000, 5, stp: StpMode.CancelNewest));
        yield return Case($"{T} cancel account=7 order=99", Command.Cancel(Ns, 7, 99));
        yield return Case($"{T} cancel account=7 market=1 client=42", Command.CancelByClientId(Ns, 7, 1, 42));
        yield return Case($"{T} amend account=7 order=99 qty=4", Command.Amend(Ns, 7, 99, 4, 0));
        yield return Case($"{T} amend account=7 order=99 price=1.9c", Command.Amend(Ns, 7, 99, 0, 1_900_000));
        yield return Case($"{T} amend account=7 market=1 client=42 qty=6 abs=1c",
            Command.AmendByClientId(Ns, 7, 1, 42, 6, 1_000_000, PriceKind.Absolute));
        yield return Case($"{T} mass-cancel account=7", Command.MassCancel(Ns, 7));
        yield return Case($"{T} mass-cancel account=7 market=0", Command.MassCancel(Ns, 7, 0));
        yield return Case($"{T} consume account=7 market=1 qty=12", Command.Consume(Ns, 7, 1, 12));
        yield return Case($"{T} spend account=7 amount=3.25c", Command.Spend(Ns, 7, 3_250_000));
        yield return Case($"{T} create-account account=7", Command.CreateAccount(Ns, 7));
        yield return Case($"{T} create-account account=7 tier=trusted", Command.CreateAccount(Ns, 7, Tier.Trusted));
        yield return Case($"{T} deposit account=7 amount=1_000c", Command.Deposit(Ns, 7, 1_000_000_000));
        yield return Case($"{T} grant account=7 market=1 origin=allocated qty=100", Command.Grant(Ns, 7, 1, Origin.Allocated, 100));
        yield return Case($"{T} grant account=7 market=1 origin=trial qty=5", Command.Grant(Ns, 7, 1, Origin.Trial, 5));
        yield return Case($"{T} grant account=7 market=1 origin=promo qty=5", Command.Grant(Ns, 7, 1, Origin.Promo, 5));
        yield return Case($"{T} set-tier account=7 tier=verified", Command.SetTier(Ns, 7, Tier.Verified));
        yield return Case($"{T} set-tier-cap tier=unverified max-sell=50", Command.SetTierCap(Ns, Tier.Unverified, 50));
        yield return Case($"{T} set-max-open-orders max=200", Command.SetMaxOpenOrders(Ns, 200));
        yield return Case($"{T} link account=7 group=3", Command.Link(Ns, 7, 3));
        yield return Case($"{T} unlink account=7", Command.Unlink(Ns, 7));
        yield return Case($"{T} freeze account=7", Command.Freeze(Ns, 7));
        yield return Case($"{T} unfreeze account=7", Command.Unfreeze(Ns, 7));
        yield return Case($"{T} set-stp-default account=7 stp=decrement-and-cancel", Command.SetStpDefault(Ns, 7, StpMode.DecrementAndCancel));
        yield return Case($"{T} set-consume-order origins=promo,trial,allocated,acquired",
            Command.SetConsumeOrder(Ns, Origin.Promo, Origin.Trial, Origin.Allocated, Origin.Acquired));
        yield return Case($"{T} set-house provider=1 fee-account=2", Command.SetHouse(Ns, 1, 2));
        yield return Case($"{T} create-market market=1 symbol=LLM-L/2026-12 lot=1000 tick=1000 face=2c min-price=0.001c max-price=4c min-qty=1 max-qty=100_000 start=2026-12-01 end=2027-01-01",
            Command.CreateMarket(Ns, 1, "LLM-L/2026-12", 1000, 1000, 2_000_000, 1000, 4_000_000, 1, 100_000, Ns, Ns + 31 * 24 * Hour));
        yield return Case($"{T} set-curve market=1 curve=sqrt", Command.SetCurve(Ns, 1, CurveKind.Sqrt));
        yield return Case($"{T} set-curve market=1 curve=linear floor=100000", Command.SetCurve(Ns, 1, CurveKind.Linear, 100_000));
        yield return Case($"{T} set-curve market=1 curve=exponential floor=5 half-life=7d",
            Command.SetCurve(Ns, 1, CurveKind.Exponential, 5, 7 * 24 * Hour));
        yield return Case($"{T} set-curve market=1 curve=table", Command.SetCurve(Ns, 1, CurveKind.Table));
        yield return Case($"{T} set-curve market=1 curve=none", Command.SetCurve(Ns, 1, CurveKind.None));
        yield return Case($"{T} add-curve-point market=1 elapsed=500000 decay=800000", Command.AddCurvePoint(Ns, 1, 500_000, 800_000));
        yield return Case($"{T} open-market market=1", Command.MarketState(Ns, CommandType.OpenMarket, 1));
        yield return Case($"{T} halt-market market=1", Command.MarketState(Ns, CommandType.HaltMarket, 1));
        yield return Case($"{T} resume-market market=1", Command.MarketState(Ns, CommandType.ResumeMarket, 1));
        yield return Case($"{T} expire-market market=1", Command.MarketState(Ns, CommandType.ExpireMarket, 1));
        yield return Case($"{T} set-fees market=1 maker=10 taker=20", Command.SetFees(Ns, 1, 10, 20));
        yield return Case($"{T} set-buyback market=1 rate=2500 budget=1000", Command.SetBuyback(Ns, 1, 2500, 1000));
        yield return Case($"{T} fill account=7 order=99 qty=3", Command.Fill(Ns, 7, 99, 3));
        yield return Case($"{Ns} time", Command.Time(Ns));
    }

    [TestCaseSource(nameof(EveryVerb))]
    public void ReadsTheCommandTheFactoryMakes(string line, Command expected)
    {
        Assert.That(ScriptReader.TryParseLine(line, 1, out Command command), Is.True);
        Assert.That(command, Is.EqualTo(expected));
    }

    [Test]
    public void EveryCommandTypeHasAVerb()
    {
        foreach (CommandType type in Enum.GetValues<CommandType>().Where(t => t != CommandType.None))
            Assert.That(ScriptVerbs.Find(type), Is.Not.Null, type.ToString());
        Assert.That(ScriptVerbs.All.Select(v => v.Type).Distinct().Count(), Is.EqualTo(ScriptVerbs.All.Count));
    }

    [Test]
    public void VerbsAreTheKebabCaseNamesOfTheirCommandTypes()
    {
        foreach (ScriptVerb verb in ScriptVerbs.All)
            Assert.That(verb.Name, Is.EqualTo(ScriptNames<CommandType>.Kebab(verb.Type.ToString())));
    }

    [TestCase("")]
    [TestCase("   \t ")]
    [TestCase("# a comment")]
    [TestCase("   # an indented comment")]
    public void BlankAndCommentLinesAreNotCommands(string line) =>
        Assert.That(ScriptReader.TryParseLine(line, 1, out _), Is.False);

    [Test]
    public void CommentsMayFollowACommandAndFieldsMayComeInAnyOrder()
    {
        Assert.That(ScriptReader.TryParseLine($"  {T}\tdeposit amount=5   account=3 # opening balance", 1, out Command command), Is.True);
        Assert.That(command, Is.EqualTo(Command.Deposit(Ns, 3, 5)));
    }

    [Test]
    public void EnumsMayBeGivenByNumber()
    {
        Assert.That(ScriptReader.TryParseLine($"{T} place account=1 market=1 side=9 qty=1 tif=0", 1, out Command command), Is.True);
        Assert.That((byte)command.Side, Is.EqualTo(9));
        Assert.That(command.Tif, Is.EqualTo(TimeInForce.Default));
    }

    [TestCase("2026-12-01T00:00 time", "time", "ISO-8601")]
    [TestCase("2026-12-01T00:00:00 time", "time", "must end in Z")]
    [TestCase("yesterday place account=1", "time", "ISO-8601")]
    [TestCase(T, "verb", "missing")]
    [TestCase(T + " buy account=1", "verb", "unknown verb 'buy'")]
    [TestCase(T + " place account=1 market=1 side=buy qty=1 price", "price", "expected key=value")]
    [TestCase(T + " place account=1 market=1 side=buy qty=1 =5", "=5", "expected key=value")]
    [TestCase(T + " place account=1 market=1 side=buy qty=1 colour=red", "colour", "'place' has no such field")]
    [TestCase(T + " place account=1 market=1 side=buy qty=1 qty=2", "qty", "given twice")]
    [TestCase(T + " place account=1 market=1 side=buy qty=", "qty", "empty value")]
    [TestCase(T + " place account=1 market=1 side=buy qty=ten", "qty", "expected an integer")]
    [TestCase(T + " place account=1 market=1 side=buy qty=99999999999999999999", "qty", "does not fit")]
    [TestCase(T + " place account=3000000000 market=1 side=buy qty=1", "account", "32-bit")]
    [TestCase(T + " place account=1 market=1 side=buy qty=1 price=1.0000001c", "price", "more than 6 decimals")]
    [TestCase(T + " place account=1 market=1 side=buy qty=1 price=2.5", "price", "expected an integer")]
    [TestCase(T + " place account=1 market=1 side=up qty=1", "side", "unknown Side 'up'")]
    [TestCase(T + " place account=1 market=1 side=buy qty=1 side=256", "side", "given twice")]
    [TestCase(T + " place account=1 market=1 side=256 qty=1", "side", "unknown Side '256'")]
    [TestCase(T + " place account=1 market=1 side=buy qty=1 type=stop", "type", "unknown OrderType")]
    [TestCase(T + " place account=1 market=1 side=buy qty=1 tif=day", "tif", "unknown TimeInForce")]
    [TestCase(T + " place account=1 market=1 side=buy qty=1 stp=maybe", "stp", "unknown StpMode")]
    [TestCase(T + " place account=1 market=1 side=buy qty=1 tif=gtt expire=tomorrow", "expire", "ISO-8601")]
    [TestCase(T + " place account=1 market=1 side=buy qty=1 price=5 abs=5", "abs", "not both")]
    [TestCase(T + " place account=1 market=1 qty=1", "side", "missing (required by 'place')")]
    [TestCase(T + " place market=1 side=buy qty=1", "account", "missing")]
    [TestCase(T + " cancel account=1", "order", "give order=")]
    [TestCase(T + " cancel account=1 client=4", "market", "client= needs market=")]
    [TestCase(T + " amend account=1 market=1 client=4 price=1 abs=1", "abs", "not both")]
    [TestCase(T + " grant account=1 market=1 origin=gift qty=1", "origin", "unknown Origin 'gift'")]
    [TestCase(T + " set-tier account=1 tier=gold", "tier", "unknown Tier 'gold'")]
    [TestCase(T + " set-curve market=1 curve=cubic", "curve", "unknown CurveKind 'cubic'")]
    [TestCase(T + " set-curve market=1 curve=exponential half-life=1w", "half-life", "unknown duration unit 'w'")]
    [TestCase(T + " set-consume-order origins=trial,promo", "origins", "four origins")]
    [TestCase(T + " set-consume-order origins=trial,promo,gift,allocated", "origins", "unknown Origin 'gift'")]
    [TestCase(T + " create-market market=1 symbol=THIS-SYMBOL-IS-TOO-LONG lot=1 tick=1 face=1 min-price=1 max-price=1 min-qty=1 max-qty=1 start=0 end=1", "symbol", "not a market symbol")]
    [TestCase(T + " create-market market=1 symbol=X lot=1 tick=1 face=1 min-price=1 max-price=1 min-qty=1 max-qty=1 start=0", "end", "missing")]
    [TestCase(T + " create-market market=1 symbol=X lot=1 tick=1 face=1 min-price=1 max-price=1 min-qty=1 max-qty=1 start=0 end=2027-02-30", "end", "day 30")]
    [TestCase(T + " time account=1", "account", "'time' has no such field")]
    public void ABadLineNamesItsLineAndField(string line, string field, string reason)
    {
        var e = Assert.Throws<ScriptParseException>(() => ScriptReader.TryParseLine(line, 17, out _))!;
        Assert.That(e.LineNumber, Is.EqualTo(17));
        Assert.That(e.Field, Is.EqualTo(field));
        Assert.That(e.Reason, Does.Contain(reason));
        Assert.That(e.Message, Does.StartWith($"line 17: field '{field}': "));
    }

    [Test]
    public void ReadAllCountsLinesIncludingBlankAndCommentLines()
    {
        string script = $"# header\n\n{T} time\n  # note\n{T} freeze account=2\n{T} freeze acount=2\n";
        var read = new List<int>();
        var e = Assert.Throws<ScriptParseException>(() =>
        {
            foreach ((int line, Command _) in ScriptReader.ReadAll(new StringReader(script))) read.Add(line);
        })!;
        Assert.That(read, Is.EqualTo(new[] { 3, 5 }));
        Assert.That(e.LineNumber, Is.EqualTo(6));
        Assert.That(e.Field, Is.EqualTo("acount"));
    }
}
