namespace TokenMatch.Formats.Scripts;

/// <summary>
/// A command-script line that does not parse. Carries the 1-based line number and the field at fault
/// (<c>time</c>, <c>verb</c>, or a key such as <c>qty</c>), so a message can point a human at the spot.
/// Bad input, not a bug: the runner reports it and exits with code 2.
/// </summary>
public sealed class ScriptParseException : Exception
{
    /// <summary>Creates the exception for line <paramref name="lineNumber"/>, field <paramref name="field"/>.</summary>
    public ScriptParseException(int lineNumber, string field, string reason)
        : base($"line {lineNumber}: field '{field}': {reason}")
    {
        LineNumber = lineNumber;
        Field = field;
        Reason = reason;
    }

    /// <summary>1-based line number in the script.</summary>
    public int LineNumber { get; }

    /// <summary>The field at fault: <c>time</c>, <c>verb</c>, or a field key.</summary>
    public string Field { get; }

    /// <summary>What is wrong with it, without the line and field.</summary>
    public string Reason { get; }
}
