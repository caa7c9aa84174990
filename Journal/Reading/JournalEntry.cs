using TokenMatch.Commands;
using TokenMatch.Journal.Format;

namespace TokenMatch.Journal.Reading;

/// <summary>One record as <see cref="JournalReader"/> hands it out (reused between reads).</summary>
public struct JournalEntry
{
    /// <summary>Command or checkpoint.</summary>
    public RecordKind Kind;
    /// <summary>The command (kind command): input fields, sequence and timestamp; outputs zero.</summary>
    public Command Command;
    /// <summary>Kind checkpoint: the last command the hash includes.</summary>
    public long CheckpointSequence;
    /// <summary>Kind checkpoint: the recorded state hash.</summary>
    public ulong StateHash;
    /// <summary>Index of the segment in <see cref="JournalReader.Segments"/>.</summary>
    public int Segment;
    /// <summary>Byte offset of the record's frame in its segment.</summary>
    public long Offset;
}
