namespace TokenMatch.Journal.Reading;

/// <summary>
/// An incomplete last record of the last segment — what a crash in the middle of a write leaves.
/// Recovery cuts it off (with a warning built from these fields); nothing before it is lost.
/// </summary>
/// <param name="File">The last segment.</param>
/// <param name="Offset">Where the incomplete record starts: the file is cut back to this length.</param>
/// <param name="Bytes">Bytes from <paramref name="Offset"/> to the end of the file.</param>
/// <param name="Reason">Why it is taken for a torn write.</param>
public sealed record TornTail(string File, long Offset, long Bytes, string Reason)
{
    /// <summary>Names the file, the offset and why.</summary>
    public override string ToString() => $"torn last record in {File} at offset {Offset} ({Bytes} bytes: {Reason})";
}
