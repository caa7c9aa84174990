namespace TokenMatch.Pipeline;

/// <summary>
/// Where command timestamps come from. Called by producer threads when they claim a slot, so it
/// must be safe to call from any thread. The core never reads a clock; tests inject a fake one.
/// </summary>
public interface IEngineClock
{
    /// <summary>Nanoseconds since the Unix epoch, UTC.</summary>
    long UtcNowNanoseconds();
}
