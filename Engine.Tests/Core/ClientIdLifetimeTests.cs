using System.Buffers.Binary;
using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Tests.Support;
using static TokenMatch.Tests.Support.ScenarioKit;
using I = TokenMatch.Tests.Support.CoreInternals;

namespace TokenMatch.Tests.Core;

/// <summary>
/// The claims table keeps the pool slot of each claimant, not its order id, and the slot is reused
/// once the order ends: a lookup by client id must then find nothing, whatever order took the slot;
/// claims are dropped when the market's cycle ends; a version-1 snapshot, which kept the order id
/// of claimants that had ended, still restores.
/// </summary>
public class ClientIdLifetimeTests
{
    private CoreHarness _h = null!;

    [SetUp]
    public void SetUp()
    {
        _h = new CoreHarness();
        _h.Trader(10);
        _h.Trader(11);
        _h.Trader(12);
    }

    [Test]
    public void ACancelByClientIdOfAnEndedOrderIsUnknownEvenWhenItsSlotHoldsAnotherOrder()
    {
        long first = _h.Place(11, Side.Buy, 5_000_000, 4, clientId: 5).OrderId();
        _h.MustRun(Command.Cancel(_h.Now, 11, first));
        // The freed slot is taken again: by the same account with another client id, then by another account with the same one.
        long second = _h.Place(11, Side.Buy, 5_000_000, 2, clientId: 6).OrderId();
        _h.MustReject(Command.CancelByClientId(_h.Now, 11, M, 5), ResultCode.UnknownOrder);
        _h.MustReject(Command.AmendByClientId(_h.Now, 11, M, 5, 1, 0), ResultCode.UnknownOrder);
        _h.MustRun(Command.Cancel(_h.Now, 11, second));
        long third = _h.Place(12, Side.Buy, 5_000_000, 2, clientId: 5).OrderId();
        _h.MustReject(Command.CancelByClientId(_h.Now, 11, M, 5), ResultCode.UnknownOrder);
        Assert.That(_h.Core.GetOpenOrders(12).Select(o => o.OrderId), Is.EqualTo(new[] { third }));
        // The live claimant is found by its own claim, after an amend (cancel-and-replace) too.
        _h.MustRun(Command.AmendByClientId(_h.Now, 12, M, 5, 3, 4_000_000));
        _h.MustRun(Command.CancelByClientId(_h.Now, 12, M, 5));
        Assert.That(_h.Core.GetOpenOrders(12), Is.Empty);
    }

    [Test]
    public void AFilledOrderKeepsItsIdClaimedButCannotBeCancelledByIt()
    {
        _h.Place(10, Side.Sell, 5_000_000, 10);
        _h.Place(11, Side.Buy, 5_000_000, 4, clientId: 1);
        _h.MustReject(Command.CancelByClientId(_h.Now, 11, M, 1), ResultCode.UnknownOrder);
        _h.MustReject(_h.PlaceCommand(11, Side.Buy, 5_000_000, 1, clientId: 1), ResultCode.DuplicateClientId);
    }

    [Test]
    public void ClaimsAreDroppedWhenTheMarketExpires()
    {
        _h.Place(11, Side.Buy, 5_000_000, 4, clientId: 1);
        _h.Place(11, Side.Buy, 4_000_000, 4, clientId: 2);
        Assert.That(I.Market(_h.Core, M).ClientIds.Count, Is.EqualTo(2));
        _h.MustRun(Command.Time(CoreHarness.End));
        Assert.That(I.Market(_h.Core, M).ClientIds.Count, Is.Zero);
        Assert.That(I.Market(_h.Core, M).ClientIds.Capacity, Is.EqualTo(16), "the table's array is given back");
        // An expired market rejects orders before it looks at client ids.
        _h.MustReject(_h.PlaceCommand(11, Side.Buy, 5_000_000, 4, clientId: 1), ResultCode.MarketExpired);
    }

    [Test]
    public void AVersion1SnapshotWithTheIdOfAnEndedClaimantStillRestores()
    {
        const long clientId = 0x1234_5678_9ABC_DEF1;
        long ended = _h.Place(11, Side.Buy, 5_000_000, 4, clientId: clientId).OrderId();
        _h.MustRun(Command.Cancel(_h.Now, 11, ended));
        _h.Place(12, Side.Buy, 5_000_000, 1, clientId: 7);
        byte[] bytes = SnapshotProperties.Snapshot(_h.Core);

        // The only place the client id appears is its claim record: account at −8, order id at +8.
        int at = bytes.AsSpan().IndexOf(BitConverter.GetBytes(clientId));
        Assert.That(at, Is.GreaterThan(0));
        Assert.That(BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(at + 8)), Is.Zero, "version 2 writes 0 in the order id field");
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(at + 8), ended);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(SnapshotDescriptor.VersionOffset), 1);

        ExchangeCore restored = ExchangeCore.ReadSnapshot(bytes);
        Assert.That(restored.StateHash(), Is.EqualTo(_h.Core.StateHash()));
        var c = Command.Place(_h.Now, 11, M, Side.Buy, 5_000_000, 1, clientId: clientId);
        restored.Execute(ref c, new EventLog());
        Assert.That(c.Result, Is.EqualTo(ResultCode.DuplicateClientId));
        var cancel = Command.CancelByClientId(_h.Now, 12, M, 7);
        restored.Execute(ref cancel, new EventLog());
        Assert.That(cancel.Result, Is.EqualTo(ResultCode.Ok), "the live claimant is found after a restore");
    }
}
