namespace TokenMatch.Journal.Reading;

/// <summary>
/// The journal (or a snapshot the caller insisted on) is damaged before its tail, or is of a newer
/// format: start-up must stop. Says which file, at which byte offset, what is wrong and what to do.
/// Exceptions are right here: this is corrupt storage, not a rejected command.
/// </summary>
public sealed class JournalCorruptException : Exception
{
    /// <summary>Builds the exception; the message joins all four parts.</summary>
    public JournalCorruptException(string file, long offset, string problem, string advice)
        : base($"{file}, offset {offset}: {problem}. {advice}")
    {
        File = file;
        Offset = offset;
        Problem = problem;
        Advice = advice;
    }

    /// <summary>The damaged file.</summary>
    public string File { get; }

    /// <summary>Byte offset in <see cref="File"/> where the damage starts (the start of the bad record or header).</summary>
    public long Offset { get; }

    /// <summary>What is wrong.</summary>
    public string Problem { get; }

    /// <summary>What to do about it.</summary>
    public string Advice { get; }

    /// <summary>The advice for damage before the tail.</summary>
    internal static string RepairAdvice(string directory) =>
        $"Records before this point are intact. Restore the file from a replica or backup, or run `tokenmatch journal repair {directory}` to see what truncating here would drop (and `--yes` to do it)";
}
