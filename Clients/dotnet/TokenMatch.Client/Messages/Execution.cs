using TokenMatch.Commands;
using TokenMatch.Events;

namespace TokenMatch.Client;

/// <summary>An unsolicited report of an event of the session's account: accepted, trade, cancelled, amended, decremented.</summary>
public sealed record Execution(EventType Type, long Sequence, long Timestamp, int Market, int Account, long OrderId, long ClientId,
    Side Side, long Price, long ExecPrice, long Quantity, long Remaining, long Fee, CancelReason Reason, bool Maker, long OtherOrderId);
