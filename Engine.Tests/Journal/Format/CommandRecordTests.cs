using FsCheck;
using FsCheck.Fluent;
using TokenMatch.Commands;
using TokenMatch.Journal.Format;

namespace TokenMatch.Tests.Journal.Format;

/// <summary>A command record holds every input field exactly, and nothing of the outputs.</summary>
public sealed class CommandRecordTests
{
    private static Gen<Command> AnyCommand() =>
        from bytes in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), 7)
        from ints in Gen.ArrayOf(ArbMap.Default.GeneratorFor<int>(), 2)
        from longs in Gen.ArrayOf(Gen.OneOf(Gen.Constant(0L), ArbMap.Default.GeneratorFor<long>()), 15)
        select new Command
        {
            Type = (CommandType)bytes[0], Side = (Side)bytes[1], OrderType = (OrderType)bytes[2], Tif = (TimeInForce)bytes[3],
            Stp = (StpMode)bytes[4], PriceKind = (PriceKind)bytes[5], Code = bytes[6], Account = ints[0], Market = ints[1],
            Sequence = longs[0], Timestamp = longs[1], OrderId = longs[2], ClientId = longs[3], Price = longs[4],
            Quantity = longs[5], Arg = longs[6], A0 = longs[7], A1 = longs[8], A2 = longs[9], A3 = longs[10],
            A4 = longs[11], A5 = longs[12], A6 = longs[13], A7 = longs[14],
        };

    [Test]
    public void EveryInputFieldRoundTrips()
    {
        Prop.ForAll(AnyCommand().ToArbitrary(), command =>
        {
            Span<byte> body = stackalloc byte[CommandRecord.MaxBodyLength];
            Command withOutputs = command;
            withOutputs.Result = ResultCode.RingFull;
            withOutputs.EventCount = 99;
            int length = CommandRecord.Write(body, in withOutputs);
            Assert.That(CommandRecord.Read(body[..length], out Command back), Is.Null);
            Assert.That(back, Is.EqualTo(command));
        }).QuickCheckThrowOnFailure();
    }

    [Test]
    public void APlaceTakesFewerBytesThanTheStruct()
    {
        Span<byte> body = stackalloc byte[CommandRecord.MaxBodyLength];
        int length = CommandRecord.Write(body, Command.Place(5, 10, 1, Side.Buy, 10_000_000, 3, clientId: 7));
        Assert.That(length, Is.EqualTo(CommandRecord.LongsOffset + 3 * 8));
        Assert.That(body[CommandRecord.MaskOffset], Is.EqualTo(0b1110));
    }

    [Test]
    public void ABodyWhoseLengthDisagreesWithItsMaskIsRefused()
    {
        Span<byte> body = stackalloc byte[CommandRecord.MaxBodyLength];
        int length = CommandRecord.Write(body, Command.Deposit(5, 10, 100));
        Assert.That(CommandRecord.Read(body[..(length - 1)], out _), Does.Contain("presence mask"));
        body[CommandRecord.MaskOffset + 1] = 0x80;
        Assert.That(CommandRecord.Read(body[..length], out _), Does.Contain("unknown fields"));
    }
}
