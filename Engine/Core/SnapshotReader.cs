using System.Runtime.CompilerServices;

namespace TokenMatch.Core;

/// <summary>
/// Walks a snapshot payload record by record; a record that runs past the end is a clear
/// <see cref="InvalidDataException"/> naming what was being read and where. Used by
/// <see cref="ExchangeCore.ReadSnapshot"/> on the calling thread.
/// </summary>
internal ref struct SnapshotReader(ReadOnlySpan<byte> payload)
{
    private readonly ReadOnlySpan<byte> _payload = payload;
    private int _position;

    /// <summary>Bytes read so far: the offset of the next record.</summary>
    public readonly int Position => _position;

    /// <summary>Bytes not yet read.</summary>
    public readonly int Remaining => _payload.Length - _position;

    /// <summary>The next <paramref name="size"/> bytes, which hold <paramref name="what"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<byte> Take(int size, string what)
    {
        if (Remaining < size) Truncated(size, what);
        ReadOnlySpan<byte> record = _payload.Slice(_position, size);
        _position += size;
        return record;
    }

    /// <summary>Checks that <paramref name="count"/> records of <paramref name="size"/> bytes can still follow.</summary>
    public readonly void CheckCount(long count, int size, string what)
    {
        if (count < 0 || count > Remaining / size)
            throw new InvalidDataException($"Snapshot payload damaged: {count} {what} at offset {_position} cannot fit in the {Remaining} bytes left.");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly void Truncated(int size, string what) =>
        throw new InvalidDataException($"Snapshot payload truncated: {what} needs {size} bytes at offset {_position}, {Remaining} left.");
}
