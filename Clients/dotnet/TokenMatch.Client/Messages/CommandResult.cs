using TokenMatch.Commands;

namespace TokenMatch.Client;

/// <summary>A command's outcome: result code, its sequence and time (−1 and 0 when refused before the engine), the order id of an accepted place, events produced.</summary>
public sealed record CommandResult(ResultCode Code, long Sequence, long Timestamp, long OrderId, int EventCount)
{
    /// <summary>True when accepted.</summary>
    public bool Ok => Code == ResultCode.Ok;
}
