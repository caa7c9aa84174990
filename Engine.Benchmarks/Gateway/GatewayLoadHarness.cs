using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using HdrHistogram;
using MessagePack;
using TokenMatch.Commands;
using TokenMatch.Gateway;
using TokenMatch.Gateway.Security;
using TokenMatch.Pipeline;
using TokenMatch.Protocol;

namespace TokenMatch.Benchmarks.Gateway;

/// <summary>
/// Open-loop load over loopback TCP: <c>--connections</c> trader sessions send limit orders on a fixed
/// schedule (<c>--rate</c> orders/s in total, for <c>--seconds</c> after <c>--warmup</c>), half buying and
/// half selling at one price so they trade; each connection sends whatever is due in one write. Only
/// orders whose result frame came back count. Latency is from when an order was <em>due</em> to when
/// its result was read (no coordinated omission), into an HdrHistogram. The engine has no journal.
/// </summary>
internal static class GatewayLoadHarness
{
    public static int Run(string[] args)
    {
        double rate = Option(args, "--rate", 100_000);
        double seconds = Option(args, "--seconds", 5);
        double warmup = Option(args, "--warmup", 1);
        int connections = (int)Option(args, "--connections", 4);

        using var host = new EngineHost(new EngineHostOptions { CommandRingSize = 1 << 16 });
        host.Start();
        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000, day = 86_400_000_000_000;
        var settings = new List<Command>
        {
            Command.CreateMarket(0, 1, "LOAD", 1, 1_000, 10_000_000, 1_000, 20_000_000, 1, 1_000_000, now - day, now + 30 * day),
            Command.MarketState(0, CommandType.OpenMarket, 1),
        };
        var keys = new string[connections];
        for (int i = 0; i < connections; i++)
        {
            settings.Add(Command.CreateAccount(0, 100 + i, Tier.Trusted));
            // The engine checks the sums of all deposits and grants for overflow: share one quarter of the range.
            settings.Add(Command.Deposit(0, 100 + i, long.MaxValue / 4 / connections));
            settings.Add(Command.Grant(0, 100 + i, 1, Origin.Allocated, long.MaxValue / 4 / connections));
            var (key, issue) = ApiKeys.Create(100 + i, Role.Trader);
            settings.Add(issue);
            keys[i] = key;
        }
        host.ApplySettingsAsync(settings).GetAwaiter().GetResult();
        var server = new GatewayServer(host, new GatewayOptions { MaxInFlight = 1 << 22, OutboundLimit = 1L << 31, ConnectionBurst = 1e9, ConnectionRate = 1e9, AccountRate = 1e9, AccountBurst = 1e9 });
        server.Start();

        double perConnection = rate / connections;
        long total = (long)(perConnection * (warmup + seconds));
        long warmupCount = (long)(perConnection * warmup);
        long start = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 5;
        double ticksPerOrder = Stopwatch.Frequency / perConnection;
        var histogram = new LongConcurrentHistogram(1, 60_000_000_000, 3);
        long answered = 0, measuredAnswered = 0, rejected = 0;
        var threads = new List<Thread>();
        for (int c = 0; c < connections; c++)
        {
            int index = c;
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            socket.Connect(server.Endpoint);
            var stream = new NetworkStream(socket, ownsSocket: true);
            Handshake(stream, keys[index]);
            Side side = index % 2 == 0 ? Side.Buy : Side.Sell;
            threads.Add(new Thread(() =>
            {
                try { Send(stream, 100 + index, side, start, ticksPerOrder, total); }
                catch (IOException e) { Console.Error.WriteLine($"connection {index}: send failed: {e.Message}"); }
            }) { IsBackground = true });
            threads.Add(new Thread(() =>
            {
                try { Receive(stream, total, start, ticksPerOrder, warmupCount, histogram, ref answered, ref measuredAnswered, ref rejected); }
                catch (IOException e) { Console.Error.WriteLine($"connection {index}: receive failed: {e.Message}"); }
            }) { IsBackground = true });
        }
        foreach (Thread t in threads) t.Start();
        foreach (Thread t in threads) t.Join(TimeSpan.FromSeconds(warmup + seconds + 60));
        double elapsed = (double)(Stopwatch.GetTimestamp() - start) / Stopwatch.Frequency;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"offered {rate:N0} orders/s over {connections} connections for {seconds}s (+{warmup}s warm-up); answered {Interlocked.Read(ref answered):N0} of {total * connections:N0} ({Interlocked.Read(ref answered) / elapsed:N0}/s), {Interlocked.Read(ref rejected):N0} not ok"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"send-due→result µs: p50 {Micros(histogram, 50)}  p99 {Micros(histogram, 99)}  p99.9 {Micros(histogram, 99.9)}  max {histogram.GetMaxValue() / 1000.0:N1}  (n={histogram.TotalCount:N0})"));
        server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return 0;
    }

    private static void Handshake(NetworkStream stream, string key)
    {
        var b = new FrameBuilder();
        var w = b.Begin(MessageType.Hello, 1, 2); w.Write(FrameDescriptor.Version); w.Write("load");
        stream.Write(b.End(ref w));
        w = b.Begin(MessageType.Login, 2, 2); w.Write(key); w.Write(false);
        stream.Write(b.End(ref w));
        Span<byte> prefix = stackalloc byte[4];
        for (int i = 0; i < 2; i++)
        {
            stream.ReadExactly(prefix);
            var body = new byte[BinaryPrimitives.ReadUInt32LittleEndian(prefix)];
            stream.ReadExactly(body);
            if (body[1] == (byte)MessageType.Error) throw new InvalidOperationException("login failed");
        }
    }

    private static void Send(NetworkStream stream, int account, Side side, long start, double ticksPerOrder, long total)
    {
        var builder = new FrameBuilder();
        var buffer = new ArrayBufferWriter<byte>(1 << 20);
        long sent = 0;
        while (sent < total)
        {
            long due = (long)((Stopwatch.GetTimestamp() - start) / ticksPerOrder) + 1;
            if (due <= sent) { Thread.Yield(); continue; }
            long upTo = Math.Min(Math.Min(due, total), sent + 4096);
            buffer.ResetWrittenCount();
            for (; sent < upTo; sent++)
            {
                var w = builder.Begin(MessageType.Command, sent, 13);
                w.Write((byte)CommandType.Place); w.Write(account); w.Write(1); w.Write((byte)side); w.Write((byte)OrderType.Limit);
                w.Write((byte)TimeInForce.Ioc); w.Write((byte)0); w.Write((byte)0); w.Write((byte)0); w.Write(0L); w.Write(0L);
                w.Write(5_000_000L); w.Write(1L);
                builder.End(ref w, buffer);
            }
            stream.Write(buffer.WrittenSpan);
        }
    }

    private static void Receive(NetworkStream stream, long total, long start, double ticksPerOrder, long warmupCount,
        LongConcurrentHistogram histogram, ref long answered, ref long measured, ref long rejected)
    {
        var pipe = new byte[1 << 20];
        int filled = 0, offset = 0;
        long results = 0;
        while (results < total)
        {
            if (offset > 0 && filled - offset < 1 << 16) { Buffer.BlockCopy(pipe, offset, pipe, 0, filled - offset); filled -= offset; offset = 0; }
            int n = stream.Read(pipe, filled, pipe.Length - filled);
            if (n == 0) return;
            filled += n;
            long now = Stopwatch.GetTimestamp();
            while (filled - offset >= 4)
            {
                int length = (int)BinaryPrimitives.ReadUInt32LittleEndian(pipe.AsSpan(offset));
                if (filled - offset < 4 + length) break;
                var reader = new MessagePackReader(new ReadOnlyMemory<byte>(pipe, offset + 4, length));
                reader.ReadArrayHeader();
                int type = reader.ReadInt32();
                long corr = reader.ReadInt64();
                offset += 4 + length;
                if (type != (int)MessageType.Result) continue;
                if (reader.ReadUInt16() != 0) Interlocked.Increment(ref rejected);
                results++;
                Interlocked.Increment(ref answered);
                if (corr >= warmupCount)
                {
                    long due = start + (long)(corr * ticksPerOrder);
                    histogram.RecordValue(Math.Max(1, (now - due) * 1_000_000_000 / Stopwatch.Frequency));
                    Interlocked.Increment(ref measured);
                }
            }
        }
    }

    private static string Micros(HistogramBase h, double percentile) =>
        (h.GetValueAtPercentile(percentile) / 1000.0).ToString("N1", CultureInfo.InvariantCulture);

    private static double Option(string[] args, string name, double fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? double.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
