using FsCheck;
using FsCheck.Fluent;
using NUnit.Framework;
using TokenMatch.Formats.Scripts;
using TokenMatch.Commands;

namespace TokenMatch.Tests.Formats.Scripts;

public sealed class ScriptRoundTripTests
{
    [Test]
    public void EveryCommandReadsBackAsItself()
    {
        Prop.ForAll(ScriptCommandGenerator.AnyCommand().ToArbitrary(), command =>
        {
            string line = ScriptWriter.Write(command);
            Assert.That(ScriptReader.TryParseLine(line, 1, out Command back), Is.True, line);
            Assert.That(back, Is.EqualTo(command), line);
            Assert.That(ScriptWriter.Write(back), Is.EqualTo(line));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(3_000));
    }

    [TestCaseSource(nameof(Verbs))]
    public void EveryVerbRoundTrips(string verbName)
    {
        ScriptVerb verb = ScriptVerbs.Find(verbName)!;
        Prop.ForAll(ScriptCommandGenerator.For(verb).ToArbitrary(), command =>
        {
            string line = ScriptWriter.Write(command);
            Assert.That(line.Split(' ')[1], Is.EqualTo(verbName));
            ScriptReader.TryParseLine(line, 1, out Command back);
            Assert.That(back, Is.EqualTo(command), line);
        }).QuickCheckThrowOnFailure();
    }

    private static IEnumerable<string> Verbs() => ScriptVerbs.All.Select(v => v.Name);

    [Test]
    public void SequenceResultAndEventCountAreNotWritten()
    {
        Command command = Command.Deposit(0, 1, 5);
        command.Sequence = 9;
        command.Result = ResultCode.InsufficientCredits;
        command.EventCount = 3;
        Assert.That(ScriptWriter.Write(command), Is.EqualTo("1970-01-01T00:00:00Z deposit account=1 amount=5"));
    }

    [Test]
    public void WritesReadableLines()
    {
        const long t = 1_796_083_200_000_000_000;
        Assert.Multiple(() =>
        {
            Assert.That(ScriptWriter.Write(Command.Place(t + 1_500_000_000, 7, 1, Side.Buy, 2_000_000, 10, tif: TimeInForce.Ioc, clientId: 4)),
                Is.EqualTo("2026-12-01T00:00:01.500Z place account=7 market=1 side=buy qty=10 price=2000000 tif=ioc client=4"));
            Assert.That(ScriptWriter.Write(Command.Place(t, 7, 1, Side.Sell, 900, 2, OrderType.PostOnly, TimeInForce.GoodTillTime,
                    stp: StpMode.CancelOldest, priceKind: PriceKind.Absolute, expireAt: t + 3_600_000_000_000)),
                Is.EqualTo("2026-12-01T00:00:00Z place account=7 market=1 side=sell qty=2 abs=900 type=post-only tif=gtt expire=2026-12-01T01:00:00Z stp=cancel-oldest"));
            Assert.That(ScriptWriter.Write(Command.CancelByClientId(t, 7, 0, 4)),
                Is.EqualTo("2026-12-01T00:00:00Z cancel account=7 market=0 client=4"));
            Assert.That(ScriptWriter.Write(Command.Amend(t, 7, 0, 0, 0)),
                Is.EqualTo("2026-12-01T00:00:00Z amend account=7 order=0"));
            Assert.That(ScriptWriter.Write(Command.MassCancel(t, 7)), Is.EqualTo("2026-12-01T00:00:00Z mass-cancel account=7"));
            Assert.That(ScriptWriter.Write(Command.SetCurve(t, 1, TokenMatch.Markets.CurveKind.Exponential, 0, 7 * 86_400_000_000_000)),
                Is.EqualTo("2026-12-01T00:00:00Z set-curve market=1 curve=exponential half-life=7d"));
            Assert.That(ScriptWriter.Write(Command.SetConsumeOrder(t, Origin.Trial, Origin.Promo, Origin.Acquired, Origin.Allocated)),
                Is.EqualTo("2026-12-01T00:00:00Z set-consume-order origins=trial,promo,acquired,allocated"));
        });
    }

    [Test]
    public void RefusesCommandsALineCannotCarry()
    {
        Command stray = Command.Deposit(0, 1, 5);
        stray.A3 = 1;
        Assert.That(() => ScriptWriter.Write(stray), Throws.ArgumentException.With.Message.Contains("does not carry"));

        Command none = default;
        Assert.That(() => ScriptWriter.Write(none), Throws.ArgumentException.With.Message.Contains("no script verb"));

        Command badSymbol = Command.CreateMarket(0, 1, "#HASH", 1, 1, 1, 1, 1, 1, 1, 0, 1);
        Assert.That(() => ScriptWriter.Write(badSymbol), Throws.ArgumentException.With.Message.Contains("not a market symbol"));

        Command badKind = Command.Amend(0, 1, 2, 3, 4);
        badKind.PriceKind = (PriceKind)7;
        Assert.That(() => ScriptWriter.Write(badKind), Throws.ArgumentException);
    }
}
