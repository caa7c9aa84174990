using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics;
using System.Net.Sockets;
using HdrHistogram;
using MessagePack;
using TokenMatch.Bench.Results;
using TokenMatch.Commands;
using TokenMatch.Gateway;
using TokenMatch.Gateway.Security;
using TokenMatch.Pipeline;
using TokenMatch.Protocol;

namespace TokenMatch.Bench.Targets;

/// <summary>
/// <c>bench gateway</c>: the gateway over loopback TCP in front of the pipeline (no journal).
/// <c>--connections</c> trader sessions, each with a sending and a receiving thread, send IOC limit
/// orders (half buying, half selling; each connection writes whatever is due in one write). Only
/// orders whose result frame came back count. Throughput: each connection sends flat out with at
/// most 65,536 orders unanswered. Latency: orders are due on a fixed schedule (the offered rate in
/// total), and latency is from when an order was due to when its result was read (no coordinated
/// omission). The gateway's own protocol stream, not the <c>OrderFlow</c> mix: the figure is the
/// gateway's cost (framing, decoding, sessions, sockets), with the core's share kept small.
/// </summary>
public static class GatewayTarget
{
    private const int FirstAccount = 100;
    private const long Window = 65_536;

    /// <summary>Throughput at saturation.</summary>
    public static ThroughputFigure Throughput(BenchOptions options, Action<string, double>? progress)
    {
        progress?.Invoke("set-up", 0);
        using var rig = new Rig(options.Connections);
        long perConnection = Math.Max(1, options.Commands / options.Connections);
        rig.RunStep(Math.Min(perConnection, 20_000), 0, 0, null, progress: null);
        TimeSpan cpuBefore = Clock.ProcessCpu();
        double seconds = rig.RunStep(perConnection, 0, 0, null, f => progress?.Invoke("measuring", f));
        double cpu = (Clock.ProcessCpu() - cpuBefore).TotalSeconds;
        long total = perConnection * options.Connections;
        return new ThroughputFigure
        {
            Commands = total, Seconds = seconds, CommandsPerSecond = total / seconds, NanosecondsPerCommand = seconds * 1e9 / total,
            CoresBusy = cpu / seconds, NotOk = rig.NotOk,
            Detail = $"{options.Connections} connections over loopback TCP, at most {Window:N0} orders unanswered each",
        };
    }

    /// <summary>Open-loop latency, one step per offered rate (in total over all connections).</summary>
    public static List<LatencyStep> Latency(BenchOptions options, Action<string, double>? progress, out string stoppedBecause)
    {
        progress?.Invoke("set-up", 0);
        using var rig = new Rig(options.Connections);
        rig.RunStep(10_000, 0, 0, null, progress: null);
        var histogram = new LongConcurrentHistogram(1, 3_600_000_000_000L, 3);
        var steps = new List<LatencyStep>();
        double[] rates = [.. options.Rates()];
        stoppedBecause = $"reached --rate-max {options.RateMax:N0}/s";
        for (int r = 0; r < rates.Length; r++)
        {
            double rate = rates[r];
            histogram.Reset();
            double perConnectionRate = rate / options.Connections;
            long perConnection = Math.Max(10, (long)(perConnectionRate * options.StepSeconds));
            long notOkBefore = rig.NotOk;
            int step = r;
            double seconds = rig.RunStep(perConnection, Stopwatch.Frequency / perConnectionRate, perConnection / 10, histogram,
                f => progress?.Invoke($"{rate:N0}/s", (step + f) / rates.Length));
            LatencyStep result = LatencyStep.From(histogram, rate, perConnection * options.Connections / seconds, rig.NotOk - notOkBefore);
            steps.Add(result);
            if (result.P50 > options.MedianBoundMicroseconds * 1000)
            {
                stoppedBecause = $"median {result.P50 / 1000.0:N1} µs passed the bound of {options.MedianBoundMicroseconds:N0} µs at {rate:N0}/s";
                break;
            }
        }
        progress?.Invoke("done", 1);
        return steps;
    }

