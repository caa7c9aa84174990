using TokenMatch.Commands;

namespace TokenMatch.Cli.Summary;

/// <summary>Rejections of one result code during a run: how many, and the first few script lines.</summary>
public sealed class RejectionStats
{
    /// <summary>Lines kept per code.</summary>
    public const int LinesKept = 5;

    /// <summary>Creates the stats of <paramref name="code"/>.</summary>
    public RejectionStats(ResultCode code) => Code = code;

    /// <summary>The result code.</summary>
    public ResultCode Code { get; }

    /// <summary>Commands rejected with it.</summary>
    public long Count { get; set; }

    /// <summary>The first <see cref="LinesKept"/> of them: script line, verb, and what failed when known (or null).</summary>
    public List<(int Line, string Verb, string? Detail)> First { get; } = new();
}
