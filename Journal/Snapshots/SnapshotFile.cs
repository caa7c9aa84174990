using TokenMatch.Journal.Format;
using TokenMatch.Journal.IO;

namespace TokenMatch.Journal.Snapshots;

/// <summary>Writes and reads snapshot files (<see cref="SnapshotHeader"/> + the engine's payload).</summary>
public static class SnapshotFile
{
    /// <summary>
    /// Writes the snapshot at <paramref name="sequence"/> into <c>&lt;directory&gt;/snapshots/</c>: to a
    /// temporary file, fsynced when <paramref name="durable"/>, then renamed into place and the
    /// directory fsynced, so that a crash leaves either no new snapshot or a whole one. Returns the path.
    /// </summary>
    public static string Write(string directory, long sequence, ReadOnlySpan<byte> payload, bool durable = true)
    {
        string path = JournalFiles.SnapshotPath(directory, sequence);
        string folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        string temporary = path + ".tmp";
        Span<byte> header = stackalloc byte[SnapshotHeader.Length];
        SnapshotHeader.Write(header, sequence, payload.Length, Crc32C.Compute(payload));
        using (var file = File.OpenHandle(temporary, FileMode.Create, FileAccess.Write))
        {
            RandomAccess.Write(file, header, 0);
            RandomAccess.Write(file, payload, SnapshotHeader.Length);
            if (durable) RandomAccess.FlushToDisk(file);
        }
        File.Move(temporary, path, overwrite: true);
        if (durable) DirectorySync.Flush(folder);
        return path;
    }

    /// <summary>
    /// Reads and checks a snapshot file. Returns null and the payload when it is whole, else what is
    /// wrong with it (the caller then falls back to an older one).
    /// </summary>
    public static string? TryRead(string path, long namedSequence, out long sequence, out ReadOnlyMemory<byte> payload)
    {
        payload = ReadOnlyMemory<byte>.Empty;
        sequence = -1;
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (IOException e)
        {
            return $"it could not be read ({e.Message})";
        }
        string? problem = SnapshotHeader.Validate(bytes, out sequence, out long length, out uint crc);
        if (problem is not null) return problem;
        if (sequence != namedSequence) return $"its header says sequence {sequence}, its name {namedSequence}";
        if (length != bytes.Length - SnapshotHeader.Length) return $"its header says {length} payload bytes, the file holds {bytes.Length - SnapshotHeader.Length}";
        ReadOnlySpan<byte> body = bytes.AsSpan(SnapshotHeader.Length);
        if (Crc32C.Compute(body) != crc) return "its payload's CRC does not match";
        payload = bytes.AsMemory(SnapshotHeader.Length);
        return null;
    }
}
