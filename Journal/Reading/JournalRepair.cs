using TokenMatch.Journal.Format;

namespace TokenMatch.Journal.Reading;

/// <summary>
/// <c>tokenmatch journal repair</c>: finds the first bad record (a torn tail or damage before it)
/// and plans the cut — the rest of that file, every later segment, and every snapshot newer than
/// what is left (it would no longer match the journal). <see cref="Apply"/> does exactly what
/// <see cref="Drops"/> lists, nothing else.
/// </summary>
public sealed class JournalRepair
{
    private JournalRepair(string directory) => Directory = directory;

    /// <summary>The journal directory.</summary>
    public string Directory { get; }

    /// <summary>What is wrong (null: nothing to repair).</summary>
    public string? Problem { get; private set; }

    /// <summary>Commands kept (all records before the first bad one).</summary>
    public long CommandsKept { get; private set; }

    /// <summary>The last command kept (−1 when none).</summary>
    public long LastKept { get; private set; } = -1;

    /// <summary>What <see cref="Apply"/> removes: file, from offset (0 = the whole file), bytes.</summary>
    public List<(string File, long Offset, long Bytes)> Drops { get; } = new();

    /// <summary>Plans the repair of <paramref name="directory"/>; changes nothing.</summary>
    public static JournalRepair Plan(string directory)
    {
        var plan = new JournalRepair(directory);
        var reader = new JournalReader(directory);
        var entry = new JournalEntry();
        (string File, long Offset)? cut = null;
        try
        {
            while (reader.Read(ref entry))
                if (entry.Kind == RecordKind.Command) plan.CommandsKept++;
            if (reader.Torn is TornTail torn)
            {
                plan.Problem = torn.ToString();
                cut = (torn.File, torn.Offset);
            }
        }
        catch (JournalCorruptException e)
        {
            plan.Problem = $"{e.File}, offset {e.Offset}: {e.Problem}";
            cut = (e.File, e.Offset < SegmentHeader.Length ? 0 : e.Offset);
        }
        plan.LastKept = reader.LastSequence;
        if (cut is not (string file, long offset)) return plan;
        bool after = false;
        foreach ((string path, _) in JournalFiles.Segments(directory))
        {
            long length = new FileInfo(path).Length;
            if (path == file)
            {
                after = true;
                plan.Drops.Add((path, offset, length - offset));
            }
            else if (after)
            {
                plan.Drops.Add((path, 0, length));
            }
        }
        if (!after) plan.Drops.Add((file, offset, new FileInfo(file).Length - offset));
        foreach ((string path, long sequence) in JournalFiles.Snapshots(directory))
            if (sequence > plan.LastKept) plan.Drops.Add((path, 0, new FileInfo(path).Length));
        return plan;
    }

    /// <summary>Does what <see cref="Drops"/> lists: truncates the damaged file, deletes the files after it.</summary>
    public void Apply()
    {
        foreach ((string file, long offset, _) in Drops)
        {
            if (offset == 0)
            {
                File.Delete(file);
                continue;
            }
            using var handle = File.OpenHandle(file, FileMode.Open, FileAccess.ReadWrite);
            RandomAccess.SetLength(handle, offset);
            RandomAccess.FlushToDisk(handle);
        }
    }
}
