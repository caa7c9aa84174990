namespace TokenMatch.Surveillance.Alerts;

/// <summary>
/// Told about each alert as it is raised, on the thread that runs the detectors (the detector thread
/// of a <see cref="Hosting.SurveillanceHost"/>, or the caller of an offline run). Be quick: a slow
/// observer delays the detectors (never the core). An exception is caught and counted.
/// </summary>
public interface IAlertObserver
{
    /// <summary>A new alert.</summary>
    void OnAlert(Alert alert);
}
