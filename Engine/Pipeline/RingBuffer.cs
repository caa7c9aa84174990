using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TokenMatch.Pipeline;

/// <summary>
/// A pre-allocated power-of-two array of struct slots, reused in place: a producer claims a
/// sequence from <see cref="Sequencer"/>, writes the slot through <see cref="this[long]"/> and
/// publishes it; consumers read (and, when the pipeline says so, write) the slot in place. A slot
/// belongs to its producer between claim and publish, then to the consumers in gating order, then
/// again to a producer once every gating consumer has passed it. The array has padding slots at
/// both ends so that no other object shares a cache line with the first or last slot.
/// </summary>
/// <typeparam name="T">The slot type.</typeparam>
public sealed class RingBuffer<T> where T : struct
{
    private readonly T[] _entries;
    private readonly int _padding;
    private readonly int _mask;

    /// <summary>Creates a ring over <paramref name="sequencer"/>'s positions.</summary>
    public RingBuffer(Sequencer sequencer)
    {
        ArgumentNullException.ThrowIfNull(sequencer);
        Sequencer = sequencer;
        int slotSize = Math.Max(1, Unsafe.SizeOf<T>());
        _padding = (PaddedLong.Size + slotSize - 1) / slotSize;
        _entries = new T[sequencer.BufferSize + 2 * _padding];
        _mask = sequencer.BufferSize - 1;
    }

    /// <summary>A ring of <paramref name="size"/> slots for one producer thread; the first claim gets <paramref name="initialCursor"/> + 1.</summary>
    public static RingBuffer<T> CreateSingleProducer(int size, WaitStrategies.IWaitStrategy waitStrategy, long initialCursor = Sequence.InitialValue) =>
        new(new SingleProducerSequencer(size, waitStrategy, initialCursor));

    /// <summary>A ring of <paramref name="size"/> slots for any number of producer threads; the first claim gets <paramref name="initialCursor"/> + 1.</summary>
    public static RingBuffer<T> CreateMultiProducer(int size, WaitStrategies.IWaitStrategy waitStrategy, long initialCursor = Sequence.InitialValue) =>
        new(new MultiProducerSequencer(size, waitStrategy, initialCursor));

    /// <summary>The sequencer that hands out this ring's positions.</summary>
    public Sequencer Sequencer { get; }

    /// <summary>Unused slots before the first and after the last slot (layout test).</summary>
    internal int PaddingSlots => _padding;

    /// <summary>Number of slots.</summary>
    public int Size => _mask + 1;

    /// <summary>The slot for <paramref name="sequence"/>.</summary>
    public ref T this[long sequence]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_entries), _padding + ((int)sequence & _mask));
    }

    /// <summary>The slot index (0 to <see cref="Size"/> − 1) of <paramref name="sequence"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int IndexOf(long sequence) => (int)sequence & _mask;

    /// <summary>
    /// The slots <paramref name="first"/> to <paramref name="last"/> as up to two contiguous spans
    /// (two when the range wraps past the end of the array).
    /// </summary>
    public void GetSpans(long first, long last, out Span<T> head, out Span<T> tail)
    {
        int count = (int)(last - first + 1);
        int start = IndexOf(first);
        int headCount = Math.Min(count, Size - start);
        head = _entries.AsSpan(_padding + start, headCount);
        tail = _entries.AsSpan(_padding, count - headCount);
    }
}
