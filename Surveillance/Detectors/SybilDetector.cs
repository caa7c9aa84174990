using TokenMatch.Commands;
using TokenMatch.Events;
using TokenMatch.Surveillance.Alerts;
using TokenMatch.Surveillance.Config;
using TokenMatch.Surveillance.Model;

namespace TokenMatch.Surveillance.Detectors;

/// <summary>
/// Sybil clusters. Two ways in:
/// <list type="bullet">
/// <item><b>lockstep</b>: low-tier accounts created one after another within a short gap chain
/// into one cluster; a cluster of at least the minimum size whose members together drew enough
/// not-sellable rejections (trying to sell trial or promo lots, lots they do not have, beyond
/// their tier cap) is reported, counted per cluster rather than per account;</item>
/// <item><b>shared buyer</b>: at least the minimum number of distinct young low-tier accounts
/// that sold to the same buyer (the farm's collector).</item>
/// </list>
/// Clusters are judged every <see cref="SybilConfig.EvaluateEveryNs"/> of engine time and at the
/// end; each account is reported once. Accounts are kept in creation order, which is engine-time
/// order, so no sort and no hash-order iteration is needed. Owned by the detector thread.
/// </summary>
public sealed class SybilDetector(SybilConfig config) : IDetector
{
    private readonly List<Member> _byCreation = new();
    private readonly Dictionary<int, Member> _members = new();
    private readonly Dictionary<int, SortedSet<int>> _sellersByBuyer = new();
    private readonly SortedSet<int> _buyersToCheck = new();
    private readonly HashSet<int> _reported = new();
    private long _nextEvaluation = long.MinValue;
    private bool _dirty;

    /// <inheritdoc/>
    public string Name => "sybil";

    /// <summary>True for the rejections a farm of free-lot accounts collects when it tries to sell.</summary>
    public static bool IsNotSellable(ResultCode code) =>
        code is ResultCode.LotsNotSellable or ResultCode.InsufficientLots or ResultCode.TierCapExceeded;

    /// <inheritdoc/>
    public void Observe(in CommandRecord record, SurveillanceState state, AlertSink alerts)
    {
        Command c = record.Command;
        if (c.Type == CommandType.CreateAccount && record.Result == ResultCode.Ok && (int)c.Code <= config.MaxLowTier
            && !state.IsHouse(c.Account) && state.Account(c.Account) is { } created)
        {
            var m = new Member(created);
            _byCreation.Add(m);
            _members[c.Account] = m;
        }
        if (c.Type == CommandType.Place && c.Side == Side.Sell && _members.TryGetValue(c.Account, out Member? seller))
        {
            seller.SellAttempts++;
            if (IsNotSellable(record.Result))
            {
                seller.Rejections++;
                seller.LastSequence = record.Sequence;
                _dirty = true;
            }
        }
        foreach (ref readonly Event e in record.Events)
        {
            if (e.Type != EventType.Trade) continue;
            int buyer = e.Side == Side.Buy ? e.OtherAccount : e.Account;
            int sold = e.Side == Side.Buy ? e.Account : e.OtherAccount;
            if (!_members.TryGetValue(sold, out Member? m) || state.IsHouse(buyer)) continue;
            if (record.Time - m.Info.CreatedAt > config.MaxAgeNs || (int)m.Info.Tier > config.MaxLowTier) continue;
            m.LastSequence = record.Sequence;
            if (!_sellersByBuyer.TryGetValue(buyer, out SortedSet<int>? sellers)) _sellersByBuyer[buyer] = sellers = new SortedSet<int>();
            if (sellers.Add(sold)) _buyersToCheck.Add(buyer);
        }
        if (record.Time >= _nextEvaluation)
        {
            if (_nextEvaluation != long.MinValue) Evaluate(state, alerts);
            _nextEvaluation = (record.Time / config.EvaluateEveryNs + 1) * config.EvaluateEveryNs;
        }
    }

    /// <inheritdoc/>
    public void Complete(SurveillanceState state, AlertSink alerts) => Evaluate(state, alerts);

