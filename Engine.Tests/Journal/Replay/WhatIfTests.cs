using TokenMatch.Commands;
using TokenMatch.Events;
using TokenMatch.Journal.Replay;
using TokenMatch.Markets;
using TokenMatch.Tests.Journal.Support;
using TokenMatch.Tests.Pipeline.Support;
using TokenMatch.Tests.Support;

namespace TokenMatch.Tests.Journal.Replay;

/// <summary>What-if replays change what the override says and nothing else.</summary>
public sealed class WhatIfTests
{
    private static readonly long Start = TradingScenario.Start;
    private static readonly long End = TradingScenario.End;

    /// <summary>A linear market (floor 100,000 ppm, fees maker 10 / taker 20 bps); at half the cycle a resting sell of 5 lots at FTE 10,000,000 is taken.</summary>
    private static Command[] HandWorked()
    {
        long mid = Start + (End - Start) / 2;
        Command[] commands =
        [
            Command.CreateAccount(Start, 0, Tier.Trusted), Command.CreateAccount(Start, 1, Tier.Trusted), Command.SetHouse(Start, 0, 1),
            Command.CreateMarket(Start, 1, "LLM-L/2026-12", 1_000, 1_000, 10_000_000, 1_000, 20_000_000, 1, 1_000, Start, End),
            Command.SetCurve(Start, 1, CurveKind.Linear, 100_000), Command.SetFees(Start, 1, 10, 20),
            Command.MarketState(Start, CommandType.OpenMarket, 1),
            Command.CreateAccount(Start, 10, Tier.Trusted), Command.Grant(Start, 10, 1, Origin.Allocated, 100),
            Command.CreateAccount(Start, 11, Tier.Trusted), Command.Deposit(Start, 11, 1_000_000_000_000),
            Command.Place(mid, 10, 1, Side.Sell, 10_000_000, 5, clientId: 1),
            Command.Place(mid, 11, 1, Side.Buy, 10_000_000, 5, clientId: 1),
        ];
        return commands;
    }

    private static (JournalReplaySummary Summary, List<Event> Trades) Run(string directory, params string[] overrides)
    {
        var log = new EventLog();
        var options = new JournalReplayOptions
        {
            Events = log,
            Overrides = [.. overrides.Select(o => ParameterOverride.Parse(o, out string? error) ?? throw new AssertionException(error!))],
        };
        JournalReplaySummary summary = JournalReplay.Run(directory, options).Summary;
        return (summary, [.. log.OfType(EventType.Trade)]);
    }

    [Test]
    public void NoOverrideGivesTheOriginalHashAndAnOverrideThatMatchesNothingChangesNothing()
    {
        using var directory = new TempDirectory();
        ulong live = RecordedJournal.Write(directory.Path, HandWorked());
        Assert.That(Run(directory.Path).Summary.FinalStateHash, Is.EqualTo(live));
        var options = new JournalReplayOptions { Overrides = [ParameterOverride.Parse("tier-cap.verified=3", out _)!] };
        JournalReplaySummary summary = JournalReplay.Run(directory.Path, options).Summary;
        Assert.That(options.Overrides[0].Applied, Is.Zero);
        Assert.That(summary.FinalStateHash, Is.EqualTo(live));
    }

    [Test]
    public void ADecayOverrideChangesTheExecutedPriceAsTheFormulaSays()
    {
        using var directory = new TempDirectory();
        RecordedJournal.Write(directory.Path, HandWorked());
        // Half the cycle gone: linear D = 1,000,000 − (1,000,000 − floor) × 1/2.
        // floor 100,000 → D = 550,000 → eff = ⌊10,000,000 × 550,000 / 1,000,000 / 1,000⌋ × 1,000 = 5,500,000.
        Assert.That(Run(directory.Path).Trades.Single().ExecPrice, Is.EqualTo(5_500_000));
        // floor 500,000 → D = 750,000 → 7,500,000.
        Assert.That(Run(directory.Path, "floor=500000").Trades.Single().ExecPrice, Is.EqualTo(7_500_000));
        Assert.That(Run(directory.Path, "1:floor=500000").Trades.Single().ExecPrice, Is.EqualTo(7_500_000));
        Assert.That(Run(directory.Path, "LLM-L/2026-12:floor=500000").Trades.Single().ExecPrice, Is.EqualTo(7_500_000));
        Assert.That(Run(directory.Path, "2:floor=500000").Trades.Single().ExecPrice, Is.EqualTo(5_500_000), "another market's override");
        // decay none → full FTE price.
        Assert.That(Run(directory.Path, "decay=none").Trades.Single().ExecPrice, Is.EqualTo(10_000_000));
        // sqrt, floor 100,000: D = 100,000 + 900,000 × isqrt(10¹²/2) / 1,000,000 (the reference arithmetic).
        long mid = Start + (End - Start) / 2;
        long d = ReferenceArithmetic.Decay(CurveKind.Sqrt, 100_000, 0, [], Start, End, mid);
        Assert.That(Run(directory.Path, "decay=sqrt").Trades.Single().ExecPrice, Is.EqualTo(10_000_000 * d / 1_000_000 / 1_000 * 1_000));
    }

