using System.Runtime.CompilerServices;
using TokenMatch.Commands;

namespace TokenMatch.Pipeline;

/// <summary>
/// Stage 2b: the journal, reading the same slots as the core in parallel with it. Owned by the
/// journal thread. A failing journal is fatal to the host (it stops accepting commands); the
/// stage then lets the pipeline drain so that nothing accepted is left unanswered.
/// </summary>
internal struct JournalStage(IJournalConsumer journal, PipelineStatus status) : IBatchHandler<Command>
{
    private bool _faulted;

    /// <inheritdoc/>
    public void OnBatch(RingBuffer<Command> ring, long first, long last)
    {
        if (_faulted) return;
        try
        {
            ring.GetSpans(first, last, out Span<Command> head, out Span<Command> tail);
            journal.OnCommands(head, tail.IsEmpty);
            if (!tail.IsEmpty) journal.OnCommands(tail, true);
        }
        catch (Exception e)
        {
            OnJournalFault(first, e);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void OnJournalFault(long first, Exception e)
    {
        _faulted = true;
        status.ReportFatal(new InvalidOperationException($"The journal failed on the batch from command {first}; the engine stopped accepting commands.", e));
    }

    /// <inheritdoc/>
    public readonly void OnAlert() { }
}
