using ScottPlot;

namespace TokenMatch.Cli.Simulation;

/// <summary>
/// The PNG chart of a simulation (ScottPlot): per market, the fair-value curve face × D(t) as a line,
/// executed prices as dots, buyback fills as larger marks; x is the elapsed share of the cycle in
/// percent, y credits per lot. Drawn from the same points as <see cref="ChartData"/> (the text is
/// what is compared between runs; PNG bytes are not).
/// </summary>
public static class SimulationChart
{
    /// <summary>Writes the chart to <paramref name="path"/>.</summary>
    public static void Write(string path, SimulationReport report, IReadOnlyList<ChartData.Point> points)
    {
        var plot = new Plot();
        Color[] colors = [Colors.SteelBlue, Colors.DarkOrange, Colors.SeaGreen, Colors.Purple];
        int i = 0;
        foreach (SimMarket m in report.Markets)
        {
            Color color = colors[i++ % colors.Length];
            double X(long t) => (t - m.Start) * 100.0 / Math.Max(1, m.End - m.Start);
            double Y(long price) => price / 1_000_000.0;
            ChartData.Point[] fair = points.Where(p => p.Market == m.Id && p.Series == "fair").ToArray();
            var line = plot.Add.ScatterLine(fair.Select(p => X(p.Time)).ToArray(), fair.Select(p => Y(p.Price)).ToArray(), color);
            line.LegendText = $"{m.Symbol} fair value";
            line.LineWidth = 2;
            ChartData.Point[] trades = points.Where(p => p.Market == m.Id && p.Series == "trade").ToArray();
            if (trades.Length > 0)
            {
                var dots = plot.Add.ScatterPoints(trades.Select(p => X(p.Time)).ToArray(), trades.Select(p => Y(p.Price)).ToArray(), color.WithAlpha(0.5));
                dots.LegendText = $"{m.Symbol} trades";
                dots.MarkerSize = 4;
            }
            ChartData.Point[] buyback = points.Where(p => p.Market == m.Id && p.Series == "buyback").ToArray();
            if (buyback.Length > 0)
            {
                var marks = plot.Add.ScatterPoints(buyback.Select(p => X(p.Time)).ToArray(), buyback.Select(p => Y(p.Price)).ToArray(), Colors.Red);
                marks.LegendText = $"{m.Symbol} buyback fills";
                marks.MarkerShape = MarkerShape.FilledTriangleDown;
                marks.MarkerSize = 8;
            }
        }
        plot.Title($"tokenmatch simulate, seed {report.Seed} ({report.Mode})");
        plot.XLabel("cycle elapsed (%)");
        plot.YLabel("credits per lot");
        plot.ShowLegend(Alignment.LowerLeft);
        plot.SavePng(path, 1200, 700);
    }
}