    [Test]
    public void AFeeOverrideChangesTheFeesPaidAsTheFormulaSays()
    {
        using var directory = new TempDirectory();
        RecordedJournal.Write(directory.Path, HandWorked());
        // Seller rests (maker, 10 bps), buyer takes (taker, 20 bps), 5 lots at 5,500,000:
        // buyer 5 × ⌊5,500,000 × 20 / 10,000⌋ = 55,000; seller 5 × ⌊5,500,000 × 10 / 10,000⌋ = 27,500.
        (JournalReplaySummary original, List<Event> trades) = Run(directory.Path);
        Assert.That((trades[0].Fee, trades[0].OtherFee), Is.EqualTo((55_000L, 27_500L)));
        Assert.That(original.Markets[1].Fees, Is.EqualTo((Int128)82_500));
        Assert.That(original.Markets[1].CreditsToSellers, Is.EqualTo((Int128)(5 * 5_500_000 - 27_500)));
        // maker 30, taker 40: buyer 5 × 22,000 = 110,000; seller 5 × 16,500 = 82,500.
        (JournalReplaySummary changed, List<Event> changedTrades) = Run(directory.Path, "fees=30,40");
        Assert.That((changedTrades[0].Fee, changedTrades[0].OtherFee), Is.EqualTo((110_000L, 82_500L)));
        Assert.That(changed.Markets[1].Fees, Is.EqualTo((Int128)192_500));
        Assert.That(changedTrades[0].ExecPrice, Is.EqualTo(trades[0].ExecPrice));
    }

    [Test]
    public void AFeeOverrideChangesNothingAboutWhichOrdersTraded()
    {
        using var directory = new TempDirectory();
        Command[] flow = JournalKit.SampleFlow(400, seed: 5);
        for (int i = 0; i < flow.Length; i++) flow[i].Timestamp = Start + i * 1_000_000_000L;
        RecordedJournal.Write(directory.Path, flow);
        (JournalReplaySummary original, List<Event> trades) = Run(directory.Path);
        (JournalReplaySummary changed, List<Event> changedTrades) = Run(directory.Path, "fees=55,95");
        Assert.That(trades, Has.Count.GreaterThan(20));
        Assert.That(changedTrades.Select(t => (t.Sequence, t.OrderId, t.OtherOrderId, t.Quantity, t.ExecPrice)),
            Is.EqualTo(trades.Select(t => (t.Sequence, t.OrderId, t.OtherOrderId, t.Quantity, t.ExecPrice))));
        Assert.That(changed.Markets[1].Fees, Is.GreaterThan(original.Markets[1].Fees));
        Assert.That(changed.FinalStateHash, Is.Not.EqualTo(original.FinalStateHash));
    }

    [Test]
    public void BadOverridesAreRefusedWithAReason()
    {
        Assert.That(ParameterOverride.Parse("fees=5", out string? e1), Is.Null);
        Assert.That(e1, Does.Contain("bad value"));
        Assert.That(ParameterOverride.Parse("colour=red", out string? e2), Is.Null);
        Assert.That(e2, Does.Contain("unknown parameter"));
        Assert.That(ParameterOverride.Parse("1:tier-cap.trusted=5", out string? e3), Is.Null);
        Assert.That(e3, Does.Contain("engine-wide"));
        Assert.That(ParameterOverride.Parse("decay=wobbly", out _), Is.Null);
    }
}
