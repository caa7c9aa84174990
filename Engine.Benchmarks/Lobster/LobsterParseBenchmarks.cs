using BenchmarkDotNet.Attributes;
using TokenMatch.Formats.Lobster;

namespace TokenMatch.Benchmarks.Lobster;

/// <summary>
/// Parsing the GOOG LOBSTER day from bytes already in memory (no disk, no unzip): the message file
/// and the 10-level orderbook file, reported per message row.
/// </summary>
[MemoryDiagnoser]
public class LobsterParseBenchmarks
{
    private byte[] _messages = [];
    private byte[] _orderbook = [];
    private string _messageName = "";
    private string _orderbookName = "";

    /// <summary>Reads the two csv files of the GOOG day into memory.</summary>
    [GlobalSetup]
    public void Setup() => (_messages, _messageName, _orderbook, _orderbookName) = LobsterSampleData.ReadGoog();

    /// <summary>The message file: six integers a row, the time as exact nanoseconds.</summary>
    [Benchmark(OperationsPerInvoke = LobsterSampleData.GoogMessages)]
    public int ParseMessages() => LobsterCsv.ParseMessages(_messages, _messageName).Length;

    /// <summary>The orderbook file: forty integers a row.</summary>
    [Benchmark(OperationsPerInvoke = LobsterSampleData.GoogMessages)]
    public int ParseOrderbook() => LobsterCsv.ParseOrderbook(_orderbook, _orderbookName).Rows;
}
