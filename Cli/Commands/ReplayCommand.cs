using System.CommandLine;
using System.Globalization;
using System.Text;
using TokenMatch.Commands;
using TokenMatch.Events;
using TokenMatch.Formats.Scripts;
using TokenMatch.Journal.Reading;
using TokenMatch.Journal.Replay;

namespace TokenMatch.Cli.Commands;

/// <summary>
/// <c>tokenmatch replay &lt;dir&gt;</c>: re-runs a journal through a fresh engine and prints what it
/// held and the final state hash; <c>--verify</c> checks the recorded checkpoints; <c>--until</c>
/// stops at a sequence or time; <c>--events/--trades/--book</c> write CSV; <c>--set</c> runs a
/// what-if beside the original and prints both per market. The work is <see cref="JournalReplay"/>'s.
/// </summary>
public static class ReplayCommand
{
    /// <summary>Exit code when <c>--verify</c> found a checkpoint whose state hash differs.</summary>
    public const int VerifyFailed = 6;

    /// <summary>Exit code when the journal is damaged before its tail (or of a newer format).</summary>
    public const int JournalDamaged = 7;

    /// <summary>The <c>replay</c> subcommand.</summary>
    public static System.CommandLine.Command Create()
    {
        var directory = new Argument<DirectoryInfo>("dir") { Description = "The journal directory" };
        var verify = new Option<bool>("--verify") { Description = "Check the state hash at every recorded checkpoint; exit 6 at the first difference" };
        var until = new Option<string?>("--until") { HelpName = "seq|time", Description = "Stop after this sequence, or before the first command stamped after this ISO-8601 time" };
        var events = new Option<FileInfo?>("--events") { HelpName = "file.csv", Description = "Write every event as CSV" };
        var trades = new Option<FileInfo?>("--trades") { HelpName = "file.csv", Description = "Write every trade as CSV" };
        var book = new Option<FileInfo?>("--book") { HelpName = "file.csv", Description = "Write the top levels of a book after every change as CSV" };
        var levels = new Option<int>("--levels") { HelpName = "N", Description = "Levels per side for --book (default 5)", DefaultValueFactory = _ => 5 };
        var set = new Option<string[]>("--set")
        {
            HelpName = "[market:]name=value", AllowMultipleArgumentsPerToken = false,
            Description = "What-if override (fees=M,T maker-fee taker-fee decay floor half-life buyback-rate buyback-budget tier-cap.<tier>); repeatable",
        };
        var command = new System.CommandLine.Command("replay", "Re-run a journal through a fresh engine: summary, checkpoints, CSV exports and what-if replays")
        {
            directory, verify, until, events, trades, book, levels, set,
        };
        command.SetAction(r => Run(r.GetRequiredValue(directory).FullName, r.GetValue(verify), r.GetValue(until), r.GetValue(events),
            r.GetValue(trades), r.GetValue(book), r.GetValue(levels), r.GetValue(set) ?? [],
            r.InvocationConfiguration.Output, r.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Runs a replay; returns an exit code.</summary>
    public static int Run(string directory, bool verify, string? until, FileInfo? events, FileInfo? trades, FileInfo? book, int levels,
        string[] set, TextWriter output, TextWriter error)
    {
        if (!Directory.Exists(directory))
        {
            error.WriteLine($"tokenmatch replay: no such directory: {directory}");
            return ExitCodes.FileError;
        }
        long? untilSequence = null, untilTime = null;
        if (until is not null)
        {
            if (long.TryParse(until, NumberStyles.None, CultureInfo.InvariantCulture, out long s)) untilSequence = s;
            else if (ScriptTime.TryParse(until, out long t, out string reason)) untilTime = t;
            else
            {
                error.WriteLine($"--until {until}: neither a sequence nor a time ({reason})");
                return ExitCodes.BadInput;
            }
        }
        var overrides = new List<ParameterOverride>();
        foreach (string text in set)
        {
            if (ParameterOverride.Parse(text, out string? problem) is not ParameterOverride o)
            {
                error.WriteLine($"--set {problem}");
                return ExitCodes.BadInput;
            }
            overrides.Add(o);
        }

        var files = new List<StreamWriter>();
        try
        {
            IEventSink? sink = null;
            BookCsvWriter? bookWriter = null;
            if (events is not null)
            {
                var csv = new EventCsvWriter(Open(events, files));
                csv.WriteHeader();
                sink = csv;
            }
            if (trades is not null)
            {
                var csv = new TradeCsvWriter(Open(trades, files), sink);
                csv.WriteHeader();
                sink = csv;
            }
            if (book is not null)
            {
                bookWriter = new BookCsvWriter(Open(book, files), Math.Max(1, levels), sink);
                bookWriter.WriteHeader();
                sink = bookWriter;
            }
            var options = new JournalReplayOptions
            {
                Verify = verify, UntilSequence = untilSequence, UntilTime = untilTime, Events = sink,
                AfterCommand = bookWriter is null ? null : bookWriter.AfterCommand,
            };
            JournalReplaySummary original = JournalReplay.Run(directory, options).Summary;
            Print(original, directory, output, error);
            int code = ExitCodes.Ok;
            if (original.VerifyFailure is var (sequence, recorded, replayed))
            {
                error.WriteLine($"verify FAILED at sequence {sequence}: the journal recorded state hash {recorded:x16}, the replay has {replayed:x16}");
                code = VerifyFailed;
            }
            if (overrides.Count > 0)
            {
                JournalReplaySummary changed = JournalReplay.Run(directory, new JournalReplayOptions
                {
                    UntilSequence = untilSequence, UntilTime = untilTime, Overrides = overrides,
                }).Summary;
                WhatIfReport.Write(original, changed, overrides, output);
            }
            return code;
        }
        catch (JournalCorruptException e)
        {
            error.WriteLine($"tokenmatch replay: {e.Message}");
            return JournalDamaged;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"tokenmatch replay: {e.Message}");
            return ExitCodes.FileError;
        }
        finally
        {
            foreach (StreamWriter file in files) file.Dispose();
        }
    }

    private static StreamWriter Open(FileInfo file, List<StreamWriter> files)
    {
        var writer = new StreamWriter(file.FullName, append: false, new UTF8Encoding(false)) { NewLine = "\n" };
        files.Add(writer);
        return writer;
    }

    /// <summary>Prints a replay's summary; the state hash line last.</summary>
    public static void Print(JournalReplaySummary s, string directory, TextWriter output, TextWriter error)
    {
        output.WriteLine($"journal: {directory}");
        output.WriteLine($"records: {s.Records} ({s.Commands} commands, {s.Checkpoints} checkpoints)");
        if (s.Commands > 0)
        {
            output.WriteLine($"sequences: {s.FirstSequence} to {s.LastSequence}");
            output.WriteLine($"time: {ScriptTime.Format(s.FirstTime)} to {ScriptTime.Format(s.LastTime)}");
            output.WriteLine("commands by type: " + string.Join(", ", s.CommandsByType.Select(p => $"{Name(p.Key)} {p.Value}")));
            output.WriteLine($"rejected: {s.Rejected}");
        }
        if (s.StoppedEarly) output.WriteLine("stopped at --until");
        if (s.Torn is not null) error.WriteLine($"warning: {s.Torn}: the replay stopped before it (left in place; start-up cuts it off)");
        if (s.CheckpointsVerified > 0 || s.VerifyFailure is null && s.Checkpoints > 0)
            output.WriteLine($"checkpoints verified: {s.CheckpointsVerified}");
        output.WriteLine($"state hash: {s.FinalStateHash:x16}");
    }

    /// <summary>The script verb of a command type (its number when it has none).</summary>
    public static string Name(CommandType type) => ScriptVerbs.Find(type)?.Name ?? ((int)type).ToString(CultureInfo.InvariantCulture);
}