    /// <summary>The host, the server and the logged-in connections of one run.</summary>
    private sealed class Rig : IDisposable
    {
        private readonly EngineHost _host;
        private readonly GatewayServer _server;
        private readonly List<Connection> _connections = [];
        private long _notOk;

        public Rig(int connections)
        {
            _host = new EngineHost(new EngineHostOptions { CommandRingSize = 1 << 16 });
            _host.Start();
            long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000, day = 86_400_000_000_000;
            var settings = new List<Command>
            {
                Command.CreateMarket(0, 1, "LOAD", 1, 1_000, 10_000_000, 1_000, 20_000_000, 1, 1_000_000, now - day, now + 30 * day),
                Command.MarketState(0, CommandType.OpenMarket, 1),
            };
            var keys = new string[connections];
            for (int i = 0; i < connections; i++)
            {
                settings.Add(Command.CreateAccount(0, FirstAccount + i, Tier.Trusted));
                // The engine checks the sums of all deposits and grants for overflow: share one quarter of the range.
                settings.Add(Command.Deposit(0, FirstAccount + i, long.MaxValue / 4 / connections));
                settings.Add(Command.Grant(0, FirstAccount + i, 1, Origin.Allocated, long.MaxValue / 4 / connections));
                var (key, issue) = ApiKeys.Create(FirstAccount + i, Role.Trader);
                settings.Add(issue);
                keys[i] = key;
            }
            _host.ApplySettingsAsync(settings).GetAwaiter().GetResult();
            _server = new GatewayServer(_host, new GatewayOptions
            {
                MaxInFlight = 1 << 22, OutboundLimit = 1L << 31, ConnectionBurst = 1e9, ConnectionRate = 1e9, AccountRate = 1e9, AccountBurst = 1e9,
            });
            _server.Start();
            for (int c = 0; c < connections; c++)
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                socket.Connect(_server.Endpoint);
                var stream = new NetworkStream(socket, ownsSocket: true);
                Handshake(stream, keys[c]);
                _connections.Add(new Connection(stream, FirstAccount + c, c % 2 == 0 ? Side.Buy : Side.Sell));
            }
        }

        public long NotOk => Interlocked.Read(ref _notOk);

        /// <summary>
        /// Each connection sends <paramref name="orders"/> orders, one every <paramref name="ticksPerOrder"/>
        /// (0: flat out, within the window), and reads their results; returns the seconds from the start
        /// to the last result. Records latency from the due time into <paramref name="histogram"/> past
        /// <paramref name="warmup"/> orders per connection.
        /// </summary>
        public double RunStep(long orders, double ticksPerOrder, long warmup, LongConcurrentHistogram? histogram, Action<double>? progress)
        {
            long start = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 100;
            var threads = new List<Thread>();
            var failures = new List<string>();
            foreach (Connection connection in _connections)
            {
                connection.Answered = 0;
                threads.Add(new Thread(() => Guard(failures, () => Send(connection, start, ticksPerOrder, orders))) { IsBackground = true });
                threads.Add(new Thread(() => Guard(failures, () => Receive(connection, start, ticksPerOrder, orders, warmup, histogram))) { IsBackground = true });
            }
            foreach (Thread t in threads) t.Start();
            long total = orders * _connections.Count;
            while (!threads.TrueForAll(t => t.Join(100)))
            {
                long answered = 0;
                foreach (Connection c in _connections) answered += Volatile.Read(ref c.Answered);
                progress?.Invoke((double)answered / total);
            }
            double seconds = (double)(Stopwatch.GetTimestamp() - start) / Stopwatch.Frequency;
            if (failures.Count > 0) throw new IOException(string.Join("; ", failures));
            foreach (Connection c in _connections) Interlocked.Add(ref _notOk, c.TakeNotOk());
            return seconds;
        }

        public void Dispose()
        {
            foreach (Connection c in _connections) c.Stream.Dispose();
            _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
            _host.Dispose();
        }

