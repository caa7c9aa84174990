using System.Buffers;
using FsCheck;
using FsCheck.Fluent;
using TokenMatch.Commands;
using TokenMatch.Gateway.Codec;
using TokenMatch.Protocol;

namespace TokenMatch.Tests.Gateway;

/// <summary>The command message round-trips every field; decoding and encoding allocate nothing.</summary>
public sealed class CommandCodecTests
{
    private static byte[] Encode(long[] fields)
    {
        var b = new FrameBuilder();
        var w = b.Begin(MessageType.Command, 9, fields.Length);
        foreach (long f in fields) w.Write(f);
        return b.End(ref w)[FrameDescriptor.PrefixLength..].ToArray();
    }

    private static long[] Fields(in Command c) =>
    [
        (long)c.Type, c.Account, c.Market, (long)c.Side, (long)c.OrderType, (long)c.Tif, (long)c.Stp, (long)c.PriceKind, c.Code,
        c.OrderId, c.ClientId, c.Price, c.Quantity, c.Arg, c.A0, c.A1, c.A2, c.A3, c.A4, c.A5, c.A6, c.A7,
    ];

    [Test]
    public void Any_fields_round_trip_and_omitted_trailing_fields_read_as_zero()
    {
        Gen<long[]> gen =
            from bytes in Gen.ArrayOf(Gen.Choose(0, 255), 9)
            from ints in Gen.ArrayOf(ArbMap.Default.GeneratorFor<int>(), 2)
            from longs in Gen.ArrayOf(ArbMap.Default.GeneratorFor<long>(), 13)
            from keep in Gen.Choose(1, CommandCodec.FieldCount)
            select new long[] { bytes[0], ints[0], ints[1], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6] }.Concat(longs).Take(keep).ToArray();
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(gen.ToArbitrary(), fields =>
        {
            var body = new ReadOnlySequence<byte>(Encode(fields));
            var r = new BodyReader(in body);
            Command c = default;
            bool ok = r.TryStart() && CommandCodec.TryRead(ref r, ref c);
            long[] expected = [.. fields, .. new long[CommandCodec.FieldCount - fields.Length]];
            return ok && Fields(in c).SequenceEqual(expected);
        }));
    }

    [Test]
    public void Decoding_a_command_and_encoding_a_result_allocate_nothing()
    {
        byte[] frame = [.. new byte[4], .. Encode([2, 10, 1, 1, 1, 0, 0, 0, 0, 0, 42, 5_000_000, 4])];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(frame, (uint)(frame.Length - 4));
        var input = new ReadOnlySequence<byte>(frame);
        var builder = new FrameBuilder();
        var output = new ArrayBufferWriter<byte>(1 << 16);
        long sum = 0;
        for (int round = 0; round < 2; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 1000; i++)
            {
                SequencePosition consumed = input.Start, examined = input.Start;
                FrameParser.TryParse(input, FrameDescriptor.MaxFrameLength, ref consumed, ref examined, out var body, out _);
                var r = new BodyReader(in body);
                r.TryStart();
                Command c = default;
                CommandCodec.TryRead(ref r, ref c);
                sum += c.Price;
                output.ResetWrittenCount();
                var w = builder.Begin(MessageType.Result, r.Correlation, 5);
                w.Write((ushort)0); w.Write(1L); w.Write(2L); w.Write(3L); w.Write(4);
                builder.End(ref w, output);
            }
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            // The first round warms up (JIT, statics); the second must allocate nothing.
            if (round == 1) Assert.That(allocated, Is.Zero);
        }
        Assert.That(sum, Is.EqualTo(2000 * 5_000_000L));
    }
}
