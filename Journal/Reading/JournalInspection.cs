using TokenMatch.Commands;
using TokenMatch.Journal.Format;
using TokenMatch.Journal.Snapshots;

namespace TokenMatch.Journal.Reading;

/// <summary>
/// What a journal directory holds, read without running anything (<c>tokenmatch journal inspect</c>):
/// segments, records per command type, sequence and time ranges, markets created, checkpoints,
/// snapshots, and the first damage found (reading stops there, as start-up would).
/// </summary>
public sealed class JournalInspection
{
    /// <summary>Segments read, in order.</summary>
    public List<SegmentSummary> Segments { get; } = new();
    /// <summary>Command records by type.</summary>
    public SortedDictionary<CommandType, long> CommandsByType { get; } = new();
    /// <summary>Markets created (id → symbol).</summary>
    public SortedDictionary<int, string> Markets { get; } = new();
    /// <summary>Checkpoints (sequence, recorded state hash), in journal order.</summary>
    public List<(long Sequence, ulong Hash)> Checkpoints { get; } = new();
    /// <summary>Snapshot files (path, sequence, null when whole or what is wrong).</summary>
    public List<(string Path, long Sequence, string? Problem)> Snapshots { get; } = new();
    /// <summary>Commands read.</summary>
    public long Commands { get; private set; }
    /// <summary>First command sequence (−1 when none).</summary>
    public long FirstSequence { get; private set; } = -1;
    /// <summary>Last command sequence (−1 when none).</summary>
    public long LastSequence { get; private set; } = -1;
    /// <summary>Earliest command timestamp (ns).</summary>
    public long FirstTime { get; private set; } = long.MaxValue;
    /// <summary>Latest command timestamp (ns).</summary>
    public long LastTime { get; private set; } = long.MinValue;
    /// <summary>A torn last record, or null.</summary>
    public TornTail? Torn { get; private set; }
    /// <summary>Damage before the tail (reading stopped there), or null.</summary>
    public JournalCorruptException? Damage { get; private set; }

    /// <summary>Reads <paramref name="directory"/> whole.</summary>
    public static JournalInspection Of(string directory)
    {
        var result = new JournalInspection();
        var reader = new JournalReader(directory);
        var entry = new JournalEntry();
        try
        {
            while (reader.Read(ref entry)) result.Add(reader, ref entry);
        }
        catch (JournalCorruptException e)
        {
            result.Damage = e;
        }
        result.Torn = reader.Torn;
        foreach ((string path, long named) in JournalFiles.Snapshots(directory))
            result.Snapshots.Add((path, named, SnapshotFile.TryRead(path, named, out _, out _)));
        return result;
    }

    private void Add(JournalReader reader, ref JournalEntry entry)
    {
        while (Segments.Count <= entry.Segment)
        {
            SegmentInfo info = reader.Segments[Segments.Count];
            Segments.Add(new SegmentSummary { Path = info.Path, Length = info.Length, FirstSequence = info.FirstSequence, LastSequence = info.FirstSequence - 1 });
        }
        SegmentSummary segment = Segments[entry.Segment];
        if (entry.Kind == RecordKind.Checkpoint)
        {
            segment.Checkpoints++;
            Checkpoints.Add((entry.CheckpointSequence, entry.StateHash));
            return;
        }
        ref Command c = ref entry.Command;
        segment.Commands++;
        segment.LastSequence = c.Sequence;
        Commands++;
        if (FirstSequence < 0) FirstSequence = c.Sequence;
        LastSequence = c.Sequence;
        FirstTime = Math.Min(FirstTime, c.Timestamp);
        LastTime = Math.Max(LastTime, c.Timestamp);
        CommandsByType[c.Type] = CommandsByType.GetValueOrDefault(c.Type) + 1;
        if (c.Type == CommandType.CreateMarket && MarketSymbol.IsValidPacked(c.OrderId, c.ClientId))
            Markets.TryAdd(c.Market, MarketSymbol.Unpack(c.OrderId, c.ClientId));
    }
}