        private static void Guard(List<string> failures, Action action)
        {
            try { action(); }
            catch (IOException e) { lock (failures) failures.Add(e.Message); }
            catch (SocketException e) { lock (failures) failures.Add(e.Message); }
        }
    }

    /// <summary>One session: its stream, its account and side; the receiving thread counts answers, the sender reads the count.</summary>
    private sealed class Connection(NetworkStream stream, int account, Side side)
    {
        public long Answered;
        private long _notOk;

        public NetworkStream Stream { get; } = stream;
        public int Account { get; } = account;
        public Side Side { get; } = side;

        public void AddNotOk() => _notOk++;

        public long TakeNotOk()
        {
            long n = _notOk;
            _notOk = 0;
            return n;
        }
    }

    private static void Handshake(NetworkStream stream, string key)
    {
        var b = new FrameBuilder();
        var w = b.Begin(MessageType.Hello, 1, 2); w.Write(FrameDescriptor.Version); w.Write("bench");
        stream.Write(b.End(ref w));
        w = b.Begin(MessageType.Login, 2, 2); w.Write(key); w.Write(false);
        stream.Write(b.End(ref w));
        Span<byte> prefix = stackalloc byte[4];
        for (int i = 0; i < 2; i++)
        {
            stream.ReadExactly(prefix);
            var body = new byte[BinaryPrimitives.ReadUInt32LittleEndian(prefix)];
            stream.ReadExactly(body);
            if (body[1] == (byte)MessageType.Error) throw new IOException("the gateway refused the bench's login");
        }
    }

    private static void Send(Connection connection, long start, double ticksPerOrder, long total)
    {
        var builder = new FrameBuilder();
        var buffer = new ArrayBufferWriter<byte>(1 << 20);
        Clock.WaitUntil(start);
        long sent = 0;
        while (sent < total)
        {
            long allowed = ticksPerOrder > 0
                ? (long)((Stopwatch.GetTimestamp() - start) / ticksPerOrder) + 1
                : Volatile.Read(ref connection.Answered) + Window;
            if (allowed <= sent) { Thread.Yield(); continue; }
            long upTo = Math.Min(Math.Min(allowed, total), sent + 4096);
            buffer.ResetWrittenCount();
            for (; sent < upTo; sent++)
            {
                var w = builder.Begin(MessageType.Command, sent, 13);
                w.Write((byte)CommandType.Place); w.Write(connection.Account); w.Write(1); w.Write((byte)connection.Side); w.Write((byte)OrderType.Limit);
                w.Write((byte)TimeInForce.Ioc); w.Write((byte)0); w.Write((byte)0); w.Write((byte)0); w.Write(0L); w.Write(0L);
                w.Write(5_000_000L); w.Write(1L);
                builder.End(ref w, buffer);
            }
            connection.Stream.Write(buffer.WrittenSpan);
        }
    }

    private static void Receive(Connection connection, long start, double ticksPerOrder, long total, long warmup, LongConcurrentHistogram? histogram)
    {
        var pipe = new byte[1 << 20];
        int filled = 0, offset = 0;
        long results = 0;
        while (results < total)
        {
            if (offset > 0 && filled - offset < 1 << 16) { Buffer.BlockCopy(pipe, offset, pipe, 0, filled - offset); filled -= offset; offset = 0; }
            int n = connection.Stream.Read(pipe, filled, pipe.Length - filled);
            if (n == 0) throw new IOException("the gateway closed the connection");
            filled += n;
            long now = Stopwatch.GetTimestamp();
            while (filled - offset >= 4)
            {
                int length = (int)BinaryPrimitives.ReadUInt32LittleEndian(pipe.AsSpan(offset));
                if (filled - offset < 4 + length) break;
                var reader = new MessagePackReader(new ReadOnlyMemory<byte>(pipe, offset + 4, length));
                reader.ReadArrayHeader();
                int type = reader.ReadInt32();
                long correlation = reader.ReadInt64();
                offset += 4 + length;
                if (type != (int)MessageType.Result) continue;
                if (reader.ReadUInt16() != 0) connection.AddNotOk();
                results++;
                Volatile.Write(ref connection.Answered, results);
                if (histogram is not null && ticksPerOrder > 0 && correlation >= warmup)
                {
                    long due = start + (long)(correlation * ticksPerOrder);
                    histogram.RecordValue(Math.Max(1, Clock.Nanos(now - due)));
                }
            }
        }
    }
}
