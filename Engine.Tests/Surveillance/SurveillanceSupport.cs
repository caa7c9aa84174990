using TokenMatch.Commands;
using TokenMatch.Pipeline;
using TokenMatch.Surveillance.Detectors;
using TokenMatch.Surveillance.Model;

namespace TokenMatch.Tests.Surveillance;

/// <summary>A clock the test sets before each submit, so that live commands carry the population's timestamps.</summary>
public sealed class ScriptClock : IEngineClock
{
    private long _now;

    /// <summary>The time the next claim is stamped with.</summary>
    public long Now { get => Volatile.Read(ref _now); set => Volatile.Write(ref _now, value); }

    /// <inheritdoc/>
    public long UtcNowNanoseconds() => Now;
}

/// <summary>A journal that keeps a copy of every command's input fields (read after the host stopped).</summary>
public sealed class RecordingJournal : IJournalConsumer
{
    /// <summary>Every command, in sequence order.</summary>
    public List<Command> Commands { get; } = new();

    /// <inheritdoc/>
    public void OnCommands(ReadOnlySpan<Command> commands, bool endOfBatch)
    {
        foreach (Command c in commands)
        {
            Command copy = c;
            copy.Result = ResultCode.Ok;
            copy.EventCount = 0;
            Commands.Add(copy);
        }
    }
}

/// <summary>A detector that throws on its n-th record.</summary>
public sealed class ThrowingDetector(long throwAt) : IDetector
{
    private long _seen;

    /// <inheritdoc/>
    public string Name => "throwing";

    /// <inheritdoc/>
    public void Observe(in CommandRecord record, SurveillanceState state, AlertSink alerts)
    {
        if (++_seen == throwAt) throw new InvalidOperationException("planted detector failure");
    }

    /// <inheritdoc/>
    public void Complete(SurveillanceState state, AlertSink alerts) { }
}

/// <summary>A detector that takes <paramref name="delay"/> per record (to fill the live queue).</summary>
public sealed class SlowDetector(TimeSpan delay) : IDetector
{
    /// <inheritdoc/>
    public string Name => "slow";

    /// <inheritdoc/>
    public void Observe(in CommandRecord record, SurveillanceState state, AlertSink alerts) => Thread.Sleep(delay);

    /// <inheritdoc/>
    public void Complete(SurveillanceState state, AlertSink alerts) { }
}
