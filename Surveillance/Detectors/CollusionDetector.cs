using TokenMatch.Commands;
using TokenMatch.Events;
using TokenMatch.Surveillance.Alerts;
using TokenMatch.Surveillance.Config;
using TokenMatch.Surveillance.Model;

namespace TokenMatch.Surveillance.Detectors;

/// <summary>
/// Collusion and credit moving: trades between the same unlinked pair of accounts far above or
/// below fair value (face × D(t), with the engine's decay curve). With no cash-out, paying too
/// much (or selling too cheap) is the only way to move credits from one account to another.
/// Per pair it sums the credits moved, Σ (exec − fair) × lots signed from the lower account id to
/// the higher; the house's trades (buyback) are ignored. One alert per pair, when both the count
/// of off-market trades and |credits moved| reach their thresholds. Owned by the detector thread.
/// </summary>
public sealed class CollusionDetector(CollusionConfig config) : IDetector
{
    private readonly Dictionary<(int Low, int High), PairStats> _pairs = new();

    /// <inheritdoc/>
    public string Name => "collusion";

    /// <inheritdoc/>
    public void Observe(in CommandRecord record, SurveillanceState state, AlertSink alerts)
    {
        foreach (ref readonly Event e in record.Events)
        {
            if (e.Type != EventType.Trade) continue;
            int buyer = e.Side == Side.Buy ? e.OtherAccount : e.Account;
            int seller = e.Side == Side.Buy ? e.Account : e.OtherAccount;
            if (buyer == seller || state.IsHouse(buyer) || state.IsHouse(seller) || state.Linked(buyer, seller)) continue;
            if (state.Market(e.Market) is not { } market) continue;
            long fair = market.FairValue(record.Time);
            if (fair <= 0) continue;
            long gap = e.ExecPrice - fair;
            // |gap| / fair ≥ deviation ppm, in integers: |gap| × 1,000,000 ≥ ppm × fair.
            if ((Int128)Math.Abs(gap) * 1_000_000 < (Int128)config.DeviationPpm * fair) continue;

            (int low, int high) = buyer < seller ? (buyer, seller) : (seller, buyer);
            if (!_pairs.TryGetValue((low, high), out PairStats? pair))
                _pairs[(low, high)] = pair = new PairStats(e.Market, record.Sequence);
            // Overpaying moves credits from the buyer to the seller; underpricing from the seller to the buyer.
            long moved = gap * e.Quantity;
            pair.MovedLowToHigh += buyer == low ? moved : -moved;
            pair.Trades++;
            pair.Lots += e.Quantity;
            pair.DeviationPpmSum += (long)((Int128)Math.Abs(gap) * 1_000_000 / fair);
            pair.LastSequence = record.Sequence;
            if (pair.Evidence.Count < config.EvidenceLimit)
                pair.Evidence.Add(new TradeEvidence(record.Sequence, e.OrderId, e.OtherOrderId, buyer, seller, e.Quantity, e.ExecPrice, fair));

            long absMoved = Math.Abs(pair.MovedLowToHigh);
            if (pair.Alerted || pair.Trades < config.MinTrades || absMoved < config.MinCreditsMoved) continue;
            pair.Alerted = true;
            int from = pair.MovedLowToHigh >= 0 ? low : high, to = from == low ? high : low;
            AlertSeverity severity = absMoved >= config.MinCreditsMoved * config.HighMultiple ? AlertSeverity.High : AlertSeverity.Medium;
            alerts.Raise(severity, pair.Market, [low, high], pair.FirstSequence, pair.LastSequence,
                $"{pair.Trades} off-market trades moved {absMoved} micro-credits from account {from} to account {to}",
                [
                    new("offMarketTrades", pair.Trades), new("lots", pair.Lots), new("creditsMoved", absMoved),
                    new("from", from), new("to", to), new("meanDeviationPpm", pair.DeviationPpmSum / pair.Trades),
                    new("deviationThresholdPpm", config.DeviationPpm),
                ],
                trades: pair.Evidence);
        }
    }

    /// <inheritdoc/>
    public void Complete(SurveillanceState state, AlertSink alerts) { }

    private sealed class PairStats(int market, long firstSequence)
    {
        public readonly int Market = market;
        public readonly long FirstSequence = firstSequence;
        public readonly List<TradeEvidence> Evidence = new();
        public long LastSequence = firstSequence;
        public long MovedLowToHigh, Trades, Lots, DeviationPpmSum;
        public bool Alerted;
    }
}
