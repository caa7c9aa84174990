using System.Diagnostics;
using HdrHistogram;
using TokenMatch.Commands;
using TokenMatch.Pipeline;

namespace TokenMatch.Bench.Pipeline;

/// <summary>
/// Records, for each answered command, nanoseconds from when it was due to be sent (derived from
/// its sequence: the producer sends on a fixed schedule) to now. Called on the release thread
/// only, which owns the histogram until the harness reads it after the last answer.
/// </summary>
public sealed class LatencyRecorder(long start, long interval, long firstSequence, long warmupCount) : ICommandCallback
{
    private readonly double _nanosPerTick = 1_000_000_000.0 / Stopwatch.Frequency;
    private long _answered;

    /// <summary>Latencies in ns, up to an hour, 3 significant digits.</summary>
    public LongHistogram Histogram { get; } = new(3_600_000_000_000L, 3);

    /// <summary>Answers so far.</summary>
    public long Answered => Volatile.Read(ref _answered);

    /// <inheritdoc/>
    public void OnResult(in Command command)
    {
        long index = command.Sequence - firstSequence;
        if (index >= warmupCount)
        {
            long due = start + index * interval;
            long latency = (long)((Stopwatch.GetTimestamp() - due) * _nanosPerTick);
            Histogram.RecordValue(Math.Max(0, latency));
        }
        Volatile.Write(ref _answered, _answered + 1);
    }
}
