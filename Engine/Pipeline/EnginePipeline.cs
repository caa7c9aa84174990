using System.Collections.Concurrent;
using TokenMatch.Commands;
using TokenMatch.Events;
using TokenMatch.Pipeline.WaitStrategies;

namespace TokenMatch.Pipeline;

/// <summary>
/// The whole pipeline, wired in one place (<see cref="Build"/>), and its threads. The parts are
/// created by the host's thread before any pipeline thread starts; from then on each mutable part
/// is owned by the thread its own summary names. The side arrays are indexed by command slot and
/// owned, like the slot, by whichever stage is handling that slot.
/// </summary>
internal sealed class EnginePipeline
{
    private readonly (IStageProcessor Processor, string Name)[] _stages;
    private Thread[] _threads = [];

    private EnginePipeline(RingBuffer<Command> commands, RingBuffer<Event> events, ICommandCallback?[] callbacks,
        IStageProcessor core, IStageProcessor journal, IStageProcessor eventFeed, IStageProcessor responder,
        ConcurrentQueue<QueryWork> queries, SequenceBarrier coreBarrier, SubscriberList subscribers, PipelineStatus status,
        object queryTarget)
    {
        Commands = commands;
        Events = events;
        Callbacks = callbacks;
        Core = core;
        Journal = journal;
        EventFeed = eventFeed;
        Responder = responder;
        Queries = queries;
        CoreBarrier = coreBarrier;
        Subscribers = subscribers;
        Status = status;
        QueryTarget = queryTarget;
        _stages = [(core, "core"), (journal, "journal"), (eventFeed, "events"), (responder, "responder")];
    }

    /// <summary>The command ring: many producers (or one, if configured), gated by the responder.</summary>
    public RingBuffer<Command> Commands { get; }

    /// <summary>The event ring: the core is its only producer, gated by the event stage.</summary>
    public RingBuffer<Event> Events { get; }

    /// <summary>Per command slot: who to answer. Written by the slot's producer before publish, cleared by the responder.</summary>
    public ICommandCallback?[] Callbacks { get; }

    /// <summary>Stage 2a: the matching core.</summary>
    public IStageProcessor Core { get; }

    /// <summary>Stage 2b: the journal.</summary>
    public IStageProcessor Journal { get; }

    /// <summary>Stage 3a: the market-data feed (event subscribers).</summary>
    public IStageProcessor EventFeed { get; }

    /// <summary>Stage 3b: the responder.</summary>
    public IStageProcessor Responder { get; }

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
        // its sequence and time, and publishes. The ring is sized once and never grows.
        // The first command gets options.FirstSequence, so that after recovery sequences continue.
        IWaitStrategy commandWait = WaitStrategyFactory.Create(options.WaitStrategy);
        long before = options.FirstSequence - 1;
        RingBuffer<Command> commands = options.SingleProducer
            ? RingBuffer<Command>.CreateSingleProducer(options.CommandRingSize, commandWait, before)
            : RingBuffer<Command>.CreateMultiProducer(options.CommandRingSize, commandWait, before);
        var callbacks = new ICommandCallback?[commands.Size];
        var eventEnds = new long[commands.Size];

        // The event ring: the core thread is its only producer.
        RingBuffer<Event> events = RingBuffer<Event>.CreateSingleProducer(
            options.EventRingSize, WaitStrategyFactory.Create(options.WaitStrategy));
        var sink = new EventRingSink(events);

        // Every stage's progress, created first because later stages gate on earlier ones.
        var coreSequence = new Sequence(before);
        var journalSequence = new Sequence(before);
        var eventSequence = new Sequence();
        var responderSequence = new Sequence(before);
        var queries = new ConcurrentQueue<QueryWork>();
        var answers = new ConcurrentQueue<QueryWork>();
        var subscribers = new SubscriberList();

        // Stage 3b, responder: behind BOTH the core and the journal (and, inside its handler, the
        // event stage for the events of the commands it answers). Producers reuse a slot only once
        // the responder has passed it.
        SequenceBarrier responderBarrier = commands.Sequencer.NewBarrier(coreSequence, journalSequence);
        var responder = new BatchProcessor<Command, ResponderStage>(commands, responderBarrier,
            new ResponderStage(callbacks, eventEnds, eventSequence, responderSequence, answers, status), responderSequence);
        commands.Sequencer.AddGatingSequences(responderSequence);

        // Stage 2a, core: follows the producers; runs each command, streams its events into the
        // event ring (waiting there when it is full) and runs queries between batches.
        SequenceBarrier coreBarrier = commands.Sequencer.NewBarrier();
        var core = new BatchProcessor<Command, CoreStage<TExecutor>>(commands, coreBarrier,
            new CoreStage<TExecutor>(executor, sink, eventEnds, coreSequence, queries, answers, responderBarrier, status),
            coreSequence);

        // Stage 2b, journal: follows the producers too, in parallel with the core, on the same slots.
        var journal = new BatchProcessor<Command, JournalStage>(commands, commands.Sequencer.NewBarrier(),
            new JournalStage(options.Journal, status), journalSequence);

        // Stage 3a, market-data feed: follows the core on the event ring and, inside its handler,
        // the journal on the command sequence each event carries. The core waits for it when the
        // event ring is full.
        var eventFeed = new BatchProcessor<Event, EventStage>(events, events.Sequencer.NewBarrier(),
            new EventStage(journalSequence, subscribers, status), eventSequence);
        events.Sequencer.AddGatingSequences(eventSequence);

        return new EnginePipeline(commands, events, callbacks, core, journal, eventFeed, responder,
            queries, coreBarrier, subscribers, status, executor.QueryTarget);
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
