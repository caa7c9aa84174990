using System.Text.Json.Serialization;

namespace TokenMatch.Surveillance.Alerts;

/// <summary>How urgent an alert is. Written by name in the alert log.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AlertSeverity>))]
public enum AlertSeverity
{
    /// <summary>Worth a look.</summary>
    Low = 1,
    /// <summary>Likely abuse.</summary>
    Medium = 2,
    /// <summary>Clear abuse, large amounts, or many accounts.</summary>
    High = 3,
}
