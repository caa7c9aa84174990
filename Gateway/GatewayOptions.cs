using System.Net;
using System.Security.Cryptography.X509Certificates;
using TokenMatch.Protocol;

namespace TokenMatch.Gateway;

/// <summary>How to run a <see cref="GatewayServer"/>. Read once, at start.</summary>
public sealed class GatewayOptions
{
    /// <summary>Where to listen (loopback, port 0 = any free port, by default).</summary>
    public IPEndPoint Endpoint { get; init; } = new(IPAddress.Loopback, 0);

    /// <summary>Name sent in the welcome.</summary>
    public string ServerName { get; init; } = "tokenmatch";

    /// <summary>Hard maximum of a frame body (bytes); a longer prefix closes the session.</summary>
    public int MaxFrameLength { get; init; } = FrameDescriptor.MaxFrameLength;

    /// <summary>Bad frames a session may send before it is disconnected.</summary>
    public int MaxErrors { get; init; } = 8;

    /// <summary>Commands a session may have waiting for results.</summary>
    public int MaxInFlight { get; init; } = 4096;

    /// <summary>Commands per second per connection (token bucket refill), and its burst.</summary>
    public double ConnectionRate { get; init; } = 2_000_000;

    /// <summary>Burst of the per-connection bucket.</summary>
    public double ConnectionBurst { get; init; } = 100_000;

    /// <summary>Trading commands per second per account (sessions of traders), and its burst.</summary>
    public double AccountRate { get; init; } = 1_000_000;

    /// <summary>Burst of the per-account bucket.</summary>
    public double AccountBurst { get; init; } = 50_000;

    /// <summary>Bytes a session's outbound buffer may hold before the session is cut off as a slow consumer.</summary>
    public long OutboundLimit { get; init; } = 8L << 20;

    /// <summary>Socket send buffer size (0 = the system's).</summary>
    public int SocketSendBufferSize { get; init; }

    /// <summary>A session that has not logged in by then is closed.</summary>
    public TimeSpan LoginTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often subscribed tickers are sent.</summary>
    public TimeSpan TickerInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Fills and orders kept per account for recovery queries.</summary>
    public int AccountLogSize { get; init; } = 4096;

    /// <summary>TLS certificate (with private key); null for plain TCP.</summary>
    public X509Certificate2? Certificate { get; init; }

    /// <summary>
    /// Surveillance alerts for provider sessions (<c>SubscribeAlerts</c>, docs/protocol.md); null: the
    /// gateway runs no surveillance and refuses alert subscriptions with <c>NoSurveillance</c>.
    /// </summary>
    public TokenMatch.Surveillance.Alerts.AlertHub? Alerts { get; init; }

    /// <summary>Latest alerts kept for subscribers that ask for the ones after an alert id (a reconnect).</summary>
    public int AlertsKept { get; init; } = 1024;

    /// <summary>Told about unexpected exceptions in sessions (never about bad client input). Must not throw.</summary>
    public Action<Exception>? OnError { get; init; }
}
