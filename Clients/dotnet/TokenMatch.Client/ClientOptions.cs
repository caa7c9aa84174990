using System.Net.Security;

namespace TokenMatch.Client;

/// <summary>How a <see cref="GatewayClient"/> connects.</summary>
public sealed class ClientOptions
{
    /// <summary>Server host name or address.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>Server port.</summary>
    public int Port { get; init; } = 7340;

    /// <summary>The API key (never logged).</summary>
    public string ApiKey { get; init; } = "";

    /// <summary>Ask the server to cancel this account's orders when the session drops.</summary>
    public bool CancelOnDisconnect { get; init; }

    /// <summary>Name sent in the hello.</summary>
    public string ClientName { get; init; } = "TokenMatch.Client";

    /// <summary>Protocol version announced (the default is the one this library speaks).</summary>
    public int Version { get; init; } = Protocol.FrameDescriptor.Version;

    /// <summary>Use TLS.</summary>
    public bool UseTls { get; init; }

    /// <summary>Certificate check for TLS (null: the system's).</summary>
    public RemoteCertificateValidationCallback? ValidateServerCertificate { get; init; }

    /// <summary>Reconnect (with hello, login and every subscription again) when the connection drops.</summary>
    public bool AutoReconnect { get; init; }

    /// <summary>How long a request waits for its answer.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Testing hook: return false to drop a book update before it is applied (to exercise gap recovery).</summary>
    public Func<int, long, bool>? BookUpdateFilter { get; init; }
}
