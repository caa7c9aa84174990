using TokenMatch.Bench.Results;

namespace TokenMatch.Cli.Bench;

/// <summary>
/// The PNG plots of <c>bench report</c> (ScottPlot): throughput per target, throughput against resting
/// depth, and latency percentile curves (one line per offered rate). Log scales are drawn as log10 of
/// the value with ticks labelled in the value's own units.
/// </summary>
public static class BenchPlots
{
    private const int Width = 800;
    private const int Height = 450;

    /// <summary>Bars of commands/s (millions), one per labelled result.</summary>
    public static void Throughput(string path, IReadOnlyList<(string Label, double CommandsPerSecond)> bars)
    {
        var plot = new ScottPlot.Plot();
        double[] positions = [.. Enumerable.Range(0, bars.Count).Select(i => (double)i)];
        double[] values = [.. bars.Select(b => b.CommandsPerSecond / 1e6)];
        plot.Add.Bars(positions, values);
        plot.Axes.Bottom.SetTicks(positions, [.. bars.Select(b => b.Label)]);
        plot.Axes.Margins(bottom: 0);
        plot.Title("Throughput per target (tokenmatch bench)");
        plot.YLabel("million commands/s");
        plot.SavePng(path, Width, Height);
    }

    /// <summary>Commands/s (millions) against resting depth on a log axis.</summary>
    public static void Depth(string path, IReadOnlyList<(int Depth, double CommandsPerSecond)> points)
    {
        var plot = new ScottPlot.Plot();
        double[] xs = [.. points.Select(p => Math.Log10(Math.Max(1, p.Depth)))];
        double[] ys = [.. points.Select(p => p.CommandsPerSecond / 1e6)];
        var line = plot.Add.Scatter(xs, ys);
        line.LineWidth = 2;
        line.MarkerSize = 8;
        plot.Axes.Bottom.SetTicks(xs, [.. points.Select(p => DepthLabel(p.Depth))]);
        plot.Axes.SetLimitsY(0, ys.DefaultIfEmpty(1).Max() * 1.15);
        plot.Title("Core throughput against resting depth");
        plot.XLabel("resting orders (as many accounts)");
        plot.YLabel("million commands/s");
        plot.SavePng(path, Width, Height);
    }

    /// <summary>Latency against percentile ("nines" axis: p50, p90, p99, …, max), log µs, one line per offered rate.</summary>
    public static void Latency(string path, string title, IReadOnlyList<LatencyStep> steps)
    {
        var plot = new ScottPlot.Plot();
        double lowest = double.MaxValue, highest = double.MinValue;
        string[] labels = [];
        double[] xs = [];
        foreach (LatencyStep step in steps)
        {
            var percentiles = step.Percentiles();
            xs = [.. percentiles.Select(p => p.Percentile >= 100 ? 5.0 : -Math.Log10(1 - p.Percentile / 100))];
            labels = [.. percentiles.Select(p => p.Label)];
            double[] ys = [.. percentiles.Select(p => Math.Log10(Math.Max(0.01, p.Nanoseconds / 1000.0)))];
            lowest = Math.Min(lowest, ys.Min());
            highest = Math.Max(highest, ys.Max());
            var line = plot.Add.Scatter(xs, ys);
            line.LineWidth = 2;
            line.MarkerSize = 6;
            line.LegendText = $"{step.OfferedRate:N0}/s offered";
        }
        if (xs.Length > 0) plot.Axes.Bottom.SetTicks(xs, labels);
        if (lowest <= highest)
        {
            int from = (int)Math.Floor(lowest), to = (int)Math.Ceiling(highest);
            if (from == to) to++;
            double[] decades = [.. Enumerable.Range(from, to - from + 1).Select(d => (double)d)];
            plot.Axes.Left.SetTicks(decades, [.. decades.Select(d => $"{Math.Pow(10, d):G4} µs")]);
            plot.Axes.SetLimitsY(from, to);
        }
        plot.ShowLegend(ScottPlot.Alignment.UpperLeft);
        plot.Title(title);
        plot.XLabel("percentile");
        plot.YLabel("latency from the scheduled send (log)");
        plot.SavePng(path, Width, Height);
    }

    /// <summary>1,000 → 1k, 1,000,000 → 1M.</summary>
    public static string DepthLabel(int depth) => depth switch
    {
        >= 1_000_000 when depth % 1_000_000 == 0 => $"{depth / 1_000_000}M",
        >= 1_000 when depth % 1_000 == 0 => $"{depth / 1_000}k",
        _ => depth.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
