using TokenMatch.Commands;

namespace TokenMatch.Client;

/// <summary>A market's depth from the engine, best first.</summary>
public sealed record DepthInfo(ResultCode Code, int Market, IReadOnlyList<Level> Bids, IReadOnlyList<Level> Asks);
