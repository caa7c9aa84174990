using System.Diagnostics;
using HdrHistogram;
using TokenMatch.Commands;
using TokenMatch.Pipeline;

namespace TokenMatch.Bench.Targets;

/// <summary>
/// The callback of every command the pipeline targets post: counts answers and results other than
/// Ok and, when armed for latency, records into a histogram the ns from the command's scheduled
/// send time (<see cref="Due"/>, indexed from <see cref="Arm"/>'s first sequence) to its answer.
/// Called on the host's release thread; armed by the sender only while nothing is in flight (the
/// ring's publication orders the writes before the answers that read them).
/// </summary>
internal sealed class ResultRecorder : ICommandCallback
{
    private long _answered;
    private long _notOk;
    private long _first;
    private long _recordFrom;
    private long _count;
    private LongHistogram? _histogram;

    /// <summary>Scheduled send times (Stopwatch ticks) of the armed stretch, by index from its first sequence.</summary>
    public long[] Due { get; private set; } = [];

    /// <summary>Answers so far.</summary>
    public long Answered => Volatile.Read(ref _answered);

    /// <summary>Answers other than Ok so far.</summary>
    public long NotOk => Volatile.Read(ref _notOk);

    /// <summary>Records the next <paramref name="count"/> answers from sequence <paramref name="first"/> into <paramref name="histogram"/>, skipping indexes below <paramref name="recordFrom"/>.</summary>
    public void Arm(long first, long count, long recordFrom, LongHistogram histogram)
    {
        if (Due.Length < count) Due = new long[count];
        _first = first;
        _count = count;
        _recordFrom = recordFrom;
        _histogram = histogram;
    }

    /// <summary>Stops recording latency (throughput runs).</summary>
    public void Disarm() => _histogram = null;

    /// <inheritdoc/>
    public void OnResult(in Command command)
    {
        if (command.Result != ResultCode.Ok) _notOk++;
        if (_histogram is not null)
        {
            long index = command.Sequence - _first;
            if (index >= _recordFrom && index < _count)
                _histogram.RecordValue(Math.Max(0, Clock.Nanos(Stopwatch.GetTimestamp() - Due[index])));
        }
        Volatile.Write(ref _answered, _answered + 1);
    }

    /// <summary>Waits until <paramref name="answered"/> answers have come back; throws when the host faulted.</summary>
    public void WaitFor(long answered, EngineHost host)
    {
        SpinWait spin = default;
        while (Answered < answered)
        {
            if (host.Fault is Exception fault) throw new InvalidOperationException($"the pipeline faulted: {fault.Message}", fault);
            spin.SpinOnce();
        }
    }
}
