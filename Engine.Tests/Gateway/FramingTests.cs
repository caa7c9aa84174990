using System.Buffers;
using TokenMatch.Protocol;

namespace TokenMatch.Tests.Gateway;

/// <summary>The frame parser over split and coalesced input, oversize prefixes, truncation, and a bounded fuzz run.</summary>
public sealed class FramingTests
{
    private static byte[] Frames(int count, out List<byte[]> bodies)
    {
        var builder = new FrameBuilder();
        var all = new List<byte>();
        bodies = [];
        for (int i = 0; i < count; i++)
        {
            var w = builder.Begin(MessageType.Ping, i + 1, 2);
            w.Write((long)i * 1_000_003);
            w.Write(new string('x', i % 7));
            byte[] frame = builder.End(ref w).ToArray();
            bodies.Add(frame[FrameDescriptor.PrefixLength..]);
            all.AddRange(frame);
        }
        return [.. all];
    }

    /// <summary>Splits <paramref name="bytes"/> into a multi-segment sequence at the given cut points.</summary>
    private static ReadOnlySequence<byte> Segments(byte[] bytes, params int[] cuts)
    {
        var points = cuts.Where(c => c > 0 && c < bytes.Length).Distinct().Order().Prepend(0).Append(bytes.Length).ToArray();
        Segment? first = null, last = null;
        for (int i = 0; i + 1 < points.Length; i++)
        {
            var memory = bytes.AsMemory(points[i], points[i + 1] - points[i]);
            if (first is null) first = last = new Segment(memory, 0);
            else last = last!.Append(memory);
        }
        return first is null ? ReadOnlySequence<byte>.Empty : new ReadOnlySequence<byte>(first, 0, last!, last!.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long index)
        {
            Memory = memory;
            RunningIndex = index;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }

    /// <summary>Feeds the stream in the given pieces as a pipe reader would (unconsumed bytes kept), collecting bodies.</summary>
    private static List<byte[]> Parse(byte[] stream, IEnumerable<int> pieceEnds, int max = FrameDescriptor.MaxFrameLength)
    {
        var bodies = new List<byte[]>();
        int start = 0;
        foreach (int end in pieceEnds.Append(stream.Length))
        {
            if (end < start) continue;
            var input = Segments(stream[start..end], (end - start) / 2);
            SequencePosition consumed = input.Start, examined = input.Start;
            while (true)
            {
                var rest = input.Slice(consumed);
                SequencePosition c = rest.Start, e = rest.Start;
                FrameStatus status = FrameParser.TryParse(rest, max, ref c, ref e, out var body, out _);
                Assert.That(status, Is.Not.EqualTo(FrameStatus.TooLarge));
                if (status == FrameStatus.Incomplete) break;
                bodies.Add(body.ToArray());
                consumed = c;
            }
            start += (int)input.Slice(0, consumed).Length;
        }
        return bodies;
    }

    [Test]
    public void Frames_split_at_every_byte_parse_the_same()
    {
        byte[] stream = Frames(5, out var expected);
        for (int cut = 0; cut <= stream.Length; cut++)
            Assert.That(Parse(stream, [cut]), Is.EqualTo(expected), $"cut at {cut}");
    }

    [Test]
    public void Frames_fed_one_byte_at_a_time_parse_the_same()
    {
        byte[] stream = Frames(9, out var expected);
        Assert.That(Parse(stream, Enumerable.Range(1, stream.Length)), Is.EqualTo(expected));
    }

    [Test]
    public void Many_frames_coalesced_in_one_read_all_parse()
    {
        byte[] stream = Frames(1000, out var expected);
        Assert.That(Parse(stream, []), Is.EqualTo(expected));
    }

    [Test]
    public void An_oversize_length_is_reported_before_its_body_arrives()
    {
        byte[] prefix = [0x01, 0x00, 0x01, 0x00];  // 65,537
        var input = new ReadOnlySequence<byte>(prefix);
        SequencePosition c = input.Start, e = input.Start;
        Assert.That(FrameParser.TryParse(input, FrameDescriptor.MaxFrameLength, ref c, ref e, out _, out long length), Is.EqualTo(FrameStatus.TooLarge));
        Assert.That(length, Is.EqualTo(65_537));
        byte[] huge = [0xFF, 0xFF, 0xFF, 0xFF];
        input = new ReadOnlySequence<byte>(huge);
        Assert.That(FrameParser.TryParse(input, FrameDescriptor.MaxFrameLength, ref c, ref e, out _, out length), Is.EqualTo(FrameStatus.TooLarge));
        Assert.That(length, Is.EqualTo(uint.MaxValue));
    }

    [Test]
    public void A_truncated_frame_is_incomplete_and_examined_to_the_end()
    {
        byte[] stream = Frames(1, out _);
        for (int n = 0; n < stream.Length; n++)
        {
            var input = new ReadOnlySequence<byte>(stream, 0, n);
            SequencePosition c = input.Start, e = input.Start;
            Assert.That(FrameParser.TryParse(input, FrameDescriptor.MaxFrameLength, ref c, ref e, out _, out _), Is.EqualTo(FrameStatus.Incomplete));
            Assert.That(e, Is.EqualTo(input.End));
            Assert.That(c, Is.EqualTo(input.Start), "nothing consumed");
        }
    }

    [Test]
    public void Fuzz_random_input_never_throws_and_always_progresses()
    {
        var random = new Random(20261202);
        int runs = Environment.GetEnvironmentVariable("TOKENMATCH_LONG") == "1" ? 200_000 : 20_000;
        for (int run = 0; run < runs; run++)
        {
            var bytes = new byte[random.Next(0, 64)];
            random.NextBytes(bytes);
            // Small announced lengths half of the time, so whole frames occur.
            if (bytes.Length >= 4 && random.Next(2) == 0) { bytes[1] = bytes[2] = bytes[3] = 0; bytes[0] = (byte)random.Next(0, 40); }
            var input = Segments(bytes, random.Next(bytes.Length + 1), random.Next(bytes.Length + 1));
            SequencePosition consumed = input.Start;
            for (int guard = 0; guard <= bytes.Length + 1; guard++)
            {
                var rest = input.Slice(consumed);
                SequencePosition c = rest.Start, e = rest.Start;
                FrameStatus status = FrameParser.TryParse(rest, 32, ref c, ref e, out var body, out long length);
                if (status != FrameStatus.Frame)
                {
                    Assert.That(status == FrameStatus.Incomplete || length > 32);
                    break;
                }
                Assert.That(body.Length, Is.EqualTo(length));
                // The body reader on random bytes: values, or a caught decoding exception; never a hang or a crash.
                var r = new BodyReader(in body);
                try
                {
                    if (r.TryStart()) { r.SkipRest(); }
                }
                catch (MessagePack.MessagePackSerializationException) { }
                catch (EndOfStreamException) { }
                consumed = c;
            }
        }
    }

    [Test]
    public void Skipping_deeply_nested_extra_fields_does_not_recurse()
    {
        // [1, 0, [[[[...]]]]] nested 60,000 deep: skipped iteratively.
        var bytes = new List<byte> { 0x93, 0x01, 0x00 };
        for (int i = 0; i < 60_000; i++) bytes.Add(0x91);
        bytes.Add(0xC0);
        var body = new ReadOnlySequence<byte>(bytes.ToArray());
        var r = new BodyReader(in body);
        Assert.That(r.TryStart());
        r.SkipRest();
        Assert.That(r.Remaining, Is.Zero);
    }
}
