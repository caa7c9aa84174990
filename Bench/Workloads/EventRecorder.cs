using System.Runtime.CompilerServices;
using TokenMatch.Events;

namespace TokenMatch.Bench.Workloads;

/// <summary>
/// An event sink that copies events into a pre-allocated buffer, for the generator to read after each
/// command. Grows (rarely, off the hot path) only when one command produces more events than it has
/// room for. Owned by the thread that runs the core.
/// </summary>
public sealed class EventRecorder : IEventSink
{
    private Event[] _events;
    private int _count;

    /// <summary>Creates a recorder with room for <paramref name="capacity"/> events.</summary>
    public EventRecorder(int capacity = 4096) => _events = new Event[Math.Max(16, capacity)];

    /// <summary>Events recorded since the last <see cref="Clear"/>.</summary>
    public ReadOnlySpan<Event> Events => new(_events, 0, _count);

    /// <summary>Forgets the recorded events (the buffer is kept).</summary>
    public void Clear() => _count = 0;

    /// <inheritdoc/>
    public void OnEvents(ReadOnlySpan<Event> events)
    {
        if (_count + events.Length > _events.Length) Grow(_count + events.Length);
        events.CopyTo(_events.AsSpan(_count));
        _count += events.Length;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(int needed)
    {
        int size = _events.Length;
        while (size < needed) size *= 2;
        Array.Resize(ref _events, size);
    }
}
