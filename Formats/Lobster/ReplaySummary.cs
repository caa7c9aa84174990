using TokenMatch.Commands;

namespace TokenMatch.Formats.Lobster;

/// <summary>What a replay found: counts, the first mismatches and rejections, the engine's final state hash.</summary>
public sealed class ReplaySummary
{
    /// <summary>Message rows replayed (every row after row 0).</summary>
    public int Rows { get; internal set; }

    /// <summary>Rows after which the engine's top levels differed from the file.</summary>
    public int Mismatched { get; internal set; }

    /// <summary>Orders of unknown volume placed by the window rule (seeding not counted).</summary>
    public int Injected { get; internal set; }

    /// <summary>Type 4 messages replayed as a <see cref="CommandType.Fill"/> of the named order.</summary>
    public int DirectFills { get; internal set; }

    /// <summary>Type 4 messages replayed as an aggressive IOC order.</summary>
    public int AggressiveOrders { get; internal set; }

    /// <summary>Orders of unknown volume placed from row 0.</summary>
    public int Seeded { get; internal set; }

    /// <summary>Messages naming an order the replay could not find, with no unknown volume at their side and price.</summary>
    public int Unresolved { get; internal set; }

    /// <summary>Trading halts replayed (type 7 with price −1).</summary>
    public int Halts { get; internal set; }

    /// <summary>Commands the engine rejected (none in a faithful replay).</summary>
    public int Rejected { get; internal set; }

    /// <summary>The first mismatched rows, with both states.</summary>
    public List<ReplayMismatch> Mismatches { get; } = [];

    /// <summary>The first rejected commands, described.</summary>
    public List<string> Rejections { get; } = [];

    /// <summary>Every command sent, in order, when <see cref="ReplayOptions.RecordCommands"/> was set.</summary>
    public List<Command> Commands { get; } = [];

    /// <summary>The engine's <c>StateHash()</c> after the last row.</summary>
    public ulong FinalStateHash { get; internal set; }

    /// <summary>The one-line summary: <c>rows: R, mismatched: M, injected: I, direct fills: F</c>.</summary>
    public string SummaryLine => $"rows: {Rows}, mismatched: {Mismatched}, injected: {Injected}, direct fills: {DirectFills}";
}
