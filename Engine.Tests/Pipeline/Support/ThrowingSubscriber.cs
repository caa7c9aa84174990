using TokenMatch.Events;
using TokenMatch.Pipeline;

namespace TokenMatch.Tests.Pipeline.Support;

/// <summary>A subscriber that always throws.</summary>
internal sealed class ThrowingSubscriber : IEventSubscriber
{
    /// <inheritdoc/>
    public void OnEvents(ReadOnlySpan<Event> events) => throw new InvalidOperationException("subscriber");
}
