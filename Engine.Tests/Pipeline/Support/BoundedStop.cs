using TokenMatch.Pipeline;

namespace TokenMatch.Tests.Pipeline.Support;

/// <summary>
/// Stops a host when disposed, failing the test instead of hanging when Stop does not return (a
/// plain <c>using</c> of the host would wait for ever on a pipeline bug).
/// </summary>
internal sealed class BoundedStop(EngineHost host) : IDisposable
{
    /// <inheritdoc/>
    public void Dispose() => TestWait.Stop(host);
}
