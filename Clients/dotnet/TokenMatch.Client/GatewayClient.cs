using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net.Security;
using System.Net.Sockets;
using MessagePack;
using TokenMatch.Commands;
using TokenMatch.Protocol;

namespace TokenMatch.Client;

/// <summary>
/// An async client of the TokenMatch gateway (docs/protocol.md): connects, says hello, logs in, then
/// sends requests and awaits typed answers matched by correlation id. Unsolicited messages (execution
/// reports, market data, goodbye) raise events on the read loop's thread: keep handlers short. With
/// <see cref="ClientOptions.AutoReconnect"/>, a dropped connection is re-established with the same
/// login and subscriptions (each resubscription brings a fresh snapshot). Thread-safe.
/// </summary>
public sealed partial class GatewayClient : IAsyncDisposable
{
    /// <summary>Writes a request's fields.</summary>
    private delegate void FieldWriter(ref MessagePackWriter writer);

    private readonly ClientOptions _options;
    private readonly ConcurrentDictionary<long, TaskCompletionSource<object>> _pending = new();
    private readonly ConcurrentDictionary<int, int> _subscriptions = new();
    private readonly ConcurrentDictionary<int, LocalBook> _books = new();
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly FrameBuilder _builder = new();
    private readonly CancellationTokenSource _dispose = new();
    private Connection? _connection;
    private long _nextCorrelation;
    private Task _reconnect = Task.CompletedTask;

    private sealed record Connection(Socket Socket, Stream Stream, PipeReader Reader)
    {
        public Task ReadLoop { get; set; } = Task.CompletedTask;
    }

    private GatewayClient(ClientOptions options) => _options = options;

    /// <summary>What the login bound this session to.</summary>
    public LoginInfo? Login { get; private set; }

    /// <summary>The server's welcome: its version and name.</summary>
    public (int Version, string Server, int MaxFrameLength) Welcome { get; private set; }

    /// <summary>True while connected, logged in and resubscribed.</summary>
    public bool Connected => _connection is not null && Volatile.Read(ref _ready);

    private bool _ready;

    /// <summary>Times reconnected.</summary>
    public int Reconnects { get; private set; }

    /// <summary>An execution report of this account.</summary>
    public event Action<Execution>? ExecutionReceived;

    /// <summary>A trade in a subscribed market.</summary>
    public event Action<TradeTick>? TradeReceived;

    /// <summary>A ticker of a subscribed market.</summary>
    public event Action<Ticker>? TickerReceived;

    /// <summary>A subscribed market's local book changed (a snapshot or an update was applied).</summary>
    public event Action<LocalBook>? BookChanged;

    /// <summary>A surveillance alert (provider sessions after <see cref="SubscribeAlertsAsync"/>).</summary>
    public event Action<AlertMessage>? AlertReceived;

    /// <summary>The server said goodbye.</summary>
    public event Action<Goodbye>? GoodbyeReceived;

    /// <summary>The connection ended.</summary>
    public event Action? Disconnected;

