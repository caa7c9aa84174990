using FsCheck;
using FsCheck.Fluent;
using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Events;
using TokenMatch.Formats.Scripts;
using TokenMatch.Markets;

namespace TokenMatch.Tests.Formats.Scripts;

/// <summary>
/// <see cref="MarketSpecCheck.FirstFailure"/> names a reason exactly when the core rejects a
/// create-market with invalid-market-spec: generated specs around every boundary, run through a core.
/// </summary>
public sealed class MarketSpecCheckTests
{
    private static readonly long Start = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() * 1_000_000;

    // Values that sit on, just inside and just outside each check's boundary.
    private static Gen<long> Around(params long[] centres) =>
        Gen.Elements(centres).SelectMany(c => Gen.Elements(-1L, 0L, 1L).Select(d => c + d));

    private static Gen<Command> Spec() =>
        from symbol in Gen.Elements("X", "LLM-L/2026-12", "ABCDEFGHIJKLMNOP")
        from lot in Around(0, 1000)
        from tick in Gen.Elements(1L, 1000L, 7L, 0L, -5L)
        from face in Around(0, 2_000_000)
        from minSteps in Gen.Choose(-2, 3)
        from min in Gen.Elements((long)minSteps * 1000, (long)minSteps * 1000 + 1, 1L)
        from max in Gen.Elements(4_000_000L, 4_000_001L, Market.MaxPriceLimit, Market.MaxPriceLimit + 1000, 1000L, 500L,
            Market.MaxPriceLevels * 1000 + 1000, Market.MaxPriceLevels * 1000 - 1000, Market.MaxPriceLevels + 1)
        from minQty in Around(0, 1, 100)
        from maxQty in Gen.Elements(100L, 99L, 1L, 0L, long.MaxValue / 8_000_000L, long.MaxValue / 2)
        from length in Gen.Elements(1L, 0L, -1L, 86_400_000_000_000L)
        select Command.CreateMarket(Start, 1, symbol, lot, tick, face, min, max, minQty, maxQty, Start, Start + length);

    [Test]
    public void NamesAReasonExactlyWhenTheCoreRejects()
    {
        int rejected = 0, accepted = 0;
        Prop.ForAll(Spec().ToArbitrary(), command =>
        {
            var core = new ExchangeCore(new CoreOptions { InitialOrderCapacity = 16, InitialClientIdCapacity = 16 });
            Command c = command;
            core.Execute(ref c, new Sink());
            string? reason = MarketSpecCheck.FirstFailure(command);
            if (c.Result == ResultCode.Ok) accepted++;
            else rejected++;
            Assert.That(c.Result, Is.EqualTo(reason is null ? ResultCode.Ok : ResultCode.InvalidMarketSpec),
                $"{ScriptWriter.Write(command)}: check says {reason ?? "consistent"}");
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(2_000));
        Assert.That(accepted, Is.GreaterThan(0), "some generated specs are consistent");
        Assert.That(rejected, Is.GreaterThan(0), "some generated specs are not");
    }

    private sealed class Sink : IEventSink
    {
        public void OnEvents(ReadOnlySpan<Event> events) { }
    }
}
