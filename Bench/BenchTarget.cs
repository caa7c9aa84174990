namespace TokenMatch.Bench;

/// <summary>What <c>tokenmatch bench</c> measures.</summary>
public enum BenchTarget
{
    /// <summary>The matching core and ledger alone, on one thread.</summary>
    Core,
    /// <summary>The command ring and the core stage (no journal): <c>EngineHost</c> with its two threads.</summary>
    Pipeline,
    /// <summary>The ring, the core and the real journal (<c>JournalWriter</c>) with an fsync policy.</summary>
    Journal,
    /// <summary>The gateway over loopback TCP, several connections, in front of the pipeline.</summary>
    Gateway,
    /// <summary>Reading a journal back and running every record through a fresh core.</summary>
    Replay,
}
