using System.Collections.Concurrent;
using TokenMatch.Commands;
using TokenMatch.Events;
using TokenMatch.Pipeline.WaitStrategies;

namespace TokenMatch.Pipeline;

/// <summary>
/// The whole pipeline, wired in one place (<see cref="Build"/>), and its two threads: the core, and
/// the journal-and-release thread (docs/architecture.md). The parts are created by the host's
/// thread before any pipeline thread starts; from then on each mutable part is owned by the thread
/// its own summary names. The side arrays are indexed by command slot and owned, like the slot, by
/// whichever stage is handling that slot.
/// </summary>
internal sealed class EnginePipeline
{
    private readonly (IStageProcessor Processor, string Name)[] _stages;
    private Thread[] _threads = [];

    private EnginePipeline(RingBuffer<Command> commands, ICommandCallback?[] callbacks, IStageProcessor core, IStageProcessor release,
        ConcurrentQueue<QueryWork> queries, SequenceBarrier coreBarrier, SubscriberList subscribers, PipelineStatus status,
        object queryTarget)
    {
        Commands = commands;
        Callbacks = callbacks;
        Core = core;
        Release = release;
        Queries = queries;
        CoreBarrier = coreBarrier;
        Subscribers = subscribers;
        Status = status;
        QueryTarget = queryTarget;
        _stages = [(core, "core"), (release, "release")];
    }

    /// <summary>The command ring: many producers (or one, if configured), gated by the release stage.</summary>
    public RingBuffer<Command> Commands { get; }

    /// <summary>Per command slot: who to answer. Written by the slot's producer before publish, cleared by the release stage.</summary>
    public ICommandCallback?[] Callbacks { get; }

    /// <summary>Stage 2a: the matching core.</summary>
    public IStageProcessor Core { get; }

    /// <summary>Stage 2b: the journal and the release of results, events, checkpoints, snapshots and query answers.</summary>
    public IStageProcessor Release { get; }

    /// <summary>Queries waiting for the core thread.</summary>
    public ConcurrentQueue<QueryWork> Queries { get; }

    /// <summary>The core's barrier, alerted to make the core look at <see cref="Queries"/>.</summary>
    public SequenceBarrier CoreBarrier { get; }

    /// <summary>Event subscribers.</summary>
    public SubscriberList Subscribers { get; }

    /// <summary>Faults and queries in flight.</summary>
    public PipelineStatus Status { get; }

    /// <summary>What queries run against.</summary>
    public object QueryTarget { get; }

    /// <summary>Builds every ring and stage around <paramref name="executor"/>.</summary>
    public static EnginePipeline Build<TExecutor>(EngineHostOptions options, TExecutor executor)
        where TExecutor : ICommandExecutor
    {
        var status = new PipelineStatus(options.OnError);

        // Stage 1, producers: any thread claims a command slot, writes the command in place, stamps
        // its sequence and time, and publishes. The ring is sized once and never grows. The first
        // command gets options.FirstSequence, so that after recovery sequences continue.
        IWaitStrategy commandWait = WaitStrategyFactory.Create(options.WaitStrategy);
        long before = options.FirstSequence - 1;
        RingBuffer<Command> commands = options.SingleProducer
            ? RingBuffer<Command>.CreateSingleProducer(options.CommandRingSize, commandWait, before)
            : RingBuffer<Command>.CreateMultiProducer(options.CommandRingSize, commandWait, before);
        var callbacks = new ICommandCallback?[commands.Size];
        var eventEnds = new long[commands.Size];

        // The event ring: the core thread is its only producer, the release thread its only consumer.
        RingBuffer<Event> events = RingBuffer<Event>.CreateSingleProducer(
            options.EventRingSize, WaitStrategyFactory.Create(options.WaitStrategy));

        // Every stage's progress, created first because each side gates on the other.
        var coreSequence = new Sequence(before);
        var releaseSequence = new Sequence(before);
        var eventSequence = new Sequence();
        var queries = new ConcurrentQueue<QueryWork>();
        var answers = new ConcurrentQueue<QueryWork>();
        var notes = new CoreNotes();
        var subscribers = new SubscriberList();

        // Stage 2b, journal and release: follows the producers (it journals every published batch
        // at once, never waiting for the core), then, up to the lesser of the core's and the
        // journal's sequence, delivers events, answers callbacks, checkpoints, snapshots and
        // queries, and frees the slots. The core alerts its barrier when it moves on, or waits for
        // event space. Producers reuse a slot only once this stage has passed it; the core reuses
        // an event slot only once this stage has delivered it.
        SequenceBarrier releaseBarrier = commands.Sequencer.NewBarrier();
        var release = new ReleaseStage(commands, events, releaseBarrier, options.Journal, callbacks, eventEnds,
            coreSequence, releaseSequence, eventSequence, answers, notes, subscribers, status);
        commands.Sequencer.AddGatingSequences(releaseSequence);
        events.Sequencer.AddGatingSequences(eventSequence);

        // Stage 2a, core: follows the producers in parallel with the journal, on the same slots;
        // runs each command, streams its events into the event ring (waking the release thread and
        // waiting when it is full), takes the checkpoints and snapshots due, and runs queries
        // between batches.
        var sink = new EventRingSink(events, releaseBarrier);
        SequenceBarrier coreBarrier = commands.Sequencer.NewBarrier();
        var core = new BatchProcessor<Command, CoreStage<TExecutor>>(commands, coreBarrier,
            new CoreStage<TExecutor>(executor, sink, eventEnds, coreSequence, queries, answers, releaseBarrier, status, notes, options),
            coreSequence);

        return new EnginePipeline(commands, callbacks, core, release, queries, coreBarrier, subscribers, status, executor.QueryTarget);
    }

    /// <summary>Starts one thread per stage.</summary>
    public void Start(string threadNamePrefix)
    {
        _threads = new Thread[_stages.Length];
        for (int i = 0; i < _stages.Length; i++)
        {
            IStageProcessor processor = _stages[i].Processor;
            _threads[i] = new Thread(processor.Run) { Name = $"{threadNamePrefix}-{_stages[i].Name}", IsBackground = true };
        }
        foreach (Thread thread in _threads) thread.Start();
    }

    /// <summary>True when called on one of the pipeline's threads.</summary>
    public bool IsPipelineThread() => Array.IndexOf(_threads, Thread.CurrentThread) >= 0;

    /// <summary>Halts every stage (each finishes what is available first) and waits for its thread.</summary>
    public void HaltAndJoin()
    {
        foreach ((IStageProcessor processor, string _) in _stages) processor.Halt();
        foreach (Thread thread in _threads) thread.Join();
    }
}
