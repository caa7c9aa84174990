using System.Buffers;
using BenchmarkDotNet.Attributes;
using TokenMatch.Commands;
using TokenMatch.Gateway.Codec;
using TokenMatch.Protocol;

namespace TokenMatch.Benchmarks.Gateway;

/// <summary>The gateway's per-message codec work: split a frame, decode a command, encode a result (0 bytes each).</summary>
[MemoryDiagnoser]
public class FrameCodecBenchmarks
{
    private readonly FrameBuilder _builder = new();
    private readonly ArrayBufferWriter<byte> _output = new(1 << 16);
    private ReadOnlySequence<byte> _placeFrame;

    [GlobalSetup]
    public void Setup()
    {
        var w = _builder.Begin(MessageType.Command, 12345, 13);
        foreach (long v in (long[])[2, 10, 1, 1, 1, 0, 0, 0, 0, 0, 42, 5_000_000, 4]) w.Write(v);
        _placeFrame = new ReadOnlySequence<byte>(_builder.End(ref w).ToArray());
    }

    /// <summary>Frame split plus command decode, as a session does for each command.</summary>
    [Benchmark]
    public long DecodePlace()
    {
        SequencePosition consumed = _placeFrame.Start, examined = _placeFrame.Start;
        FrameParser.TryParse(_placeFrame, FrameDescriptor.MaxFrameLength, ref consumed, ref examined, out var body, out _);
        var r = new BodyReader(in body);
        r.TryStart();
        Command c = default;
        CommandCodec.TryRead(ref r, ref c);
        return c.Price + r.Correlation;
    }

    /// <summary>A result frame built and appended to an output buffer, as the responder does for each command.</summary>
    [Benchmark]
    public int EncodeResult()
    {
        if (_output.WrittenCount > 60_000) _output.ResetWrittenCount();
        var w = _builder.Begin(MessageType.Result, 12345, 5);
        w.Write((ushort)ResultCode.Ok);
        w.Write(1_234_567L);
        w.Write(1_796_083_200_000_000_000L);
        w.Write(77L);
        w.Write(2);
        return _builder.End(ref w, _output);
    }
}
