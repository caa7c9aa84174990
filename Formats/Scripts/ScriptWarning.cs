namespace TokenMatch.Formats.Scripts;

/// <summary>
/// Input that is accepted but adjusted silently unless someone says so: a time earlier than the line
/// before it (the engine runs it at the earlier line's time), a LOBSTER day with no date anywhere.
/// <paramref name="Line"/> is 1-based, 0 when the warning is about a whole file.
/// </summary>
public sealed record ScriptWarning(int Line, string Field, string Message)
{
    /// <summary><c>file:line: field 'f': message</c> (or <c>file: message</c> for a whole file).</summary>
    public string Format(string file) => Line > 0 ? $"{file}:{Line}: field '{Field}': {Message}" : $"{file}: {Message}";
}
