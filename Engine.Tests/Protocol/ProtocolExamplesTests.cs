using TokenMatch.Protocol;

namespace TokenMatch.Tests.Protocol;

/// <summary>The byte examples in docs/protocol.md are what the codec writes.</summary>
public sealed class ProtocolExamplesTests
{
    private static string Doc()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TokenMatch.sln"))) dir = dir.Parent;
        string text = File.ReadAllText(Path.Combine(dir!.FullName, "docs", "protocol.md"));
        return string.Join(" ", text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
    }

    private static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes).Chunk(2).Select(c => new string(c))
        .Aggregate((a, b) => a + " " + b);

    private static void AssertInDoc(ReadOnlySpan<byte> frame, string what)
    {
        string hex = Hex(frame);
        Assert.That(Doc(), Does.Contain(hex), $"{what}: {hex}");
    }

    [Test]
    public void Every_example_frame_is_what_the_codec_writes()
    {
        var b = new FrameBuilder();
        var w = b.Begin(MessageType.Hello, 1, 2); w.Write(1); w.Write("py");
        AssertInDoc(b.End(ref w), "hello");
        w = b.Begin(MessageType.Welcome, 1, 3); w.Write(1); w.Write("tokenmatch"); w.Write(65536);
        AssertInDoc(b.End(ref w), "welcome");
        w = b.Begin(MessageType.Command, 3, 13);
        foreach (long v in (long[])[2, 10, 1, 1, 1, 0, 0, 0, 0, 0, 42, 5_000_000, 4]) w.Write(v);
        AssertInDoc(b.End(ref w), "place");
        w = b.Begin(MessageType.Result, 3, 5); w.Write((ushort)0); w.Write(17L); w.Write(1_796_083_200_000_000_000L); w.Write(5L); w.Write(2);
        AssertInDoc(b.End(ref w), "result");
        w = b.Begin(MessageType.BookUpdate, 0, 5); w.Write(1); w.Write(9L); w.Write((byte)1); w.Write(5_000_000L); w.Write(12L);
        AssertInDoc(b.End(ref w), "book update");
        w = b.Begin(MessageType.Error, 4, 2); w.Write((ushort)508); w.Write("field 3 (account) must be an integer, not String");
        AssertInDoc(b.End(ref w), "error");
        w = b.Begin(MessageType.Login, 2, 2); w.Write("tmk1_7_" + string.Concat(Enumerable.Repeat("ab", 32))); w.Write(true);
        string login = Hex(b.End(ref w));
        Assert.That(Doc(), Does.Contain(login[..50]).And.Contain("61 62 c3"), "login (elided in the middle)");
    }

    [Test]
    public void The_documented_error_message_is_the_servers()
    {
        // [10, 4, 2, "10"] with a 4-element header: type, corr, command type, account as a string.
        byte[] bytes = [0x94, 0x0a, 0x04, 0x02, 0xa2, 0x31, 0x30];
        var r = new BodyReader(new System.Buffers.ReadOnlySequence<byte>(bytes));
        Assert.That(r.TryStart());
        Assert.That(r.Byte(out _, "command type"));
        Assert.That(r.Int(out _, "account"), Is.False);
        Assert.That(r.Error, Is.EqualTo("field 3 (account) must be an integer, not String"));
    }
}
