using TokenMatch.Commands;
using TokenMatch.Events;

namespace TokenMatch.Tests.Support;

/// <summary>Counts the result codes and event types a generated run produced, to prove the generator reaches them.</summary>
public sealed class Coverage
{
    private readonly Dictionary<ResultCode, int> _results = new();
    private readonly Dictionary<EventType, int> _events = new();

    /// <summary>Records one command's result and events.</summary>
    public void Record(ResultCode result, IEnumerable<Event> events)
    {
        _results[result] = _results.GetValueOrDefault(result) + 1;
        foreach (Event e in events) _events[e.Type] = _events.GetValueOrDefault(e.Type) + 1;
    }

    /// <summary>Adds another run's counts to these.</summary>
    public void Merge(Coverage other)
    {
        foreach (var (k, v) in other._results) _results[k] = _results.GetValueOrDefault(k) + v;
        foreach (var (k, v) in other._events) _events[k] = _events.GetValueOrDefault(k) + v;
    }

    /// <summary>Result codes among <paramref name="expected"/> never seen.</summary>
    public List<ResultCode> MissingResults(IEnumerable<ResultCode> expected) => expected.Where(c => !_results.ContainsKey(c)).ToList();

    /// <summary>Event types never seen.</summary>
    public List<EventType> MissingEvents() => Enum.GetValues<EventType>().Where(t => !_events.ContainsKey(t)).ToList();

    /// <summary>Counts per result code, rarest first, for a failure message.</summary>
    public override string ToString() =>
        string.Join(", ", _results.OrderBy(p => p.Value).Select(p => $"{p.Key}={p.Value}"))
        + " | " + string.Join(", ", _events.OrderBy(p => p.Value).Select(p => $"{p.Key}={p.Value}"));
}