    /// <summary>Connects, says hello and logs in.</summary>
    public static async Task<GatewayClient> ConnectAsync(ClientOptions options, CancellationToken cancel = default)
    {
        var client = new GatewayClient(options);
        try
        {
            await client.OpenAsync(cancel).ConfigureAwait(false);
            return client;
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The local L2 book of a market subscribed with depth.</summary>
    public LocalBook Book(int market) => _books.GetOrAdd(market, static m => new LocalBook(m));

    private async Task OpenAsync(CancellationToken cancel, bool reconnect = false)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(_options.Host, _options.Port, cancel).ConfigureAwait(false);
        Stream stream = new NetworkStream(socket, ownsSocket: true);
        if (_options.UseTls)
        {
            var ssl = new SslStream(stream, false, _options.ValidateServerCertificate);
            await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = _options.Host }, cancel).ConfigureAwait(false);
            stream = ssl;
        }
        var connection = new Connection(socket, stream, PipeReader.Create(stream));
        _connection = connection;
        connection.ReadLoop = Task.Run(() => ReadLoopAsync(connection));
        object welcome = await RequestAsync(MessageType.Hello, (ref MessagePackWriter w) => { w.Write(_options.Version); w.Write(_options.ClientName); }, 2)
            .ConfigureAwait(false);
        Welcome = ((int, string, int))welcome;
        Login = (LoginInfo)await RequestAsync(MessageType.Login, (ref MessagePackWriter w) => { w.Write(_options.ApiKey); w.Write(_options.CancelOnDisconnect); }, 2)
            .ConfigureAwait(false);
        foreach (var (market, what) in _subscriptions) await SubscribeAsync(market, what).ConfigureAwait(false);
        // Alerts raised while disconnected come from the server's kept alerts after the last id seen.
        if (_alertsSubscribed) await SubscribeAlertsAsync(Interlocked.Read(ref _lastAlertId)).ConfigureAwait(false);
        if (reconnect) Reconnects++;
        Volatile.Write(ref _ready, true);
    }

    private async Task<object> RequestAsync(MessageType type, FieldWriter fields, int fieldCount)
    {
        Connection connection = _connection ?? throw new GatewayException(ResultCode.SessionClosed, "not connected");
        long correlation = Interlocked.Increment(ref _nextCorrelation);
        var answer = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[correlation] = answer;
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            var w = _builder.Begin(type, correlation, fieldCount);
            fields(ref w);
            ReadOnlyMemory<byte> frame = _builder.End(ref w).ToArray();
            await connection.Stream.WriteAsync(frame).ConfigureAwait(false);
            await connection.Stream.FlushAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            _pending.TryRemove(correlation, out _);
            throw new GatewayException(ResultCode.SessionClosed, "connection lost: " + e.Message);
        }
        finally
        {
            _writeLock.Release();
        }
        try
        {
            return await answer.Task.WaitAsync(_options.RequestTimeout).ConfigureAwait(false);
        }
        finally
        {
            _pending.TryRemove(correlation, out _);
        }
    }

    /// <summary>Sends raw bytes (tests of the server's handling of bad input).</summary>
    public async Task SendRawAsync(ReadOnlyMemory<byte> bytes)
    {
        Connection connection = _connection ?? throw new GatewayException(ResultCode.SessionClosed, "not connected");
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            await connection.Stream.WriteAsync(bytes).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task ReadLoopAsync(Connection connection)
    {
        PipeReader reader = connection.Reader;
        try
        {
            while (true)
            {
                ReadResult result = await reader.ReadAsync(_dispose.Token).ConfigureAwait(false);
                ReadOnlySequence<byte> buffer = result.Buffer;
                SequencePosition consumed = buffer.Start;
                SequencePosition examined = buffer.End;
                while (true)
                {
                    ReadOnlySequence<byte> rest = buffer.Slice(consumed);
                    SequencePosition end = rest.Start, seen = rest.Start;
                    FrameStatus status = FrameParser.TryParse(rest, int.MaxValue, ref end, ref seen, out ReadOnlySequence<byte> body, out _);
                    if (status != FrameStatus.Frame) break;
                    Dispatch(in body);
                    consumed = end;
                }
                reader.AdvanceTo(consumed, examined);
                if (result.IsCompleted) break;
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
            OnConnectionLost(connection);
        }
    }

    private void OnConnectionLost(Connection connection)
    {
        if (!ReferenceEquals(Interlocked.CompareExchange(ref _connection, null, connection), connection)) return;
        Volatile.Write(ref _ready, false);
        Login = null;
        connection.Stream.Dispose();
        foreach (var (id, pending) in _pending)
            if (_pending.TryRemove(id, out _)) pending.TrySetException(new GatewayException(ResultCode.SessionClosed, "connection lost"));
        foreach (LocalBook book in _books.Values)
            lock (book.Gate) book.MarkStale();
        Disconnected?.Invoke();
        if (_options.AutoReconnect && !_dispose.IsCancellationRequested) _reconnect = ReconnectLoopAsync();
    }

    private async Task ReconnectLoopAsync()
    {
        TimeSpan delay = TimeSpan.FromMilliseconds(50);
        while (!_dispose.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(delay, _dispose.Token).ConfigureAwait(false);
                await OpenAsync(_dispose.Token, reconnect: true).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e) when (e is SocketException or IOException or GatewayException or TimeoutException)
            {
                delay = TimeSpan.FromMilliseconds(Math.Min(2000, delay.TotalMilliseconds * 2));
            }
        }
    }

    /// <summary>Waits until reconnected (with <see cref="ClientOptions.AutoReconnect"/>).</summary>
    public async Task WaitConnectedAsync(TimeSpan timeout)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (!Connected)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("not reconnected in time");
            await Task.Delay(10).ConfigureAwait(false);
        }
    }

    /// <summary>Closes the connection (saying goodbye when connected) and stops reconnecting.</summary>
    public async ValueTask DisposeAsync()
    {
        Connection? connection = _connection;
        if (connection is not null && Login is not null)
        {
            try
            {
                await _writeLock.WaitAsync().ConfigureAwait(false);
                var w = _builder.Begin(MessageType.Bye, 0, 0);
                await connection.Stream.WriteAsync(_builder.End(ref w).ToArray()).ConfigureAwait(false);
                _writeLock.Release();
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
            {
            }
        }
        _dispose.Cancel();
        connection?.Socket.Dispose();
        if (connection is not null) await connection.ReadLoop.ConfigureAwait(false);
        await _reconnect.ConfigureAwait(false);
    }

    /// <summary>Drops the connection without a goodbye, as a network failure would (tests of reconnect).</summary>
    public void Sever() => _connection?.Socket.Dispose();
}
