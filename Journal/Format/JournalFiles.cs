using System.Globalization;

namespace TokenMatch.Journal.Format;

/// <summary>
/// File names in a journal directory: segments <c>journal-&lt;first sequence, 20 digits&gt;.tmj</c>,
/// snapshots <c>snapshots/snapshot-&lt;sequence, 20 digits&gt;.tmsnap</c>. Zero-padded, so name order is
/// sequence order.
/// </summary>
public static class JournalFiles
{
    /// <summary>Segment file extension.</summary>
    public const string SegmentExtension = ".tmj";
    /// <summary>Snapshot file extension.</summary>
    public const string SnapshotExtension = ".tmsnap";
    /// <summary>Subdirectory for snapshots.</summary>
    public const string SnapshotDirectory = "snapshots";

    /// <summary>The path of the segment whose first command is <paramref name="firstSequence"/>.</summary>
    public static string SegmentPath(string directory, long firstSequence) =>
        Path.Combine(directory, "journal-" + firstSequence.ToString("D20", CultureInfo.InvariantCulture) + SegmentExtension);

    /// <summary>The path of the snapshot at <paramref name="sequence"/>.</summary>
    public static string SnapshotPath(string directory, long sequence) =>
        Path.Combine(directory, SnapshotDirectory, "snapshot-" + sequence.ToString("D20", CultureInfo.InvariantCulture) + SnapshotExtension);

    /// <summary>Segments of <paramref name="directory"/> with the sequence their names give, in order.</summary>
    public static List<(string Path, long NamedSequence)> Segments(string directory) =>
        List(directory, "journal-", SegmentExtension);

    /// <summary>Snapshots of <paramref name="directory"/> with the sequence their names give, oldest first.</summary>
    public static List<(string Path, long NamedSequence)> Snapshots(string directory) =>
        List(Path.Combine(directory, SnapshotDirectory), "snapshot-", SnapshotExtension);

    private static List<(string, long)> List(string directory, string prefix, string extension)
    {
        var found = new List<(string, long)>();
        if (!Directory.Exists(directory)) return found;
        foreach (string path in Directory.EnumerateFiles(directory, prefix + "*" + extension))
        {
            string name = Path.GetFileName(path);
            string digits = name[prefix.Length..^extension.Length];
            if (digits.Length == 20 && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long sequence))
                found.Add((path, sequence));
        }
        found.Sort((a, b) => a.Item2.CompareTo(b.Item2));
        return found;
    }
}
