using System.Buffers;
using System.IO.Pipelines;
using System.Net.Security;
using System.Net.Sockets;
using TokenMatch.Commands;
using TokenMatch.Pipeline;
using TokenMatch.Protocol;

namespace TokenMatch.Gateway.Sessions;

/// <summary>
/// One client connection: a read loop that splits frames and handles requests in order, and an
/// outbox drained to the socket by its own loop. Flow: hello, login, then requests (docs/protocol.md).
/// The read loop owns the session's request state; answers are queued from any thread through the
/// outbox. A protocol breach gets an error frame and, past <see cref="GatewayOptions.MaxErrors"/>, a goodbye
/// and a disconnect; a full command ring pauses reading (never drops).
/// </summary>
public sealed partial class Session
{
    private readonly GatewayServer _server;
    private readonly Socket _socket;
    private readonly GatewayOptions _options;
    private readonly EngineHost _host;
    private readonly Outbox _out;
    private readonly TokenBucket _rate;
    private readonly CancellationTokenSource _cancel = new();
    private Stream? _stream;
    private PipeReader? _input;
    private Task _drain = Task.CompletedTask;
    private int _closing;
    private int _inFlight;
    private bool _cancelOnDisconnect;
    private TokenBucket? _accountRate;

    internal Session(GatewayServer server, Socket socket, long id)
    {
        _server = server;
        _socket = socket;
        _options = server.Options;
        _host = server.Host;
        Id = id;
        _out = new Outbox(_options.OutboundLimit, OnOverflow);
        _rate = new TokenBucket(_options.ConnectionRate, _options.ConnectionBurst);
    }

    /// <summary>Server-assigned id.</summary>
    public long Id { get; }

    /// <summary>Where the session is in its flow.</summary>
    public SessionState State { get; private set; }

    /// <summary>Bound account (−1 before login).</summary>
    public int Account { get; private set; } = -1;

    /// <summary>Bound role (none before login).</summary>
    public Role Role { get; private set; }

    /// <summary>Id of the API key logged in with (0 before login).</summary>
    public long KeyId { get; private set; }

    /// <summary>Bad frames received.</summary>
    public int Errors { get; private set; }

    /// <summary>Requests refused because the role or account may not make them (never executed).</summary>
    public int Refusals { get; private set; }

    /// <summary>Commands refused by rate limits or the in-flight bound.</summary>
    public int Throttled { get; private set; }

    /// <summary>Why the session closed (Ok while open).</summary>
    public ResultCode CloseReason { get; private set; }

