using TokenMatch.Events;

namespace TokenMatch.Tests.Journal.Support;

/// <summary>Drops events.</summary>
internal sealed class NullSink : IEventSink
{
    /// <summary>The one instance.</summary>
    public static readonly NullSink Instance = new();

    /// <inheritdoc/>
    public void OnEvents(ReadOnlySpan<Event> events) { }
}
