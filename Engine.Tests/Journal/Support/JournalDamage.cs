using TokenMatch.Journal.Reading;

namespace TokenMatch.Tests.Journal.Support;

/// <summary>Where records sit in a journal, and ways to damage a copy of it.</summary>
internal static class JournalDamage
{
    /// <summary>Every record's segment path, frame offset and frame length, in order.</summary>
    public static List<(string File, long Offset, long Length)> Records(string directory)
    {
        var reader = new JournalReader(directory);
        var entry = new JournalEntry();
        var found = new List<(string File, long Offset)>();
        while (reader.Read(ref entry)) found.Add((reader.Segments[entry.Segment].Path, entry.Offset));
        var records = new List<(string, long, long)>();
        for (int i = 0; i < found.Count; i++)
        {
            long end = i + 1 < found.Count && found[i + 1].File == found[i].File ? found[i + 1].Offset : new FileInfo(found[i].File).Length;
            records.Add((found[i].File, found[i].Offset, end - found[i].Offset));
        }
        return records;
    }

    /// <summary>Copies <paramref name="from"/> (files and the snapshots folder) into <paramref name="to"/>.</summary>
    public static void Copy(string from, string to)
    {
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    /// <summary>Flips bit <paramref name="bit"/> of the byte at <paramref name="offset"/>.</summary>
    public static void FlipBit(string file, long offset, int bit)
    {
        byte[] bytes = File.ReadAllBytes(file);
        bytes[offset] ^= (byte)(1 << bit);
        File.WriteAllBytes(file, bytes);
    }

    /// <summary>Cuts <paramref name="file"/> to <paramref name="length"/> bytes.</summary>
    public static void Truncate(string file, long length)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Write);
        stream.SetLength(length);
    }

    /// <summary>Reads every record; returns how many commands came before the exception (or all, and null).</summary>
    public static (int Commands, JournalCorruptException? Error, TornTail? Torn) ReadAll(string directory, JournalReaderOptions? options = null)
    {
        var reader = new JournalReader(directory, options);
        var entry = new JournalEntry();
        int commands = 0;
        try
        {
            while (reader.Read(ref entry))
                if (entry.Kind == TokenMatch.Journal.Format.RecordKind.Command) commands++;
        }
        catch (JournalCorruptException e)
        {
            return (commands, e, null);
        }
        return (commands, null, reader.Torn);
    }
}
