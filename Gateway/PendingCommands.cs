using TokenMatch.Commands;
using TokenMatch.Gateway.Sessions;
using TokenMatch.Pipeline;

namespace TokenMatch.Gateway;

/// <summary>
/// Who is waiting for each command in flight, in an array parallel to the command ring (indexed by
/// sequence modulo its size): written by the session that claimed the slot before it publishes,
/// completed by the event thread (the order id of an accepted place) and read by the responder
/// thread in <see cref="OnResult"/> — the pipeline's sequences order those three. One instance
/// serves every command: no allocation per command.
/// </summary>
internal sealed class PendingCommands : ICommandCallback
{
    private struct Entry
    {
        public Session? Session;
        public long Sequence;
        public long Correlation;
        public long OrderId;
    }

    private readonly Entry[] _entries;
    private readonly long _mask;

    public PendingCommands(int ringSize)
    {
        _entries = new Entry[ringSize];
        _mask = ringSize - 1;
    }

    /// <summary>Records the waiter of a claimed, not yet published sequence.</summary>
    public void Set(long sequence, Session session, long correlation)
    {
        ref Entry e = ref _entries[sequence & _mask];
        e.Session = session;
        e.Sequence = sequence;
        e.Correlation = correlation;
        e.OrderId = 0;
    }

    /// <summary>Event thread: the first order id a gateway command's accepted event names.</summary>
    public void NoteOrderId(long sequence, long orderId)
    {
        ref Entry e = ref _entries[sequence & _mask];
        if (e.Sequence == sequence && e.Session is not null && e.OrderId == 0) e.OrderId = orderId;
    }

    /// <summary>Responder thread: answers the waiting session.</summary>
    public void OnResult(in Command command)
    {
        ref Entry e = ref _entries[command.Sequence & _mask];
        Session? session = e.Session;
        if (session is null || e.Sequence != command.Sequence) return;
        e.Session = null;
        session.OnCommandResult(e.Correlation, in command, e.OrderId);
    }
}
