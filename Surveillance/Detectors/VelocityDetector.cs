using TokenMatch.Commands;
using TokenMatch.Events;
using TokenMatch.Surveillance.Alerts;
using TokenMatch.Surveillance.Config;
using TokenMatch.Surveillance.Model;

namespace TokenMatch.Surveillance.Detectors;

/// <summary>
/// Velocity: an account's order rate (order attempts) or traded lots in one window of engine time
/// far above both its own mean per window since it first acted and its tier's mean per active
/// account-window. Windows are aligned to multiples of the window length; a window is judged when
/// engine time leaves it (and at the end). One alert per account. Integer comparisons only
/// (a × b ≥ factor × c × d). Owned by the detector thread.
/// </summary>
public sealed class VelocityDetector(VelocityConfig config) : IDetector
{
    private readonly Dictionary<int, Activity> _accounts = new();
    private readonly List<Activity> _open = new();
    private readonly TierNorm[] _orderNorm = [new(), new(), new()];
    private readonly TierNorm[] _lotNorm = [new(), new(), new()];
    private long _window = long.MinValue;

    /// <inheritdoc/>
    public string Name => "velocity";

    /// <inheritdoc/>
    public void Observe(in CommandRecord record, SurveillanceState state, AlertSink alerts)
    {
        long window = record.Time / config.WindowNs;
        if (window != _window)
        {
            CloseWindows(state, alerts);
            _window = window;
        }
        Command c = record.Command;
        if (c.Type == CommandType.Place && !state.IsHouse(c.Account) && state.Account(c.Account) is not null)
        {
            Activity a = Of(c.Account, window);
            a.Orders++;
            a.LastSequence = record.Sequence;
            if (a.FirstSequence < 0) a.FirstSequence = record.Sequence;
        }
        foreach (ref readonly Event e in record.Events)
        {
            if (e.Type == EventType.Accepted && e.Command == CommandType.Place && e.OrderId != 0 && _accounts.TryGetValue(e.Account, out Activity? placed)
                && placed.Evidence.Count < config.EvidenceLimit)
                placed.Evidence.Add(e.OrderId);
            if (e.Type != EventType.Trade) continue;
            foreach (int account in new[] { e.Account, e.OtherAccount })
            {
                if (state.IsHouse(account) || state.Account(account) is null) continue;
                Activity a = Of(account, window);
                a.Lots += e.Quantity;
                a.LastSequence = record.Sequence;
                if (a.FirstSequence < 0) a.FirstSequence = record.Sequence;
            }
        }
    }

    /// <inheritdoc/>
    public void Complete(SurveillanceState state, AlertSink alerts) => CloseWindows(state, alerts);

    private Activity Of(int account, long window)
    {
        if (!_accounts.TryGetValue(account, out Activity? a))
            _accounts[account] = a = new Activity(account, window);
        if (!a.Open)
        {
            a.Open = true;
            a.Window = window;
            _open.Add(a);
        }
        return a;
    }

    private void CloseWindows(SurveillanceState state, AlertSink alerts)
    {
        if (_open.Count == 0) return;
        _open.Sort((x, y) => x.Account.CompareTo(y.Account));
        // Judge every account against the norms as they stood before this window, then fold the window in.
        foreach (Activity a in _open) Judge(a, state, alerts);
        foreach (Activity a in _open)
        {
            int tier = (int)(state.Account(a.Account)?.Tier ?? Tier.Unverified);
            if (a.Orders > 0) _orderNorm[tier].Add(a.Orders);
            if (a.Lots > 0) _lotNorm[tier].Add(a.Lots);
            a.PriorOrders += a.Orders;
            a.PriorLots += a.Lots;
            a.Orders = 0;
            a.Lots = 0;
            a.FirstSequence = -1;
            a.Evidence.Clear();
            a.Open = false;
        }
        _open.Clear();
    }

    private void Judge(Activity a, SurveillanceState state, AlertSink alerts)
    {
        if (a.Alerted) return;
        int tier = (int)(state.Account(a.Account)?.Tier ?? Tier.Unverified);
        long priorWindows = a.Window - a.FirstWindow;
        bool orders = a.Orders >= config.MinOrders && Above(a.Orders, priorWindows, a.PriorOrders) && _orderNorm[tier].FarBelow(a.Orders, config.Factor);
        bool lots = a.Lots >= config.MinLots && Above(a.Lots, priorWindows, a.PriorLots) && _lotNorm[tier].FarBelow(a.Lots, config.Factor);
        if (!orders && !lots) return;
        a.Alerted = true;
        bool high = a.Orders >= 3 * config.MinOrders || a.Lots >= 3 * config.MinLots;
        alerts.Raise(high ? AlertSeverity.High : AlertSeverity.Medium, -1, [a.Account], a.FirstSequence, a.LastSequence,
            $"{a.Orders} orders and {a.Lots} traded lots in one {config.WindowNs / 1_000_000_000}s window, far above its own and its tier's norm",
            [
                new("windowStart", a.Window * config.WindowNs), new("orders", a.Orders), new("lots", a.Lots),
                new("priorWindows", priorWindows), new("priorOrders", a.PriorOrders), new("priorLots", a.PriorLots),
                new("tierOrdersPerActiveWindowPpm", _orderNorm[tier].MeanPpm), new("tierLotsPerActiveWindowPpm", _lotNorm[tier].MeanPpm),
                new("tier", tier), new("byOrders", orders ? 1 : 0), new("byLots", lots ? 1 : 0),
            ],
            orders: a.Evidence);
    }

    // value ≥ factor × prior / windows (no history: nothing to compare with, so true).
    private bool Above(long value, long windows, long prior) =>
        windows <= 0 || (Int128)value * windows >= (Int128)config.Factor * prior;

    private sealed class Activity(int account, long firstWindow)
    {
        public readonly int Account = account;
        public readonly long FirstWindow = firstWindow;
        public readonly List<long> Evidence = new();
        public long Window, Orders, Lots, PriorOrders, PriorLots, FirstSequence = -1, LastSequence;
        public bool Open, Alerted;
    }

    private sealed class TierNorm
    {
        private long _total, _windows;

        public long MeanPpm => _windows == 0 ? 0 : (long)((Int128)_total * 1_000_000 / _windows);

        public void Add(long value)
        {
            _total += value;
            _windows++;
        }

        // True when the norm is far below value: value ≥ factor × total / windows (no norm yet: true).
        public bool FarBelow(long value, long factor) => _windows == 0 || (Int128)value * _windows >= (Int128)factor * _total;
    }
}
