using System.Diagnostics;

namespace TokenMatch.Bench.Targets;

/// <summary>Stopwatch arithmetic and the open-loop wait shared by the targets.</summary>
internal static class Clock
{
    /// <summary>Nanoseconds per Stopwatch tick.</summary>
    public static readonly double NanosPerTick = 1e9 / Stopwatch.Frequency;

    /// <summary>Stopwatch ticks to ns.</summary>
    public static long Nanos(long ticks) => (long)(ticks * NanosPerTick);

    /// <summary>
    /// Waits until <paramref name="due"/> (Stopwatch ticks): yields while it is far off (on 2 cores a
    /// spinning sender starves the threads it measures), spins close to it. Returns at once when late:
    /// a late sender never waits, so a stall shows in the latency of every command it delays.
    /// </summary>
    public static void WaitUntil(long due)
    {
        long yieldThreshold = Stopwatch.Frequency / 50_000;
        long now;
        while ((now = Stopwatch.GetTimestamp()) < due)
        {
            if (due - now > yieldThreshold) Thread.Yield();
            else Thread.SpinWait(1);
        }
    }

    /// <summary>Process CPU time so far.</summary>
    public static TimeSpan ProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
