using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Events;
using TokenMatch.Journal.Format;
using TokenMatch.Journal.Reading;
using TokenMatch.Journal.Snapshots;

namespace TokenMatch.Journal.Recovery;

/// <summary>
/// Start-up from a journal directory: the newest valid snapshot (a damaged one is skipped for an
/// older one, with a warning, never trusted), then the journal's tail replayed through the core
/// with the recorded sequences and timestamps — the same inputs give the same state, so the state
/// hash equals that of a full replay from command 0. A torn last record is cut off with a
/// warning; damage before the tail throws <see cref="JournalCorruptException"/>.
/// </summary>
public static class JournalRecovery
{
    /// <summary>Recovers <paramref name="directory"/> (an empty or missing directory gives an empty engine at sequence 0).</summary>
    public static RecoveryResult Recover(string directory, RecoveryOptions? options = null)
    {
        options ??= new RecoveryOptions();
        var warnings = new List<string>();
        void Warn(string message)
        {
            warnings.Add(message);
            options.Warn?.Invoke(message);
        }

        (ExchangeCore core, long? snapshot) = LoadSnapshot(directory, options, Warn);
        long from = snapshot is long s ? s + 1 : 0;
        var reader = new JournalReader(directory, new JournalReaderOptions { FromSequence = from, ExpectedFirstSequence = snapshot is null ? 0 : null });
        IEventSink sink = options.Events ?? DiscardingSink.Instance;
        var entry = new JournalEntry();
        long replayed = 0;
        while (reader.Read(ref entry))
        {
            if (entry.Kind != RecordKind.Command) continue;
            core.Execute(ref entry.Command, sink);
            replayed++;
        }
        if (snapshot is long at && reader.LastSequence >= 0 && reader.NextSequence < at + 1)
            throw new JournalCorruptException(reader.Segments[^1].Path, 0,
                $"the journal ends at command {reader.LastSequence} but snapshot {at} is newer: commands {reader.NextSequence} to {at} are missing from the journal",
                "Restore the journal's last segments; or move the snapshot aside to recover from the journal alone");
        if (reader.Torn is TornTail torn)
        {
            if (options.TruncateTornTail) Truncate(torn);
            Warn(torn + (options.TruncateTornTail ? ": cut off" : ": left in place"));
        }
        long next = Math.Max(reader.LastSequence + 1, snapshot is long n ? n + 1 : 0);
        return new RecoveryResult
        {
            Core = core, NextSequence = next, SnapshotSequence = snapshot, CommandsReplayed = replayed,
            Torn = reader.Torn, Warnings = warnings,
        };
    }

    /// <summary>Cuts the torn record off (and the file, when its header itself was torn), durably.</summary>
    public static void Truncate(TornTail torn)
    {
        if (torn.Offset == 0)
        {
            File.Delete(torn.File);
            return;
        }
        using var file = File.OpenHandle(torn.File, FileMode.Open, FileAccess.ReadWrite);
        RandomAccess.SetLength(file, torn.Offset);
        RandomAccess.FlushToDisk(file);
    }

    private static (ExchangeCore Core, long? Sequence) LoadSnapshot(string directory, RecoveryOptions options, Action<string> warn)
    {
        if (options.UseSnapshots)
        {
            List<(string Path, long Sequence)> snapshots = JournalFiles.Snapshots(directory);
            for (int i = snapshots.Count - 1; i >= 0; i--)
            {
                (string path, long named) = snapshots[i];
                string? problem = SnapshotFile.TryRead(path, named, out long sequence, out ReadOnlyMemory<byte> payload);
                if (problem is null)
                {
                    ExchangeCore? core = SnapshotPayload.TryLoad(payload.Span, options.Core, out problem);
                    if (core is not null && core.LastSequence == sequence) return (core, sequence);
                    problem ??= $"its payload was taken after command {core!.LastSequence}, its header says {sequence}";
                }
                warn($"snapshot {path} skipped: {problem}; trying an older one");
            }
        }
        return (new ExchangeCore(options.Core), null);
    }
}
