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
                if (!state.IsHouse(buyer)) Of(buyer, e.Market).OnTrade(Side.Buy, record.Time);
                if (!state.IsHouse(seller)) Of(seller, e.Market).OnTrade(Side.Sell, record.Time);
            }
            else if (e.Type == EventType.Cancelled && e.Reason is CancelReason.User or CancelReason.MassCancel && !state.IsHouse(e.Account))
            {
                Trader t = Of(e.Account, e.Market);
                t.Cancels++;
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

    // The account's cancels per trade against the market's, in integers:
    // cancels / max(1, trades) ≥ factor × marketCancels / max(1, marketTrades).
    private bool RatioHigh(Trader t, MarketInfo market) =>
        (Int128)t.Cancels * Math.Max(1, market.Trades) >= (Int128)config.RatioFactor * market.OwnerCancels * Math.Max(1, t.Trades);

    private void Raise(int account, MarketInfo market, Trader t, AlertSink alerts)
    {
        long mean = market.OrdersPlaced == 0 ? 0 : market.LotsPlaced / market.OrdersPlaced;
        alerts.Raise(t.Episodes.Count >= 2 * config.MinEpisodes ? AlertSeverity.High : AlertSeverity.Medium, market.Id, [account],
            t.FirstSequence, t.LastSequence,
            $"{t.Episodes.Count} large orders ({t.EpisodeLots} lots) cancelled unfilled after trading on the other side",
            [
                new("episodes", t.Episodes.Count), new("episodeLots", t.EpisodeLots), new("marketMeanOrderLots", mean),
                new("cancels", t.Cancels), new("trades", t.Trades),
                new("marketCancels", market.OwnerCancels), new("marketTrades", market.Trades),
                new("cancelToTradePpm", t.Cancels * 1_000_000 / Math.Max(1, t.Trades)),
                new("marketCancelToTradePpm", market.OwnerCancels * 1_000_000 / Math.Max(1, market.Trades)),
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
        public long Cancels, Trades, EpisodeLots;
        public long LastBuyAt = long.MinValue, LastSellAt = long.MinValue;
        public long FirstSequence = -1, LastSequence;
        public bool Alerted;

        public void OnTrade(Side side, long time)
        {
            Trades++;
            if (side == Side.Buy) LastBuyAt = time;
            else LastSellAt = time;
        }
    }
}
