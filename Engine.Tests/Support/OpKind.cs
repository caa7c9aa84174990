namespace TokenMatch.Tests.Support;

/// <summary>What a generated operation does; <see cref="CommandInterpreter"/> turns it into a concrete command.</summary>
public enum OpKind : byte
{
    /// <summary>Place an order (every type, time in force, self-trade mode, price kind; sometimes malformed).</summary>
    Place,
    /// <summary>Cancel by order id.</summary>
    Cancel,
    /// <summary>Cancel by account, market and client id.</summary>
    CancelByClientId,
    /// <summary>Amend: reduction, increase, price change, no change.</summary>
    Amend,
    /// <summary>Mass cancel of an account, or of an account in one market.</summary>
    MassCancel,
    /// <summary>Consume lots.</summary>
    Consume,
    /// <summary>Spend credits.</summary>
    Spend,
    /// <summary>Deposit credits.</summary>
    Deposit,
    /// <summary>Grant lots of an origin.</summary>
    Grant,
    /// <summary>Link an account into an owner group.</summary>
    Link,
    /// <summary>Take an account out of its owner group.</summary>
    Unlink,
    /// <summary>Freeze an account.</summary>
    Freeze,
    /// <summary>Unfreeze an account.</summary>
    Unfreeze,
    /// <summary>Set an account's default self-trade mode.</summary>
    SetStpDefault,
    /// <summary>Set an account's tier.</summary>
    SetTier,
    /// <summary>Set a tier's sell cap.</summary>
    SetTierCap,
    /// <summary>Set the max open orders.</summary>
    SetMaxOpenOrders,
    /// <summary>Set a market's buyback rate and budget.</summary>
    SetBuyback,
    /// <summary>Set a market's fees.</summary>
    SetFees,
    /// <summary>Halt a market.</summary>
    Halt,
    /// <summary>Resume a market.</summary>
    Resume,
    /// <summary>Expire a market early.</summary>
    Expire,
    /// <summary>Replay fill of a resting order.</summary>
    Fill,
    /// <summary>A time heartbeat: a jump, or exactly to a pending expiry or cycle end.</summary>
    Time,
    /// <summary>Set the consumption order.</summary>
    SetConsumeOrder,
    /// <summary>Account, market, curve and house administration (mostly to reach their rejections).</summary>
    Admin,
    /// <summary>A malformed command: unknown type, no order named, unknown market or order.</summary>
    Invalid,
}
