namespace TokenMatch.Pipeline;

/// <summary>Lifecycle of an <see cref="EngineHost"/>.</summary>
public enum EngineHostState
{
    /// <summary>Built, threads not started: queries run on the caller's thread, commands are refused.</summary>
    Created = 0,
    /// <summary>Threads running: commands are accepted and queries run on the core thread.</summary>
    Running = 1,
    /// <summary>Refusing new commands and draining the accepted ones.</summary>
    Stopping = 2,
    /// <summary>Threads ended: every accepted command was answered; queries run on the caller's thread.</summary>
    Stopped = 3,
}
