using BenchmarkDotNet.Attributes;
using TokenMatch.Formats.Lobster;
using TokenMatch.Commands;
using TokenMatch.Core;

namespace TokenMatch.Benchmarks.Lobster;

/// <summary>
/// The engine part of the GOOG LOBSTER day: the replay's commands (seeding, the messages' orders,
/// amends, cancels, IOCs and fills, the window rule's drops and injections) are produced once by the
/// replayer, then each iteration runs them through a fresh core with no parsing, no depth queries and
/// no comparison. Reported per message row (147,915 after row 0). Each iteration needs a fresh engine,
/// so one invocation per iteration.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1)]
public class LobsterEngineBenchmarks
{
    private const int MessagesAfterRowZero = LobsterSampleData.GoogMessages - 1;

    private readonly DiscardSink _sink = new();
    private Command[] _commands = [];
    private Command[] _work = [];
    private int _firstTrading;
    private ExchangeCore _core = new();

    /// <summary>Replays the day once to record its commands.</summary>
    [GlobalSetup]
    public void Setup()
    {
        (byte[] messages, string messageName, byte[] orderbook, string orderbookName) = LobsterSampleData.ReadGoog();
        LobsterDay day = LobsterDay.Parse(messages, messageName, orderbook, orderbookName);
        if (day.Messages.Length != LobsterSampleData.GoogMessages)
            throw new InvalidOperationException($"the GOOG day has {day.Messages.Length} rows, expected {LobsterSampleData.GoogMessages}");
        ReplaySummary summary = new LobsterReplayer(day, new ReplayOptions { RecordCommands = true }).Run();
        if (summary.Mismatched != 0 || summary.Rejected != 0)
            throw new InvalidOperationException($"the recorded replay is not faithful: {summary.SummaryLine}, rejected {summary.Rejected}");
        _commands = [.. summary.Commands];
        _work = new Command[_commands.Length];
        _firstTrading = Array.FindIndex(_commands, c => c.Type < CommandType.CreateAccount);
    }

    /// <summary>A fresh engine with the market set up and the commands copied into their slots.</summary>
    [IterationSetup]
    public void FreshEngine()
    {
        _core = new ExchangeCore();
        Array.Copy(_commands, _work, _commands.Length);
        for (int i = 0; i < _firstTrading; i++) _core.Execute(ref _work[i], _sink);
    }

    /// <summary>Every trading command of the day, through the core.</summary>
    [Benchmark(OperationsPerInvoke = MessagesAfterRowZero)]
    public int ReplayDay()
    {
        ExchangeCore core = _core;
        Command[] work = _work;
        int rejected = 0;
        for (int i = _firstTrading; i < work.Length; i++)
        {
            core.Execute(ref work[i], _sink);
            if (work[i].Result != ResultCode.Ok) rejected++;
        }
        return rejected;
    }
}
