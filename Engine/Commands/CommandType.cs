namespace TokenMatch.Commands;

/// <summary>
/// Every command the matching core understands. Trading commands come from account holders;
/// admin commands (numbered from 20) are how all configuration enters the engine, so a script or
/// journal replays with no config file. Values are part of the journal and wire formats: never renumber.
/// </summary>
public enum CommandType : byte
{
    /// <summary>Unset slot; rejected as <see cref="ResultCode.UnknownCommand"/>.</summary>
    None = 0,
    /// <summary>Sequencer heartbeat: advances the clock and runs the expiries due by it.</summary>
    Time = 1,
    /// <summary>Place an order (limit, market or post-only).</summary>
    Place = 2,
    /// <summary>Cancel one order by order id, or by account, market and client id.</summary>
    Cancel = 3,
    /// <summary>Amend one order's remaining quantity and/or price.</summary>
    Amend = 4,
    /// <summary>Cancel every order of an account, or of an account in one market.</summary>
    MassCancel = 5,
    /// <summary>Consume token lots of an account in a market (the provider's metering).</summary>
    Consume = 6,
    /// <summary>Charge credits for service: the only way credits leave the platform.</summary>
    Spend = 7,

    /// <summary>Create an account with a verification tier.</summary>
    CreateAccount = 20,
    /// <summary>Provider deposit of credits into an account.</summary>
    Deposit = 21,
    /// <summary>Grant token lots of one origin (allocated, trial, promo) in a market.</summary>
    Grant = 22,
    /// <summary>Set an account's verification tier.</summary>
    SetTier = 23,
    /// <summary>Set the max sell quantity per cycle for a tier.</summary>
    SetTierCap = 24,
    /// <summary>Set the max open orders per account.</summary>
    SetMaxOpenOrders = 25,
    /// <summary>Put an account into an owner group.</summary>
    Link = 26,
    /// <summary>Take an account out of its owner group.</summary>
    Unlink = 27,
    /// <summary>Freeze an account: cancels its resting orders, rejects new ones.</summary>
    Freeze = 28,
    /// <summary>Unfreeze an account: restores only the right to trade.</summary>
    Unfreeze = 29,
    /// <summary>Set an account's default self-trade prevention mode.</summary>
    SetStpDefault = 30,
    /// <summary>Set the engine-wide consumption order of origins.</summary>
    SetConsumeOrder = 31,
    /// <summary>Name the provider account (buyback bids) and the fee account.</summary>
    SetHouse = 32,

    /// <summary>Create a market in state pre-open.</summary>
    CreateMarket = 40,
    /// <summary>Set a pre-open market's decay curve.</summary>
    SetCurve = 41,
    /// <summary>Append a point to a pre-open market's table curve.</summary>
    AddCurvePoint = 42,
    /// <summary>Open a pre-open market (validates the curve).</summary>
    OpenMarket = 43,
    /// <summary>Halt an open market: only cancels and set buyback are accepted.</summary>
    HaltMarket = 44,
    /// <summary>Resume a halted market.</summary>
    ResumeMarket = 45,
    /// <summary>End a market's cycle early.</summary>
    ExpireMarket = 46,
    /// <summary>Set a market's maker and taker fees (bps).</summary>
    SetFees = 47,
    /// <summary>Set a market's buyback rate (bps of face) and budget (lots per cycle).</summary>
    SetBuyback = 48,
    /// <summary>
    /// Ask for a full engine snapshot after this command: the core accepts it and changes no state;
    /// the pipeline then snapshots (<see cref="Pipeline.IJournalConsumer.OnSnapshot"/>).
    /// </summary>
    Snapshot = 49,

    /// <summary>
    /// Replay-only reconstruction command: executes a named resting order for a quantity against
    /// the given account as taker, as an external venue reported it (LOBSTER type 4 out of priority).
    /// </summary>
    Fill = 60,
}
