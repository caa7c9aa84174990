namespace TokenMatch.Pipeline;

/// <summary>What a producer does when the command ring has no free slot.</summary>
public enum RingFullPolicy
{
    /// <summary>Wait until the pipeline frees a slot (backpressure onto the producer).</summary>
    Wait = 0,
    /// <summary>Refuse the command at once with <see cref="Commands.ResultCode.RingFull"/>.</summary>
    Refuse = 1,
}
