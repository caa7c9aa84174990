using TokenMatch.Commands;
using TokenMatch.Surveillance.Alerts;

namespace TokenMatch.Gateway.Alerts;

/// <summary>What the <see cref="AlertRelay"/> writes to: a provider session's outbox (tests use a list). Never waits.</summary>
internal interface IAlertSubscriber
{
    /// <summary>The answer to a subscription: code and the latest alert id.</summary>
    void SendAlertsSubscribed(long correlation, ResultCode code, long lastId);

    /// <summary>One alert.</summary>
    void SendAlert(Alert alert);
}
