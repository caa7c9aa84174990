using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace TokenMatch.Cli.Serve;

/// <summary>A logger provider that keeps the last few messages for the live view's log panel (any thread).</summary>
public sealed class LiveViewLog : ILoggerProvider
{
    private const int Kept = 6;
    private readonly ConcurrentQueue<string> _lines = new();

    /// <summary>The kept messages, oldest first.</summary>
    public IReadOnlyList<string> Lines => [.. _lines];

    /// <inheritdoc/>
    public ILogger CreateLogger(string categoryName) => new Logger(this);

    /// <inheritdoc/>
    public void Dispose() { }

    private void Add(string line)
    {
        _lines.Enqueue(line);
        while (_lines.Count > Kept) _lines.TryDequeue(out _);
    }

    private sealed class Logger(LiveViewLog owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Add($"{DateTime.UtcNow:HH:mm:ss} {logLevel.ToString()[..4].ToLowerInvariant()} {formatter(state, exception)}");
    }
}
