namespace TokenMatch.Bench.Results;

/// <summary>
/// One run of <c>tokenmatch bench</c>, as written by <c>--json</c> and read by <c>bench report</c>:
/// the exact command, its settings, the machine, and every figure (throughput, or a latency step per offered rate).
/// </summary>
public sealed class BenchResult
{
    /// <summary>Format version of this file; bump when a field changes meaning.</summary>
    public int Version { get; set; } = 1;
    /// <summary>core, pipeline, journal, gateway or replay.</summary>
    public string Target { get; set; } = "";
    /// <summary>throughput or latency.</summary>
    public string Mode { get; set; } = "";
    /// <summary>The exact command line that produced this file.</summary>
    public string Command { get; set; } = "";
    /// <summary>The workload and sizes.</summary>
    public BenchSettings Settings { get; set; } = new();
    /// <summary>Where and when.</summary>
    public MachineInfo Machine { get; set; } = new();
    /// <summary>Throughput mode's figure.</summary>
    public ThroughputFigure? Throughput { get; set; }
    /// <summary>Latency mode's steps, in the order run.</summary>
    public List<LatencyStep> Latency { get; set; } = [];
    /// <summary>Latency mode: why the steps stopped.</summary>
    public string? StoppedBecause { get; set; }
    /// <summary>Seconds the whole run took (set-up included).</summary>
    public double TotalSeconds { get; set; }
}

/// <summary>The settings of a run, as plain values.</summary>
public sealed class BenchSettings
{
    /// <summary>place,cancel,amend,ioc,market percentages.</summary>
    public string Mix { get; set; } = "";
    /// <summary>Markets.</summary>
    public int Markets { get; set; }
    /// <summary>Trader accounts.</summary>
    public int Accounts { get; set; }
    /// <summary>Resting depth.</summary>
    public int Depth { get; set; }
    /// <summary>Seed.</summary>
    public ulong Seed { get; set; }
    /// <summary>Measured commands asked for (throughput).</summary>
    public long Commands { get; set; }
    /// <summary>Measured seconds asked for, if any.</summary>
    public double? Seconds { get; set; }
    /// <summary>Fsync policy (journal target), else null.</summary>
    public string? Fsync { get; set; }
    /// <summary>Connections (gateway target), else null.</summary>
    public int? Connections { get; set; }
    /// <summary>Seconds per latency step, if latency.</summary>
    public double? StepSeconds { get; set; }
    /// <summary>Median bound of the latency steps, µs, if latency.</summary>
    public double? MedianBoundMicroseconds { get; set; }

    /// <summary>The settings of <paramref name="options"/>.</summary>
    public static BenchSettings Of(BenchOptions options) => new()
    {
        Mix = options.Mix.ToString(), Markets = options.Markets, Accounts = options.Accounts, Depth = options.Depth, Seed = options.Seed,
        Commands = options.Commands, Seconds = options.Seconds,
        Fsync = options.Target == BenchTarget.Journal ? options.Fsync.ToString().ToLowerInvariant() : null,
        Connections = options.Target == BenchTarget.Gateway ? options.Connections : null,
        StepSeconds = options.Latency ? options.StepSeconds : null,
        MedianBoundMicroseconds = options.Latency ? options.MedianBoundMicroseconds : null,
    };
}
