namespace TokenMatch.Formats.Lobster;

/// <summary>A LOBSTER file that cannot be read: names the file, the row (0-based, as LOBSTER counts) and the reason.</summary>
public sealed class LobsterFormatException : Exception
{
    /// <summary>Creates the exception for <paramref name="row"/> of <paramref name="file"/> (row −1: the file as a whole).</summary>
    public LobsterFormatException(string file, long row, string reason)
        : base(row >= 0 ? $"{file}: row {row} (line {row + 1}): {reason}" : $"{file}: {reason}")
    {
        File = file;
        Row = row;
        Reason = reason;
    }

    /// <summary>The file (or zip entry) being read.</summary>
    public string File { get; }

    /// <summary>0-based row of the offending line, or −1 when the problem is the file as a whole.</summary>
    public long Row { get; }

    /// <summary>What is wrong with the row.</summary>
    public string Reason { get; }
}
