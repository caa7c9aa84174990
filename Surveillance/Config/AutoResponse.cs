using System.Text.Json.Serialization;

namespace TokenMatch.Surveillance.Config;

/// <summary>What the provider's surveillance does by itself when a detector raises an alert (off by default).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AutoResponse>))]
public enum AutoResponse
{
    /// <summary>Nothing: the alert is only reported.</summary>
    None = 0,
    /// <summary>Freeze every account named by the alert (a <c>freeze</c> admin command through the ring).</summary>
    Freeze = 1,
    /// <summary>Lower each named account's tier by one (a <c>set tier</c> admin command through the ring).</summary>
    LowerTier = 2,
}
