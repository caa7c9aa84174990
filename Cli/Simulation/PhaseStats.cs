namespace TokenMatch.Cli.Simulation;

/// <summary>
/// One phase (an equal slice of the cycle) of one market: trades, lots, the volume-weighted average
/// executed price, the volume-weighted fair value (face × D at each trade's time) and the fair value at
/// the phase's middle. Integers, truncating; averages are 0 when nothing traded.
/// </summary>
public sealed record PhaseStats(int Phase, long From, long To, long Trades, long Lots, long AverageExec, long AverageFair, long FairAtMiddle)
{
    /// <summary>Average executed price over average fair value, ppm (0 when nothing traded).</summary>
    public long ExecToFairPpm => AverageFair == 0 ? 0 : (long)((Int128)AverageExec * 1_000_000 / AverageFair);

    /// <summary>The phases of <paramref name="market"/> from its trades (buyback fills included: they are trades at the market's price).</summary>
    public static List<PhaseStats> Of(SimMarket market, IEnumerable<SimTrade> trades, int phases)
    {
        var list = new List<PhaseStats>();
        SimTrade[] mine = trades.Where(t => t.Market == market.Id).ToArray();
        long length = market.End - market.Start;
        for (int i = 0; i < phases; i++)
        {
            long from = market.Start + (long)((Int128)length * i / phases);
            long to = market.Start + (long)((Int128)length * (i + 1) / phases);
            Int128 value = 0, fair = 0;
            long lots = 0, count = 0;
            foreach (SimTrade t in mine)
            {
                if (t.Time < from || t.Time >= to) continue;
                count++;
                lots += t.Quantity;
                value += (Int128)t.Quantity * t.ExecPrice;
                fair += (Int128)t.Quantity * market.FairAt(t.Time);
            }
            list.Add(new PhaseStats(i + 1, from, to, count, lots, lots == 0 ? 0 : (long)(value / lots), lots == 0 ? 0 : (long)(fair / lots),
                market.FairAt(from + (to - from) / 2)));
        }
        return list;
    }
}
