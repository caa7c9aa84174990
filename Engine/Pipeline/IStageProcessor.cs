namespace TokenMatch.Pipeline;

/// <summary>A pipeline stage that runs on a thread of its own until halted.</summary>
public interface IStageProcessor
{
    /// <summary>The last sequence the stage has finished with.</summary>
    Sequence Sequence { get; }

    /// <summary>Processes batches on the calling thread until halted.</summary>
    void Run();

    /// <summary>Asks the stage to stop once nothing more is available (from any thread).</summary>
    void Halt();
}