    private void Evaluate(SurveillanceState state, AlertSink alerts)
    {
        if (_dirty) EvaluateLockstep(alerts);
        _dirty = false;
        foreach (int buyer in _buyersToCheck)
        {
            SortedSet<int> sellers = _sellersByBuyer[buyer];
            if (sellers.Count < config.MinClusterSize) continue;
            var fresh = sellers.Where(s => !_reported.Contains(s)).ToList();
            if (fresh.Count == 0) continue;
            foreach (int s in fresh) _reported.Add(s);
            List<Member> group = sellers.Select(s => _members[s]).ToList();
            alerts.Raise(sellers.Count >= 5 * config.MinClusterSize ? AlertSeverity.High : AlertSeverity.Medium, -1,
                [.. fresh, buyer], group.Min(g => g.Info.CreatedSequence), group.Max(g => Math.Max(g.LastSequence, g.Info.CreatedSequence)),
                $"{sellers.Count} young low-tier accounts sold to the same buyer {buyer}",
                [new("clusterSize", sellers.Count), new("newAccounts", fresh.Count), new("buyer", buyer), .. Spread(group)]);
        }
        _buyersToCheck.Clear();
    }

    private void EvaluateLockstep(AlertSink alerts)
    {
        int start = 0;
        for (int i = 1; i <= _byCreation.Count; i++)
        {
            bool breaks = i == _byCreation.Count || _byCreation[i].Info.CreatedAt - _byCreation[i - 1].Info.CreatedAt > config.LockstepGapNs;
            if (!breaks) continue;
            if (i - start >= config.MinClusterSize) JudgeCluster(_byCreation.GetRange(start, i - start), alerts);
            start = i;
        }
    }

    private void JudgeCluster(List<Member> cluster, AlertSink alerts)
    {
        long rejections = cluster.Sum(m => m.Rejections);
        if (rejections < config.MinClusterRejections) return;
        var fresh = cluster.Where(m => !_reported.Contains(m.Info.Id)).ToList();
        if (fresh.Count == 0) return;
        foreach (Member m in fresh) _reported.Add(m.Info.Id);
        bool high = cluster.Count >= 5 * config.MinClusterSize || rejections >= 5L * config.MinClusterRejections;
        alerts.Raise(high ? AlertSeverity.High : AlertSeverity.Medium, -1, fresh.Select(m => m.Info.Id),
            cluster[0].Info.CreatedSequence, cluster.Max(m => Math.Max(m.LastSequence, m.Info.CreatedSequence)),
            $"{cluster.Count} low-tier accounts created in lockstep drew {rejections} not-sellable rejections",
            [
                new("clusterSize", cluster.Count), new("newAccounts", fresh.Count), new("rejections", rejections),
                new("sellAttempts", cluster.Sum(m => m.SellAttempts)),
                new("accountsRejected", cluster.Count(m => m.Rejections > 0)), .. Spread(cluster),
            ]);
    }

    // How tightly the cluster moved: the spread (max − min, ns) of creation, first grant, first deposit and first order.
    private static IEnumerable<KeyValuePair<string, long>> Spread(List<Member> group)
    {
        yield return new("createdSpreadNs", SpreadOf(group, m => m.Info.CreatedAt));
        yield return new("firstGrantSpreadNs", SpreadOf(group, m => m.Info.FirstGrantAt));
        yield return new("firstDepositSpreadNs", SpreadOf(group, m => m.Info.FirstDepositAt));
        yield return new("firstOrderSpreadNs", SpreadOf(group, m => m.Info.FirstOrderAt));
    }

    private static long SpreadOf(List<Member> group, Func<Member, long> at)
    {
        long[] times = group.Select(at).Where(t => t >= 0).ToArray();
        return times.Length == 0 ? -1 : times.Max() - times.Min();
    }

    private sealed class Member(AccountInfo info)
    {
        public readonly AccountInfo Info = info;
        public long Rejections, SellAttempts, LastSequence = -1;
    }
}
