using System.Buffers;

namespace TokenMatch.Pipeline;

/// <summary>
/// What the core thread hands the release thread beside results and events: a checkpoint (the
/// state hash after <see cref="Sequence"/>) or a snapshot (its payload in <see cref="Snapshot"/>).
/// Immutable once enqueued.
/// </summary>
/// <param name="Sequence">The command the note was taken right after.</param>
/// <param name="Hash">The state hash (a checkpoint), or 0.</param>
/// <param name="Snapshot">The snapshot payload (a snapshot), or null for a checkpoint.</param>
internal readonly record struct CoreNote(long Sequence, ulong Hash, ArrayBufferWriter<byte>? Snapshot);
