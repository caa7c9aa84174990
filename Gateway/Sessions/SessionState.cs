namespace TokenMatch.Gateway.Sessions;

/// <summary>Where a session is in its flow: hello, then login, then requests.</summary>
public enum SessionState
{
    /// <summary>Connected; hello expected.</summary>
    Connected,
    /// <summary>Hello accepted; login expected.</summary>
    Greeted,
    /// <summary>Logged in: bound to an account and a role.</summary>
    LoggedIn,
    /// <summary>Closing or closed.</summary>
    Closed,
}