    /// <summary>Commands waiting for results.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Runs the session until the client leaves or is disconnected.</summary>
    internal async Task RunAsync()
    {
        try
        {
            _socket.NoDelay = true;
            if (_options.SocketSendBufferSize > 0) _socket.SendBufferSize = _options.SocketSendBufferSize;
            Stream stream = new NetworkStream(_socket, ownsSocket: true);
            if (_options.Certificate is { } certificate)
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                using var handshake = CancellationTokenSource.CreateLinkedTokenSource(_cancel.Token);
                handshake.CancelAfter(_options.LoginTimeout);
                await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate }, handshake.Token)
                    .ConfigureAwait(false);
                stream = ssl;
            }
            _stream = stream;
            _input = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 4096, leaveOpen: true));
            _drain = DrainAsync(stream);
            _ = LoginDeadlineAsync();
            await ReadLoopAsync(_input).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException
            or System.Security.Authentication.AuthenticationException)
        {
            // The client went away or the handshake failed: nothing to report.
        }
        catch (Exception e)
        {
            _options.OnError?.Invoke(e);
        }
        finally
        {
            await CloseAsync(ResultCode.SessionClosed, "connection ended").ConfigureAwait(false);
            if (_input is not null) await _input.CompleteAsync().ConfigureAwait(false);
        }
    }

    private async Task DrainAsync(Stream stream)
    {
        try
        {
            await _out.DrainAsync(stream, _cancel.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    private async Task LoginDeadlineAsync()
    {
        try
        {
            await Task.Delay(_options.LoginTimeout, _cancel.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        if (State != SessionState.LoggedIn) _ = CloseAsync(ResultCode.NotAuthenticated, "no login within the login timeout");
    }

    private async Task ReadLoopAsync(PipeReader input)
    {
        while (Volatile.Read(ref _closing) == 0)
        {
            ReadResult result = await input.ReadAsync(_cancel.Token).ConfigureAwait(false);
            ReadOnlySequence<byte> buffer = result.Buffer;
            SequencePosition consumed = buffer.Start;
            SequencePosition examined = buffer.End;
            bool paused = false;
            while (Volatile.Read(ref _closing) == 0)
            {
                ReadOnlySequence<byte> rest = buffer.Slice(consumed);
                SequencePosition frameEnd = rest.Start;
                SequencePosition seen = rest.Start;
                FrameStatus status = FrameParser.TryParse(rest, _options.MaxFrameLength, ref frameEnd, ref seen, out ReadOnlySequence<byte> body, out long length);
                if (status == FrameStatus.Incomplete) break;
                if (status == FrameStatus.TooLarge)
                {
                    SendError(0, ResultCode.FrameTooLarge, $"frame length {length} exceeds the maximum {_options.MaxFrameLength}");
                    await CloseAsync(ResultCode.FrameTooLarge, "oversize frame: the stream cannot be resynchronised").ConfigureAwait(false);
                    input.AdvanceTo(buffer.End);
                    return;
                }
                Outcome outcome = Handle(in body, out Task? pending);
                if (outcome == Outcome.RingFull)
                {
                    // Not consumed: read it again once the ring has room (backpressure, never a drop).
                    paused = true;
                    examined = consumed;
                    break;
                }
                consumed = frameEnd;
                if (pending is not null)
                {
                    // An async request (login, query): the frame is parsed; answer it before the next.
                    input.AdvanceTo(consumed, consumed);
                    await pending.ConfigureAwait(false);
                    result = await input.ReadAsync(_cancel.Token).ConfigureAwait(false);
                    buffer = result.Buffer;
                    consumed = buffer.Start;
                    examined = buffer.End;
                }
            }
            if (Volatile.Read(ref _closing) != 0) return;
            input.AdvanceTo(consumed, paused ? consumed : examined);
            if (paused) await Task.Delay(1, _cancel.Token).ConfigureAwait(false);
            else if (result.IsCompleted && buffer.Slice(consumed).IsEmpty) return;
            else if (result.IsCompleted)
            {
                SendError(0, ResultCode.MalformedFrame, "connection ended inside a frame");
                return;
            }
        }
    }

    /// <summary>Closes the session once: a goodbye with the reason, then the socket.</summary>
    public async Task CloseAsync(ResultCode reason, string message)
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0) return;
        CloseReason = reason;
        bool wasLoggedIn = State == SessionState.LoggedIn;
        State = SessionState.Closed;
        _server.Remove(this);
        if (wasLoggedIn && _cancelOnDisconnect && Role == Role.Trader)
            _host.Post(Command.MassCancel(0, Account));
        if (!_out.Overflowed)
        {
            SendGoodbye(reason, message);
            lock (_out.Gate) _out.Close();
            await Task.WhenAny(_drain, Task.Delay(1000)).ConfigureAwait(false);
        }
        else
        {
            // Slow consumer: drop what is queued and try the goodbye directly, briefly.
            _cancel.Cancel();
            await Task.WhenAny(_drain, Task.Delay(200)).ConfigureAwait(false);
            if (_stream is { } stream)
            {
                var builder = new FrameBuilder();
                var w = builder.Begin(MessageType.Goodbye, 0, 2);
                w.Write((ushort)reason);
                w.Write(message);
                try
                {
                    using var timeout = new CancellationTokenSource(500);
                    await stream.WriteAsync(builder.End(ref w).ToArray(), timeout.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
                {
                }
            }
        }
        _cancel.Cancel();
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
        _stream?.Dispose();
        _socket.Dispose();
    }

    private void OnOverflow() => _ = Task.Run(() => CloseAsync(ResultCode.SlowConsumer,
        $"outbound buffer passed {_options.OutboundLimit} bytes: the client reads too slowly"));

    private enum Outcome
    {
        Done,
        RingFull,
    }
}
