namespace TokenMatch.Formats.Lobster;

/// <summary>The event types of a LOBSTER message file (column 2). Values are LOBSTER's own.</summary>
public enum LobsterEventType : byte
{
    /// <summary>Submission of a new limit order.</summary>
    NewOrder = 1,
    /// <summary>Partial cancellation: size is the number of shares removed.</summary>
    PartialCancel = 2,
    /// <summary>Total deletion of a limit order: size is the number of shares it had left.</summary>
    Delete = 3,
    /// <summary>Execution of a visible resting limit order.</summary>
    Execution = 4,
    /// <summary>Execution of a hidden order: no change to the visible book.</summary>
    HiddenExecution = 5,
    /// <summary>Cross trade (auction): no change to the visible book.</summary>
    CrossTrade = 6,
    /// <summary>Trading halt, quoting or resume indicator: no change to the visible book.</summary>
    Halt = 7,
}
