using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Formats.Scripts;

namespace TokenMatch.Tests.Support;

/// <summary>
/// The state hash a script leads to, computed here by reading it and running every command through a
/// fresh core — independently of the CLI — so that a CLI test compares the CLI's printed hash with a
/// fact rather than with a hard-coded number.
/// </summary>
public static class ScriptHash
{
    /// <summary>The hash after every command of the script at <paramref name="path"/>, as the CLI prints it.</summary>
    public static string Of(string path)
    {
        var core = new ExchangeCore();
        var sink = new EventLog();
        using var reader = new StreamReader(path);
        foreach ((int _, Command command) in ScriptReader.ReadAll(reader))
        {
            Command c = command;
            core.Execute(ref c, sink);
        }
        return $"state hash: {core.StateHash():x16}";
    }
}
