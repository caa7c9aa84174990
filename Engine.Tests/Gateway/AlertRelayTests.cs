using FsCheck;
using FsCheck.Fluent;
using TokenMatch.Commands;
using TokenMatch.Gateway.Alerts;
using TokenMatch.Surveillance.Alerts;

namespace TokenMatch.Tests.Gateway;

/// <summary>
/// The alert relay against a simple model: for any interleaving of alerts raised, subscriptions (with
/// or without an id to resume after) and removals, each subscriber gets its answer with the latest id,
/// then exactly the kept alerts (the last <c>keep</c> raised) above the id it gave, then every alert
/// raised while it is subscribed — in order, none twice.
/// </summary>
public sealed class AlertRelayTests
{
    [FsCheck.NUnit.Property(MaxTest = 500)]
    public Property EachSubscriberGetsTheKeptAlertsAfterItsIdThenTheLiveOnes(byte[] operations, byte keepSeed)
    {
        int keep = 1 + keepSeed % 6;
        var hub = new AlertHub();
        using var relay = new AlertRelay(hub, keep);
        var subscribers = new[] { new ListSubscriber(), new ListSubscriber(), new ListSubscriber() };
        var expected = new[] { new List<string>(), new List<string>(), new List<string>() };
        var subscribed = new bool[3];
        var raised = new List<long>();
        foreach (byte op in operations ?? [])
        {
            int who = op / 4 % 3;
            switch (op % 4)
            {
                case 0:
                {
                    long? after = (op / 12) % 2 == 0 ? null : (op / 24) % 8;
                    long last = raised.Count == 0 ? 0 : raised[^1];
                    expected[who].Add($"answer {last}");
                    if (after is long a)
                        expected[who].AddRange(raised.Skip(Math.Max(0, raised.Count - keep)).Where(id => id > a).Select(id => $"alert {id}"));
                    subscribed[who] = true;
                    relay.Subscribe(subscribers[who], 0, after);
                    break;
                }
                case 1:
                    subscribed[who] = false;
                    relay.Remove(subscribers[who]);
                    break;
                default:
                {
                    long id = raised.Count + 1;
                    raised.Add(id);
                    for (int s = 0; s < 3; s++)
                        if (subscribed[s]) expected[s].Add($"alert {id}");
                    hub.OnAlert(new Alert(id, "test", AlertSeverity.Low, -1, [], id, id, id, "x", new Dictionary<string, long>(), [], []));
                    break;
                }
            }
        }
        bool ok = true;
        for (int s = 0; s < 3; s++) ok &= subscribers[s].Got.SequenceEqual(expected[s]);
        ok &= relay.Subscribers == subscribed.Count(x => x) && relay.LastId == (raised.Count == 0 ? 0 : raised[^1]);
        return ok.Label($"keep {keep}; got [{string.Join("; ", subscribers.Select(x => string.Join(",", x.Got)))}] expected [{string.Join("; ", expected.Select(x => string.Join(",", x)))}]");
    }

    private sealed class ListSubscriber : IAlertSubscriber
    {
        public List<string> Got { get; } = [];

        public void SendAlertsSubscribed(long correlation, ResultCode code, long lastId) => Got.Add($"answer {lastId}");

        public void SendAlert(Alert alert) => Got.Add($"alert {alert.Id}");
    }
}
