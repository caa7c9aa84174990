namespace TokenMatch.Journal.Format;

/// <summary>The first byte of a record body. Values are part of the journal format: never renumber.</summary>
public enum RecordKind : byte
{
    /// <summary>One sequenced command with the timestamp the core ran it at (<see cref="CommandRecord"/>).</summary>
    Command = 1,
    /// <summary>The state hash after a sequence (<see cref="CheckpointRecord"/>), checked by <c>replay --verify</c>.</summary>
    Checkpoint = 2,
}
