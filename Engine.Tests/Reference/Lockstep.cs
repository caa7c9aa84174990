using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Events;
using TokenMatch.Tests.Support;

namespace TokenMatch.Tests.Reference;

/// <summary>
/// Drives the engine and the <see cref="ReferenceExchange"/> with the same commands. Before each command
/// both get a <c>time</c> at its timestamp (so that what time does happens first) and the state hash
/// is taken; after it, results, every field of every event, and the state hashes (the engine's
/// <c>StateHash()</c> against the reference's own encoding of docs/state-hash.md) must agree, both
/// before and after; a rejected command must leave both hashes as they were. Every market's book
/// depth (price, total lots and order count of each level per side; the engine's <c>GetDepth</c>
/// against the reference's <see cref="ReferenceExchange.Depth"/>) must agree after every command:
/// whole books when <see cref="ValidateEvery"/> says so, else their best <see cref="DepthLevels"/>
/// levels. The engine's <c>ValidateInternalState()</c> runs after every command (or every
/// <see cref="ValidateEvery"/>).
/// </summary>
public sealed class Lockstep
{
    private readonly EventLog _log = new();
    private readonly List<string> _history = new();
    private long _sequence;

    /// <summary>Starts both sides empty.</summary>
    public Lockstep(CoreOptions? options = null)
    {
        Engine = new ExchangeCore(options ?? new CoreOptions
        {
            InitialOrderCapacity = 64, InitialAccountCapacity = 64, InitialClientIdCapacity = 16, EventBufferSize = 64,
        });
    }

    /// <summary>The engine under test.</summary>
    public ExchangeCore Engine { get; }

    /// <summary>The reference.</summary>
    public ReferenceExchange Reference { get; } = new();

    /// <summary>Result codes and event types seen (the inserted time commands' included).</summary>
    public Coverage Coverage { get; } = new();

    /// <summary>Commands that were rejected (each checked to leave the state unchanged).</summary>
    public int Rejections { get; private set; }

    /// <summary>Run the engine's ValidateInternalState() every this many commands (it walks every price level: wide books take a sparser check).</summary>
    public int ValidateEvery { get; set; } = 1;

    /// <summary>Levels per side whose depth is compared after a command between whole-book checks.</summary>
    public int DepthLevels { get; set; } = 32;

    /// <summary>Context for failure messages (scenario, seed).</summary>
    public string Context { get; set; } = "";

    /// <summary>
    /// Runs one command on both sides and compares. With <paramref name="timeFirst"/> (the default) a
    /// time command at its timestamp goes first and a rejection must leave the hash unchanged; without
    /// it, whatever time makes due happens inside the command itself (so that path is compared too).
    /// </summary>
    public ResultCode Step(Command command, bool timeFirst = true)
    {
        if (!timeFirst) return RunOne(command, record: true);
        RunOne(Command.Time(command.Timestamp), record: true);
        ulong before = Engine.StateHash();
        ResultCode result = RunOne(command, record: true);
        if (result != ResultCode.Ok)
        {
            Rejections++;
            if (Engine.StateHash() != before) Fail($"engine: rejected with {result} but the state hash changed", null, null);
            if (Reference.StateHash() != before) Fail($"reference: rejected with {result} but its state hash changed", null, null);
        }
        return result;
    }

    private ResultCode RunOne(Command command, bool record)
    {
        command.Sequence = ++_sequence;
        _history.Add(TestText.Describe(command));
        _log.Events.Clear();
        Command e = command;
        Engine.Execute(ref e, _log);
        var (result, expected) = Reference.Execute(in command);
        if (e.Result != result) Fail($"result: engine {e.Result}, reference {result}", _log.Events, expected);
        if (e.EventCount != _log.Events.Count) Fail("event count written into the slot differs from the events sunk", _log.Events, expected);
        if (_log.Events.Count != expected.Count) Fail($"event count: engine {_log.Events.Count}, reference {expected.Count}", _log.Events, expected);
        for (int i = 0; i < expected.Count; i++)
            if (!_log.Events[i].Equals(expected[i])) Fail($"event {i} differs", _log.Events, expected);
        if (Engine.StateHash() != Reference.StateHash()) Fail("state hashes differ", _log.Events, expected);
        CompareDepth(_sequence % ValidateEvery == 0 ? int.MaxValue : DepthLevels, expected);
        if (_sequence % ValidateEvery == 0)
        {
            try { Engine.ValidateInternalState(); }
            catch (InvalidOperationException ex) { Fail($"engine invalid: {ex.Message}", _log.Events, expected); }
        }
        if (record) Coverage.Record(result, expected);
        return result;
    }

    private void CompareDepth(int levels, List<Event> expected)
    {
        foreach (int market in Reference.Markets.Keys)
        {
            var (bids, asks) = Reference.Depth(market, levels)!.Value;
            BookDepth? depth = Engine.GetDepth(market, levels);
            if (depth is null)
            {
                Fail($"engine: no depth of market {market}", _log.Events, expected);
                return;
            }
            CompareSide(market, "bids", depth.Bids, bids, expected);
            CompareSide(market, "asks", depth.Asks, asks, expected);
        }
    }

    private void CompareSide(int market, string side, IReadOnlyList<DepthLevel> engine, List<(long Price, long Quantity, int Orders)> reference, List<Event> expected)
    {
        int n = Math.Max(engine.Count, reference.Count);
        for (int i = 0; i < n; i++)
        {
            string a = i < engine.Count ? $"{engine[i].Price}={engine[i].Quantity}/{engine[i].Orders}" : "(none)";
            string b = i < reference.Count ? $"{reference[i].Price}={reference[i].Quantity}/{reference[i].Orders}" : "(none)";
            if (a != b) Fail($"depth of market {market}, {side} level {i}: engine {a}, reference {b} (price=lots/orders)", _log.Events, expected);
        }
    }

    private void Fail(string what, List<Event>? engine, List<Event>? reference)
    {
        var text = new List<string> { $"{what} at command {_sequence} ({Context})", "last commands:" };
        text.AddRange(_history.TakeLast(40).Select(h => "  " + h));
        if (engine is not null && reference is not null)
        {
            text.Add("events (E engine, R reference):");
            for (int i = 0; i < Math.Max(engine.Count, reference.Count); i++)
            {
                string a = i < engine.Count ? TestText.Describe(engine[i]) : "(none)";
                string b = i < reference.Count ? TestText.Describe(reference[i]) : "(none)";
                text.Add($"  E {a}");
                if (a != b) text.Add($"  R {b}   <-- differs");
            }
        }
        text.Add("state differences (engine queries vs reference):");
        text.AddRange(StateDiff.Differences(Engine, Reference).Take(20).Select(d => "  " + d));
        text.Add("reference state:");
        text.Add(Reference.Dump());
        throw new AssertionException(string.Join("\n", text));
    }
}
