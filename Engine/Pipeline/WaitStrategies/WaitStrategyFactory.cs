namespace TokenMatch.Pipeline.WaitStrategies;

/// <summary>Creates wait strategies by kind.</summary>
public static class WaitStrategyFactory
{
    /// <summary>A new strategy of <paramref name="kind"/> (one per ring: a blocking one holds a monitor).</summary>
    public static IWaitStrategy Create(WaitStrategyKind kind) => kind switch
    {
        WaitStrategyKind.BusySpin => new BusySpinWaitStrategy(),
        WaitStrategyKind.Sleeping => new SleepingWaitStrategy(),
        WaitStrategyKind.Blocking => new BlockingWaitStrategy(),
        _ => new YieldingWaitStrategy(),
    };
}
