using System.Buffers.Binary;
using System.Net.Sockets;
using MessagePack;
using TokenMatch.Protocol;

namespace TokenMatch.Tests.Gateway;

/// <summary>A bare socket to the gateway: sends any bytes, reads frames back as decoded MessagePack arrays.</summary>
internal sealed class RawConnection : IDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly FrameBuilder _builder = new();

    private RawConnection(Socket socket)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
    }

    public static async Task<RawConnection> ConnectAsync(int port, int receiveBuffer = 0)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        if (receiveBuffer > 0) socket.ReceiveBufferSize = receiveBuffer;
        await socket.ConnectAsync("127.0.0.1", port);
        return new RawConnection(socket);
    }

    /// <summary>A frame of the given fields (each written by its runtime type).</summary>
    public byte[] Frame(MessageType type, long correlation, params object?[] fields)
    {
        var w = _builder.Begin(type, correlation, fields.Length);
        foreach (object? f in fields)
        {
            switch (f)
            {
                case null: w.WriteNil(); break;
                case string s: w.Write(s); break;
                case bool b: w.Write(b); break;
                case int i: w.Write(i); break;
                case long l: w.Write(l); break;
                case byte b8: w.Write(b8); break;
                default: throw new ArgumentException(f.GetType().Name);
            }
        }
        return _builder.End(ref w).ToArray();
    }

    public async Task SendAsync(byte[] bytes)
    {
        await _stream.WriteAsync(bytes);
        await _stream.FlushAsync();
    }

    public Task SendAsync(MessageType type, long correlation, params object?[] fields) => SendAsync(Frame(type, correlation, fields));

    /// <summary>The next frame's body as an array, or null when the server closed the connection.</summary>
    public async Task<object?[]?> ReadAsync(double seconds = 10)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var prefix = new byte[4];
        if (!await ReadExactly(prefix, timeout.Token)) return null;
        var body = new byte[BinaryPrimitives.ReadUInt32LittleEndian(prefix)];
        if (!await ReadExactly(body, timeout.Token)) return null;
        return MessagePackSerializer.Deserialize<object?[]>(body, MessagePackSerializerOptions.Standard.WithSecurity(MessagePackSecurity.UntrustedData));
    }

    /// <summary>Reads frames until one of <paramref name="type"/> (skipping others), or null at close.</summary>
    public async Task<object?[]?> ReadUntilAsync(MessageType type, double seconds = 10)
    {
        while (true)
        {
            object?[]? frame = await ReadAsync(seconds);
            if (frame is null || Convert.ToInt32(frame[0]) == (int)type) return frame;
        }
    }

    /// <summary>True when the server has closed the connection (reads until end of stream, within the time).</summary>
    public async Task<bool> ClosedAsync(double seconds = 10)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var buffer = new byte[65536];
        try
        {
            while (await _stream.ReadAsync(buffer, timeout.Token) > 0) { }
            return true;
        }
        catch (IOException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task<bool> ReadExactly(byte[] buffer, CancellationToken cancel)
    {
        try
        {
            await _stream.ReadExactlyAsync(buffer, cancel);
            return true;
        }
        catch (EndOfStreamException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Hello and login with <paramref name="key"/>; asserts the login worked.</summary>
    public async Task LoginAsync(string key)
    {
        await SendAsync(MessageType.Hello, 1, FrameDescriptor.Version, "raw");
        Assert.That(Convert.ToInt32((await ReadAsync())![0]), Is.EqualTo((int)MessageType.Welcome));
        await SendAsync(MessageType.Login, 2, key, false);
        object?[] answer = (await ReadAsync())!;
        Assert.That(Convert.ToInt32(answer[0]), Is.EqualTo((int)MessageType.LoggedIn), string.Join(",", answer));
    }

    public void Dispose() => _stream.Dispose();
}
