using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using TokenMatch.Bench.Workloads;
using TokenMatch.Commands;
using TokenMatch.Core;

namespace TokenMatch.Benchmarks.Pipeline;

/// <summary>
/// <c>snapshot [--orders N] [--accounts N] [--claims N] [--runs N]</c>: how long the core pauses
/// to write a snapshot (<see cref="ExchangeCore.WriteSnapshot"/>) and to compute a checkpoint
/// (<see cref="ExchangeCore.StateHash"/>) at a large state, and how long a restore
/// (<see cref="ExchangeCore.ReadSnapshot"/>) takes. The state is the realistic workload's book held
/// at <c>--orders</c> resting orders over <c>--accounts</c> accounts, plus <c>--claims</c> claimed
/// client ids (orders placed with a client id and cancelled, so the claims stay and the book does
/// not grow). Prints the best and the median of <c>--runs</c> runs of each.
/// </summary>
internal static class SnapshotHarness
{
    /// <summary>Runs the mode; returns the process exit code.</summary>
    public static int Run(string[] args)
    {
        int orders = (int)Option(args, "--orders", 1_000_000);
        int accounts = (int)Option(args, "--accounts", 1_000_000);
        int claims = (int)Option(args, "--claims", 1_000_000);
        int runs = (int)Option(args, "--runs", 5);
        Console.WriteLine($"snapshot: {orders:N0} resting orders, {accounts:N0} accounts, {claims:N0} claimed client ids, {runs} runs");

        var setup = Stopwatch.StartNew();
        var flow = new OrderFlow(new WorkloadOptions { Depth = orders, Accounts = accounts, WithTwin = false });
        ExchangeCore core = flow.Shadow;
        AddClaims(core, accounts, claims);
        Console.WriteLine($"set-up: {setup.Elapsed.TotalSeconds:F1} s");

        var buffer = new ArrayBufferWriter<byte>();
        var write = new List<double>();
        var hash = new List<double>();
        var read = new List<double>();
        var readUnchecked = new List<double>();
        ulong expected = 0;
        ExchangeCore? restored = null;
        for (int run = 0; run < runs; run++)
        {
            buffer.ResetWrittenCount();
            long t0 = Stopwatch.GetTimestamp();
            core.WriteSnapshot(buffer);
            write.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);

            t0 = Stopwatch.GetTimestamp();
            expected = core.StateHash();
            hash.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);

            restored = null;
            GC.Collect();
            t0 = Stopwatch.GetTimestamp();
            restored = ExchangeCore.ReadSnapshot(buffer.WrittenSpan);
            read.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);

            restored = null;
            GC.Collect();
            t0 = Stopwatch.GetTimestamp();
            restored = ExchangeCore.ReadSnapshot(buffer.WrittenSpan, checkInvariants: false);
            readUnchecked.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
        }
        Console.WriteLine($"payload: {buffer.WrittenCount:N0} bytes ({(double)buffer.WrittenCount / Math.Max(1, orders):F0} per resting order)");
        Console.WriteLine($"restored hash equals the original: {(restored!.StateHash() == expected ? "yes" : "NO")}");
        Report("WriteSnapshot (core pause)", write);
        Report("StateHash (checkpoint pause)", hash);
        Report("ReadSnapshot (restore, checks included)", read);
        Report("ReadSnapshot (no invariant check)", readUnchecked);
        return 0;
    }

    /// <summary>Claims <paramref name="claims"/> client ids: each a far-off buy placed with a new client id and cancelled at once.</summary>
    private static void AddClaims(ExchangeCore core, int accounts, int claims)
    {
        var sink = new CountingSink();
        long price = WorkloadMarket.PriceAway(Side.Buy, 50_000);
        for (int i = 0; i < claims; i++)
        {
            int account = WorkloadMarket.Trader(i % accounts);
            long clientId = 1_000_000_000L + i;
            Command place = Command.Place(0, account, WorkloadMarket.Id, Side.Buy, price, 1, clientId: clientId);
            core.Execute(ref place, sink);
            Command cancel = Command.CancelByClientId(0, account, WorkloadMarket.Id, clientId);
            core.Execute(ref cancel, sink);
            if (place.Result != ResultCode.Ok || cancel.Result != ResultCode.Ok)
                throw new InvalidOperationException($"claim {i}: place {place.Result}, cancel {cancel.Result}");
        }
    }

    private static void Report(string what, List<double> ms)
    {
        ms.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what,-42} best {ms[0],9:N1} ms   median {ms[ms.Count / 2],9:N1} ms"));
    }

    private static long Option(string[] args, string name, long fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? long.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
