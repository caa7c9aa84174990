using System.Buffers;
using TokenMatch.Core;

namespace TokenMatch.Journal.Snapshots;

/// <summary>Turns engine state into a snapshot payload and back (the engine's own snapshot format, its errors as text).</summary>
public static class SnapshotPayload
{
    /// <summary>The engine the payload describes, or null and why not.</summary>
    public static ExchangeCore? TryLoad(ReadOnlySpan<byte> payload, CoreOptions? options, out string? problem)
    {
        try
        {
            ExchangeCore core = ExchangeCore.ReadSnapshot(payload, options);
            problem = null;
            return core;
        }
        catch (InvalidDataException e)
        {
            problem = "the engine refused its payload: " + e.Message;
            return null;
        }
    }

    /// <summary>Writes <paramref name="core"/>'s snapshot into <paramref name="directory"/> at its last sequence; returns the path.</summary>
    public static string Save(ExchangeCore core, string directory, bool durable = true)
    {
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        core.WriteSnapshot(buffer);
        return SnapshotFile.Write(directory, core.LastSequence, buffer.WrittenSpan, durable);
    }
}
