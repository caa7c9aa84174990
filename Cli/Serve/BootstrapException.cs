namespace TokenMatch.Cli.Serve;

/// <summary>The engine refused a command that setting up the configured exchange needed (a configuration the validation let through).</summary>
public sealed class BootstrapException(string message) : Exception(message);
