namespace TokenMatch.Client;

/// <summary>
/// Market data: last trade (FTE and executed price), best bid and ask (FTE), volume (lots) and VWAP
/// (executed, micro-credits per lot) since the server started, face value (the FTE fair value), the
/// decay factor D now (ppm) and the fair value now, face × D.
/// </summary>
public sealed record Ticker(int Market, long Timestamp, long Last, long LastExec, long BestBid, long BestAsk, long Volume, long Vwap,
    long Face, long DecayPpm, long FairValue);
