using TokenMatch.Commands;
using TokenMatch.Events;
using TokenMatch.Surveillance.Alerts;
using TokenMatch.Surveillance.Config;
using TokenMatch.Surveillance.Model;

namespace TokenMatch.Surveillance.Detectors;

/// <summary>
/// Spoofing and layering: large resting orders that their owner cancels unfilled, soon after
/// placing them, having traded on the other side of the same market while they rested (the
/// large order made the book look deeper than it is). An episode is one such cancel; an account
/// with enough episodes whose cancel-to-trade ratio is also far above its market's gets one alert
/// per market. Owned by the detector thread.
/// </summary>
public sealed class SpoofingDetector(SpoofingConfig config) : IDetector
{
    private readonly Dictionary<(int Account, int Market), Trader> _traders = new();

    /// <inheritdoc/>
    public string Name => "spoofing";

    /// <inheritdoc/>
    public void Observe(in CommandRecord record, SurveillanceState state, AlertSink alerts)
    {
        foreach (ref readonly Event e in record.Events)
        {
            if (e.Type == EventType.Trade)
            {
                int buyer = e.Side == Side.Buy ? e.OtherAccount : e.Account;
                int seller = e.Side == Side.Buy ? e.Account : e.OtherAccount;
                if (!state.IsHouse(buyer)) Of(buyer, e.Market).OnTrade(Side.Buy, record.Time, e.Quantity);
                if (!state.IsHouse(seller)) Of(seller, e.Market).OnTrade(Side.Sell, record.Time, e.Quantity);
            }
            else if (e.Type == EventType.Cancelled && e.Reason is CancelReason.User or CancelReason.MassCancel && !state.IsHouse(e.Account))
            {
                Trader t = Of(e.Account, e.Market);
                t.Cancels++;
                t.CancelledLots += e.Quantity;
                if (state.Order(e.OrderId) is not { } order || state.Market(e.Market) is not { } market) continue;
                if (!IsEpisode(order, market, t, record.Time)) continue;
                t.Episodes.Add(order.Id);
                if (t.FirstSequence < 0) t.FirstSequence = order.PlacedSequence;
                t.LastSequence = record.Sequence;
                t.EpisodeLots += order.Quantity;
                if (!t.Alerted && t.Episodes.Count >= config.MinEpisodes && RatioHigh(t, market))
                {
                    t.Alerted = true;
                    Raise(e.Account, market, t, alerts);
                }
            }
        }
    }

    /// <inheritdoc/>
    public void Complete(SurveillanceState state, AlertSink alerts) { }

    private bool IsEpisode(OrderInfo order, MarketInfo market, Trader t, long now)
    {
        if (order.Filled != 0 || order.Quantity < config.MinLargeLots) return false;
        // Large against the market: quantity ≥ factor × mean order size (lots placed / orders placed).
        if ((Int128)order.Quantity * market.OrdersPlaced < (Int128)config.LargeFactor * market.LotsPlaced) return false;
        if (now - order.PlacedAt > config.MaxLifetimeNs) return false;
        long otherSideTrade = order.Side == Side.Buy ? t.LastSellAt : t.LastBuyAt;
        return otherSideTrade >= order.PlacedAt;
    }

    // The account's cancel-to-trade ratio (lots cancelled by the owner per lot traded) against the
    // market's, in integers: cancelled / max(1, traded) ≥ factor × marketCancelled / max(1, marketTraded).
    // Lots rather than order counts: a spoofer cancels a few large orders and trades in many small fills.
    private bool RatioHigh(Trader t, MarketInfo market) =>
        (Int128)t.CancelledLots * Math.Max(1, market.TradedLots) >= (Int128)config.RatioFactor * market.CancelledLots * Math.Max(1, t.TradedLots);

    private void Raise(int account, MarketInfo market, Trader t, AlertSink alerts)
    {
        long mean = market.OrdersPlaced == 0 ? 0 : market.LotsPlaced / market.OrdersPlaced;
        alerts.Raise(t.Episodes.Count >= 2 * config.MinEpisodes ? AlertSeverity.High : AlertSeverity.Medium, market.Id, [account],
            t.FirstSequence, t.LastSequence,
            $"{t.Episodes.Count} large orders ({t.EpisodeLots} lots) cancelled unfilled after trading on the other side",
            [
                new("episodes", t.Episodes.Count), new("episodeLots", t.EpisodeLots), new("marketMeanOrderLots", mean),
                new("cancels", t.Cancels), new("trades", t.Trades), new("cancelledLots", t.CancelledLots), new("tradedLots", t.TradedLots),
                new("marketCancelledLots", market.CancelledLots), new("marketTradedLots", market.TradedLots),
                new("cancelToTradePpm", (long)((Int128)t.CancelledLots * 1_000_000 / Math.Max(1, t.TradedLots))),
                new("marketCancelToTradePpm", (long)((Int128)market.CancelledLots * 1_000_000 / Math.Max(1, market.TradedLots))),
            ],
            orders: t.Episodes.Take(config.EvidenceLimit));
    }

    private Trader Of(int account, int market)
    {
        if (!_traders.TryGetValue((account, market), out Trader? t)) _traders[(account, market)] = t = new Trader();
        return t;
    }

    private sealed class Trader
    {
        public readonly List<long> Episodes = new();
        public long Cancels, Trades, EpisodeLots, CancelledLots, TradedLots;
        public long LastBuyAt = long.MinValue, LastSellAt = long.MinValue;
        public long FirstSequence = -1, LastSequence;
        public bool Alerted;

        public void OnTrade(Side side, long time, long lots)
        {
            Trades++;
            TradedLots += lots;
            if (side == Side.Buy) LastBuyAt = time;
            else LastSellAt = time;
        }
    }
}
