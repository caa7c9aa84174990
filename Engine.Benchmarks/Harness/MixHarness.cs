using System.Diagnostics;
using TokenMatch.Bench.Workloads;
using TokenMatch.Commands;
using TokenMatch.Core;

namespace TokenMatch.Benchmarks.Harness;

/// <summary>
/// <c>mix</c>: the realistic mix through the matching core alone, measured with a stopwatch and the GC's
/// per-thread allocation counter. Batches are generated on the shadow core (not timed), then replayed
/// into the twin core (timed). Prints commands/s, ns/command and allocated bytes/command, and the
/// process CPU time per command beside the wall-clock figure: on a shared machine the core thread is
/// descheduled part of the time, which the wall clock counts and the CPU time does not.
/// </summary>
public static class MixHarness
{
    /// <summary>Runs the mode; returns the process exit code.</summary>
    public static int Run(string[] args)
    {
        HarnessArgs? options = HarnessArgs.Parse(args);
        if (options is null) return 2;
        Console.WriteLine($"mix: {options.Orders:N0} resting orders, {options.Accounts:N0} accounts, {options.Commands:N0} commands, seed {options.Seed}");
        var setup = Stopwatch.StartNew();
        var flow = new OrderFlow(options.ToWorkload());
        Console.WriteLine($"set-up: {setup.Elapsed.TotalSeconds:F1} s ({flow.Issued:N0} commands on each of two cores)");

        var batch = new Command[(int)Math.Min(options.Batch, options.Commands)];
        var sink = new CountingSink();
        ExchangeCore core = flow.Twin;
        // Warm-up: one batch unmeasured, so the hot path runs tier-1 code.
        flow.Prepare(BatchKind.Mix, batch);
        Replay(core, batch, sink);
        flow.Restore(BatchKind.Mix, batch.Length);
        MixCounts before = flow.Counts;
        sink.Reset();

        long measured = 0, ticks = 0, bytes = 0;
        TimeSpan cpu = TimeSpan.Zero;
        while (measured < options.Commands)
        {
            Span<Command> part = batch.AsSpan(0, (int)Math.Min(batch.Length, options.Commands - measured));
            flow.Prepare(BatchKind.Mix, part);
            TimeSpan cpuBefore = ProcessCpu();
            long allocated = GC.GetAllocatedBytesForCurrentThread();
            long start = Stopwatch.GetTimestamp();
            Replay(core, part, sink);
            ticks += Stopwatch.GetTimestamp() - start;
            bytes += GC.GetAllocatedBytesForCurrentThread() - allocated;
            cpu += ProcessCpu() - cpuBefore;
            measured += part.Length;
        }
        double seconds = (double)ticks / Stopwatch.Frequency;
        MixCounts counts = Difference(flow.Counts, before);
        Console.WriteLine($"mix:      {counts}");
        Console.WriteLine($"events:   {sink.Events / (double)measured:F2} per command, {sink.Trades:N0} trades");
        Console.WriteLine($"depth:    {flow.LiveCount:N0} resting orders at the end");
        Console.WriteLine($"replay:   identical to the generator's run: {(flow.TwinMatchesShadow() ? "yes" : "NO")}");
        Console.WriteLine($"commands/s:           {measured / seconds:N0}");
        Console.WriteLine($"ns/command:           {seconds * 1e9 / measured:F1}");
        Console.WriteLine($"allocated B/command:  {(double)bytes / measured:F3} ({bytes:N0} bytes in all)");
        Console.WriteLine($"CPU ns/command:       {cpu.TotalNanoseconds / measured:F1} (process CPU time; {100 * cpu.TotalSeconds / seconds:F0}% of the wall-clock time)");
        return 0;
    }

    /// <summary>The measured loop: every command of the batch through the core, nothing else.</summary>
    private static void Replay(ExchangeCore core, Span<Command> batch, CountingSink sink)
    {
        for (int i = 0; i < batch.Length; i++) core.Execute(ref batch[i], sink);
    }

    private static TimeSpan ProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static MixCounts Difference(MixCounts after, MixCounts before) => new()
    {
        Places = after.Places - before.Places,
        Cancels = after.Cancels - before.Cancels,
        AmendReduces = after.AmendReduces - before.AmendReduces,
        AmendReprices = after.AmendReprices - before.AmendReprices,
        Iocs = after.Iocs - before.Iocs,
        Markets = after.Markets - before.Markets,
        Expired = after.Expired - before.Expired,
    };
}
