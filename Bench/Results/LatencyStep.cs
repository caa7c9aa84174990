using HdrHistogram;

namespace TokenMatch.Bench.Results;

/// <summary>One offered rate of an open-loop run: what was offered, achieved and the latency percentiles in ns (from each command's scheduled send time).</summary>
public sealed class LatencyStep
{
    /// <summary>Commands per second offered (the schedule).</summary>
    public double OfferedRate { get; set; }
    /// <summary>Commands per second answered over the step.</summary>
    public double AchievedRate { get; set; }
    /// <summary>Commands recorded (warm-up excluded).</summary>
    public long Count { get; set; }
    /// <summary>Median, ns.</summary>
    public long P50 { get; set; }
    /// <summary>90th percentile, ns.</summary>
    public long P90 { get; set; }
    /// <summary>99th percentile, ns.</summary>
    public long P99 { get; set; }
    /// <summary>99.9th percentile, ns.</summary>
    public long P999 { get; set; }
    /// <summary>99.99th percentile, ns.</summary>
    public long P9999 { get; set; }
    /// <summary>Largest, ns.</summary>
    public long Max { get; set; }
    /// <summary>Commands answered with a result other than Ok.</summary>
    public long NotOk { get; set; }

    /// <summary>The percentiles with their labels, in order (for tables and plots).</summary>
    public IReadOnlyList<(string Label, double Percentile, long Nanoseconds)> Percentiles() =>
    [
        ("p50", 50, P50), ("p90", 90, P90), ("p99", 99, P99), ("p99.9", 99.9, P999), ("p99.99", 99.99, P9999), ("max", 100, Max),
    ];

    /// <summary>Fills a step from a histogram of ns.</summary>
    public static LatencyStep From(HistogramBase h, double offered, double achieved, long notOk) => new()
    {
        OfferedRate = offered, AchievedRate = achieved, Count = h.TotalCount, NotOk = notOk,
        P50 = h.GetValueAtPercentile(50), P90 = h.GetValueAtPercentile(90), P99 = h.GetValueAtPercentile(99),
        P999 = h.GetValueAtPercentile(99.9), P9999 = h.GetValueAtPercentile(99.99), Max = h.GetMaxValue(),
    };
}
