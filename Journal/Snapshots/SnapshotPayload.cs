using TokenMatch.Core;

namespace TokenMatch.Journal.Snapshots;

/// <summary>Turns a snapshot file's payload into an engine (the engine's own snapshot reader, its errors as text).</summary>
internal static class SnapshotPayload
{
    /// <summary>The engine the payload describes, or null and why not.</summary>
    public static ExchangeCore? TryLoad(ReadOnlySpan<byte> payload, CoreOptions? options, out string? problem)
    {
        // Engine snapshots (ExchangeCore.ReadSnapshot) have not landed in this build: every snapshot is skipped.
        _ = payload;
        _ = options;
        problem = "this build cannot read engine snapshots";
        return null;
    }
}
