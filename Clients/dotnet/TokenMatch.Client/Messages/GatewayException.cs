using TokenMatch.Commands;

namespace TokenMatch.Client;

/// <summary>The server answered a request with an error frame (or the connection ended first).</summary>
public sealed class GatewayException(ResultCode code, string message) : Exception(message)
{
    /// <summary>The result code.</summary>
    public ResultCode Code { get; } = code;
}
