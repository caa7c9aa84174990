using TokenMatch.Commands;

namespace TokenMatch.Formats.Scripts;

/// <summary>A whole command script, parsed: its commands with their 1-based line numbers, and the warnings reading it raised.</summary>
public sealed class LoadedScript
{
    /// <summary>Creates a loaded script.</summary>
    public LoadedScript(IReadOnlyList<(int Line, Command Command)> commands, IReadOnlyList<ScriptWarning> warnings)
    {
        Commands = commands;
        Warnings = warnings;
    }

    /// <summary>Every command, in script order, sequence and result left zero.</summary>
    public IReadOnlyList<(int Line, Command Command)> Commands { get; }

    /// <summary>What was accepted but will not run as written (see <see cref="ScriptWarning"/>).</summary>
    public IReadOnlyList<ScriptWarning> Warnings { get; }
}
