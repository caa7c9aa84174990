using System.Text;
using TokenMatch.Commands;

namespace TokenMatch.Formats.Scripts;

/// <summary>
/// Writes commands as script lines that <see cref="ScriptReader"/> reads back as the same command
/// (sequence, result and event count aside, which scripts do not carry). Required fields are always
/// written; optional ones only when they differ from their default.
/// </summary>
public static class ScriptWriter
{
    /// <summary>The script line for <paramref name="command"/>, without a line break.</summary>
    /// <exception cref="ArgumentException">
    /// The command cannot be written so as to read back the same: its type has no verb, or it sets a
    /// field its verb does not carry, or a value its field cannot hold (e.g. a symbol that is not printable).
    /// </exception>
    public static string Write(in Command command)
    {
        ScriptVerb verb = ScriptVerbs.Find(command.Type)
            ?? throw new ArgumentException($"command type {(int)command.Type} has no script verb", nameof(command));
        var line = new StringBuilder(96);
        line.Append(ScriptTime.Format(command.Timestamp)).Append(' ').Append(verb.Name);
        foreach (ScriptField field in verb.Fields)
            if (field.ShouldWrite(command))
                line.Append(' ').Append(field.Key).Append('=').Append(field.Write(command));
        string text = line.ToString();

        // Reading back is the only complete proof that nothing was dropped or mangled.
        Command expected = command;
        expected.Sequence = 0;
        expected.Result = ResultCode.Ok;
        expected.EventCount = 0;
        Command readBack;
        try
        {
            ScriptReader.TryParseLine(text, 1, out readBack);
        }
        catch (ScriptParseException e)
        {
            throw new ArgumentException($"the command cannot be written as a script line ({e.Reason}): {text}", nameof(command));
        }
        if (!readBack.Equals(expected))
            throw new ArgumentException($"the command sets fields a '{verb.Name}' line does not carry: {text}", nameof(command));
        return text;
    }

    /// <summary>Writes every command, one line each.</summary>
    public static void WriteAll(TextWriter writer, IEnumerable<Command> commands)
    {
        foreach (Command command in commands)
            writer.WriteLine(Write(command));
    }
}
