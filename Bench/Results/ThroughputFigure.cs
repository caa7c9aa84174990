namespace TokenMatch.Bench.Results;

/// <summary>Throughput at saturation: commands through the target in the measured time.</summary>
public sealed class ThroughputFigure
{
    /// <summary>Measured commands.</summary>
    public long Commands { get; set; }
    /// <summary>Measured wall-clock seconds (generation excluded).</summary>
    public double Seconds { get; set; }
    /// <summary>Commands (or records, for replay) per second.</summary>
    public double CommandsPerSecond { get; set; }
    /// <summary>Wall-clock ns per command.</summary>
    public double NanosecondsPerCommand { get; set; }
    /// <summary>Process CPU time over wall-clock time while measuring (cores busy).</summary>
    public double CoresBusy { get; set; }
    /// <summary>Bytes the measuring thread allocated per command (core and replay targets), else null.</summary>
    public double? AllocatedBytesPerCommand { get; set; }
    /// <summary>Commands answered with a result other than Ok.</summary>
    public long NotOk { get; set; }
    /// <summary>Events per command (core and replay targets), else null.</summary>
    public double? EventsPerCommand { get; set; }
    /// <summary>Core target: the measured replay reproduced the generator's run exactly (state hashes equal).</summary>
    public bool? ReplayIdentical { get; set; }
    /// <summary>Realised mix, resting depth at the end, fsyncs: what else the target says, in words.</summary>
    public string? Detail { get; set; }
}
