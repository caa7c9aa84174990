namespace TokenMatch.Journal.Reading;

/// <summary>A segment file as the reader found it.</summary>
/// <param name="Path">The file.</param>
/// <param name="FirstSequence">The sequence its header (and name) give its first command.</param>
/// <param name="Length">File length in bytes when opened.</param>
public sealed record SegmentInfo(string Path, long FirstSequence, long Length);
