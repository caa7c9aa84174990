using System.Globalization;

namespace TokenMatch.Cli.Simulation;

/// <summary>
/// The points of the simulation chart, as text (<c>--chart-data FILE.csv</c>) and for the PNG
/// (<see cref="SimulationChart"/>): per market the fair-value curve face × D(t) sampled at
/// <see cref="CurveSamples"/> + 1 evenly spaced times, every trade's executed price and every buyback fill.
/// Columns: <c>series,market,time_ns,price,quantity</c> (series <c>fair</c>, <c>trade</c> or <c>buyback</c>;
/// price in micro-credits per lot; quantity 0 for the curve). Integers only: the same seed gives the same file.
/// </summary>
public static class ChartData
{
    /// <summary>Curve samples per market.</summary>
    public const int CurveSamples = 200;

    /// <summary>One point.</summary>
    public readonly record struct Point(string Series, int Market, long Time, long Price, long Quantity);

    /// <summary>Every point of the report, market by market: the curve, then the trades in execution order.</summary>
    public static List<Point> Points(SimulationReport report)
    {
        var points = new List<Point>();
        foreach (SimMarket m in report.Markets)
        {
            for (int i = 0; i <= CurveSamples; i++)
            {
                long t = m.Start + (long)((Int128)(m.End - m.Start) * i / CurveSamples);
                points.Add(new Point("fair", m.Id, t, m.FairAt(t), 0));
            }
            foreach (SimTrade t in report.Record.Trades)
                if (t.Market == m.Id) points.Add(new Point(t.Buyback ? "buyback" : "trade", m.Id, t.Time, t.ExecPrice, t.Quantity));
        }
        return points;
    }

    /// <summary>Writes the points as CSV.</summary>
    public static void WriteCsv(TextWriter w, IEnumerable<Point> points)
    {
        w.Write("series,market,time_ns,price,quantity\n");
        foreach (Point p in points)
            w.Write(string.Create(CultureInfo.InvariantCulture, $"{p.Series},{p.Market},{p.Time},{p.Price},{p.Quantity}\n"));
    }
}
