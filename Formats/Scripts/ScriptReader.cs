using TokenMatch.Commands;

namespace TokenMatch.Formats.Scripts;

/// <summary>
/// Reads command scripts (docs/command-script.md): one command a line, <c>TIME VERB key=value ...</c>,
/// <c>#</c> comments and blank lines allowed. A line that does not parse throws
/// <see cref="ScriptParseException"/> naming the line and the field; nothing else is thrown for bad text.
/// </summary>
public static class ScriptReader
{
    /// <summary>
    /// Parses one line. Returns false for a blank or comment-only line; otherwise fills
    /// <paramref name="command"/> (sequence, result and event count left zero).
    /// </summary>
    /// <exception cref="ScriptParseException">The line does not parse.</exception>
    public static bool TryParseLine(string line, int lineNumber, out Command command)
    {
        command = default;
        List<string> tokens = Tokenize(line);
        if (tokens.Count == 0) return false;
        if (!ScriptTime.TryParse(tokens[0], out long timestamp, out string error))
            throw new ScriptParseException(lineNumber, "time", error);
        if (tokens.Count < 2)
            throw new ScriptParseException(lineNumber, "verb", "missing: a line is TIME VERB key=value ...");
        ScriptVerb verb = ScriptVerbs.Find(tokens[1])
            ?? throw new ScriptParseException(lineNumber, "verb",
                $"unknown verb '{tokens[1]}' (expected one of: {string.Join(", ", ScriptVerbs.All.Select(v => v.Name))})");

        command.Type = verb.Type;
        command.Timestamp = timestamp;
        // A command starts zeroed, so only non-zero defaults need setting (setting abs=0 would change the price kind).
        foreach (ScriptField field in verb.Fields)
            if (!field.Required && field.Default != 0) command = field.Set!(command, field.Default);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 2; i < tokens.Count; i++)
        {
            string token = tokens[i];
            int eq = token.IndexOf('=');
            if (eq <= 0)
                throw new ScriptParseException(lineNumber, token, $"expected key=value (fields of '{verb.Name}': {verb.KeyList})");
            string key = token[..eq];
            string value = token[(eq + 1)..];
            ScriptField field = verb.Find(key)
                ?? throw new ScriptParseException(lineNumber, key, $"'{verb.Name}' has no such field (fields: {verb.KeyList})");
            if (!seen.Add(key))
                throw new ScriptParseException(lineNumber, key, "given twice");
            if (value.Length == 0)
                throw new ScriptParseException(lineNumber, key, "empty value");
            if (!field.TryRead(ref command, value, out error))
                throw new ScriptParseException(lineNumber, key, error);
        }
        foreach (ScriptField field in verb.Fields)
            if (field.Required && !seen.Contains(field.Key))
                throw new ScriptParseException(lineNumber, field.Key, $"missing (required by '{verb.Name}')");
        if (verb.Rule?.Invoke(seen) is var (badField, reason))
            throw new ScriptParseException(lineNumber, badField, reason);
        return true;
    }

    /// <summary>
    /// Reads every command of a script with its 1-based line number, lazily, line by line.
    /// </summary>
    /// <exception cref="ScriptParseException">A line does not parse (thrown when that line is reached).</exception>
    public static IEnumerable<(int Line, Command Command)> ReadAll(TextReader reader)
    {
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (TryParseLine(line, lineNumber, out Command command))
                yield return (lineNumber, command);
        }
    }

    // Whitespace separates tokens; a token that starts with '#' starts a comment running to the end of the line.
    private static List<string> Tokenize(string line)
    {
        var tokens = new List<string>();
        foreach (string token in line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.StartsWith('#')) break;
            tokens.Add(token);
        }
        return tokens;
    }
}
