using TokenMatch.Commands;

namespace TokenMatch.Formats.Scripts;

/// <summary>
/// Reads a whole command script once, from any reader (a file, standard input, a pipe), into memory:
/// a runner parses everything before running anything without reading its input twice, which a pipe
/// or <c>/dev/stdin</c> cannot do.
/// </summary>
public static class ScriptLoader
{
    /// <summary>Parses every line of <paramref name="reader"/> and collects the warnings.</summary>
    /// <exception cref="ScriptParseException">A line does not parse.</exception>
    public static LoadedScript Load(TextReader reader)
    {
        var commands = new List<(int, Command)>();
        var warnings = new List<ScriptWarning>();
        long latest = long.MinValue;
        int latestLine = 0;
        foreach ((int line, Command command) in ScriptReader.ReadAll(reader))
        {
            if (command.Timestamp < latest)
            {
                warnings.Add(new ScriptWarning(line, "time",
                    $"{ScriptTime.Format(command.Timestamp, fullPrecision: false)} is earlier than line {latestLine}'s " +
                    $"{ScriptTime.Format(latest, fullPrecision: false)}: it runs at that time (time never runs backwards)"));
            }
            else
            {
                latest = command.Timestamp;
                latestLine = line;
            }
            commands.Add((line, command));
        }
        return new LoadedScript(commands, warnings);
    }
}
