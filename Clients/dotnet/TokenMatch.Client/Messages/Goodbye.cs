using TokenMatch.Commands;

namespace TokenMatch.Client;

/// <summary>The server closed the session, with a reason.</summary>
public sealed record Goodbye(ResultCode Code, string Message);
