namespace TokenMatch.Commands;

/// <summary>Time in force.</summary>
public enum TimeInForce : byte
{
    /// <summary>The type's default: good-till-cycle-end for limit and post-only, IOC for market.</summary>
    Default = 0,
    /// <summary>Rests until filled, cancelled or the cycle ends.</summary>
    GoodTillCycle = 1,
    /// <summary>Rests until its expiry time.</summary>
    GoodTillTime = 2,
    /// <summary>Immediate or cancel.</summary>
    Ioc = 3,
    /// <summary>Fill or kill: whole or rejected.</summary>
    Fok = 4,
}
