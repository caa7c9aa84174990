using TokenMatch.Surveillance.Model;

namespace TokenMatch.Surveillance.Detectors;

/// <summary>
/// One surveillance detector. Called on the thread that runs the surveillance engine, one command
/// at a time in sequence order, after <see cref="SurveillanceState.Apply"/>. Deterministic: its
/// alerts depend only on the records it is given (engine time, never the wall clock; integer
/// arithmetic; no iteration over hash order).
/// </summary>
public interface IDetector
{
    /// <summary>Short name, used in alerts, the log and the configuration (<c>sybil</c>, …).</summary>
    string Name { get; }

    /// <summary>Looks at one command and its events; raises alerts through <paramref name="alerts"/>.</summary>
    void Observe(in CommandRecord record, SurveillanceState state, AlertSink alerts);

    /// <summary>The input has ended (end of a journal, or the host stopping): evaluate what is still open.</summary>
    void Complete(SurveillanceState state, AlertSink alerts);
}
