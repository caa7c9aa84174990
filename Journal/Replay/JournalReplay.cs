using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Journal.Format;
using TokenMatch.Journal.Reading;

namespace TokenMatch.Journal.Replay;

/// <summary>
/// Re-runs a journal through a fresh engine, with the recorded sequences and timestamps, so the
/// events and the state hash are the original run's (docs/journal-format.md, "Replay"). Optionally
/// verifies the recorded checkpoints, stops at a sequence or time, hands every event on (CSV
/// exports) and applies what-if <see cref="ParameterOverride"/>s to the configuration commands.
/// Read-only: a torn tail is reported, never cut off. Damage throws <see cref="JournalCorruptException"/>.
/// </summary>
public static class JournalReplay
{
    /// <summary>Replays <paramref name="directory"/>; returns the summary and the final engine.</summary>
    public static (JournalReplaySummary Summary, ExchangeCore Core) Run(string directory, JournalReplayOptions? options = null)
    {
        options ??= new JournalReplayOptions();
        Dictionary<long, ulong>? checkpoints = options.Verify ? ReadCheckpoints(directory) : null;
        var summary = new JournalReplaySummary();
        var core = new ExchangeCore(options.Core);
        var sink = new ReplayStatsSink(summary, options.Events);
        var reader = new JournalReader(directory);
        var entry = new JournalEntry();
        IReadOnlyList<ParameterOverride> overrides = options.Overrides;
        while (reader.Read(ref entry))
        {
            summary.Records++;
            if (entry.Kind == RecordKind.Checkpoint)
            {
                summary.Checkpoints++;
                continue;
            }
            ref Command command = ref entry.Command;
            if (command.Sequence > options.UntilSequence || command.Timestamp > options.UntilTime)
            {
                summary.StoppedEarly = true;
                break;
            }
            for (int i = 0; i < overrides.Count; i++)
            {
                overrides[i].Observe(in command);
                overrides[i].Apply(ref command);
            }
            if (command.Type == CommandType.SetHouse) sink.Provider = command.Account;
            if (summary.FirstSequence < 0)
            {
                summary.FirstSequence = command.Sequence;
                summary.FirstTime = command.Timestamp;
            }
            summary.LastSequence = command.Sequence;
            summary.LastTime = Math.Max(summary.LastTime, command.Timestamp);
            summary.Commands++;
            summary.CommandsByType[command.Type] = summary.CommandsByType.GetValueOrDefault(command.Type) + 1;
            core.Execute(ref command, sink);
            if (command.Result != ResultCode.Ok) summary.Rejected++;
            options.AfterCommand?.Invoke(core, command);
            if (checkpoints is not null && checkpoints.TryGetValue(command.Sequence, out ulong recorded))
            {
                ulong replayed = core.StateHash();
                if (replayed != recorded)
                {
                    summary.VerifyFailure = (command.Sequence, recorded, replayed);
                    break;
                }
                summary.CheckpointsVerified++;
            }
        }
        summary.Torn = reader.Torn;
        summary.FinalStateHash = core.StateHash();
        return (summary, core);
    }

    /// <summary>Every checkpoint of the journal (first pass of a verify: a checkpoint record may follow later commands).</summary>
    public static Dictionary<long, ulong> ReadCheckpoints(string directory)
    {
        var found = new Dictionary<long, ulong>();
        var reader = new JournalReader(directory);
        var entry = new JournalEntry();
        while (reader.Read(ref entry))
            if (entry.Kind == RecordKind.Checkpoint) found[entry.CheckpointSequence] = entry.StateHash;
        return found;
    }
}
