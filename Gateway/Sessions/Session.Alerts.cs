using TokenMatch.Commands;
using TokenMatch.Gateway.Alerts;
using TokenMatch.Protocol;
using TokenMatch.Surveillance.Alerts;

namespace TokenMatch.Gateway.Sessions;

public sealed partial class Session : IAlertSubscriber
{
    /// <summary>Surveillance alerts sent to this session so far.</summary>
    public long AlertsSent => Interlocked.Read(ref _alertsSent);

    private long _alertsSent;

    void IAlertSubscriber.SendAlertsSubscribed(long correlation, ResultCode code, long lastId) => SendAlertsSubscribed(correlation, code, lastId);

    void IAlertSubscriber.SendAlert(Alert alert) => SendAlert(alert);

    private Outcome SubscribeAlerts(ref BodyReader r)
    {
        long? after = null;
        if (r.Remaining > 0)
        {
            if (!r.Long(out long afterId, "after id")) return Field(ref r);
            after = afterId;
        }
        r.SkipRest();
        if (Authorization.Alerts(Role) != ResultCode.Ok)
        {
            Refusals++;
            SendAlertsSubscribed(r.Correlation, ResultCode.NotAuthorized, 0);
            return Outcome.Done;
        }
        if (_server.Alerts is not { } relay)
        {
            SendAlertsSubscribed(r.Correlation, ResultCode.NoSurveillance, 0);
            return Outcome.Done;
        }
        relay.Subscribe(this, r.Correlation, after);
        return Outcome.Done;
    }

    private Outcome UnsubscribeAlerts(ref BodyReader r)
    {
        r.SkipRest();
        _server.Alerts?.Remove(this);
        SendAlertsSubscribed(r.Correlation, ResultCode.Ok, _server.Alerts?.LastId ?? 0);
        return Outcome.Done;
    }

    /// <summary>Answer to subscribe or unsubscribe alerts: code and the latest alert id.</summary>
    internal void SendAlertsSubscribed(long correlation, ResultCode code, long lastId)
    {
        lock (_out.Gate)
        {
            var w = _out.Builder.Begin(MessageType.AlertsSubscribed, correlation, 2);
            w.Write((ushort)code);
            w.Write(lastId);
            _out.Commit(ref w);
        }
    }

    /// <summary>Detector thread (under the relay's lock): one alert, corr 0. Never waits (see <see cref="Outbox"/>).</summary>
    internal void SendAlert(Alert alert)
    {
        lock (_out.Gate)
        {
            var w = _out.Builder.Begin(MessageType.Alert, 0, 12);
            w.Write(alert.Id);
            w.Write(alert.Detector);
            w.Write((byte)alert.Severity);
            w.Write(alert.Market);
            w.WriteArrayHeader(alert.Accounts.Count);
            foreach (int account in alert.Accounts) w.Write(account);
            w.Write(alert.FirstSequence);
            w.Write(alert.LastSequence);
            w.Write(alert.Timestamp);
            w.Write(alert.Summary);
            w.WriteArrayHeader(alert.Figures.Count);
            foreach (var (name, value) in alert.Figures.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                w.WriteArrayHeader(2);
                w.Write(name);
                w.Write(value);
            }
            w.WriteArrayHeader(alert.Orders.Count);
            foreach (long order in alert.Orders) w.Write(order);
            w.WriteArrayHeader(alert.Trades.Count);
            foreach (TradeEvidence t in alert.Trades)
            {
                w.WriteArrayHeader(8);
                w.Write(t.Sequence);
                w.Write(t.MakerOrder);
                w.Write(t.TakerOrder);
                w.Write(t.Buyer);
                w.Write(t.Seller);
                w.Write(t.Quantity);
                w.Write(t.ExecPrice);
                w.Write(t.FairValue);
            }
            if (_out.Commit(ref w)) Interlocked.Increment(ref _alertsSent);
        }
    }
}
