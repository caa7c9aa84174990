using System.Text.Json;
using System.Text.Json.Serialization;

namespace TokenMatch.Surveillance.Alerts;

/// <summary>
/// The append-only alert log: one JSON object per line (JSON Lines), flushed after each alert, in
/// the order alerts are raised. Opened in append mode, so a restarted process adds to the file
/// rather than replacing it. Owned by the thread that raises alerts. <see cref="Read"/> parses a log back.
/// </summary>
public sealed class AlertLog : IAlertObserver, IDisposable
{
    /// <summary>The serializer settings of the log (camelCase fields, enums by name, compact).</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = false,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly TextWriter _writer;
    private readonly bool _owns;

    /// <summary>Appends to <paramref name="path"/> (created if missing).</summary>
    public AlertLog(string path)
    {
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        _writer = new StreamWriter(stream) { NewLine = "\n" };
        _owns = true;
    }

    /// <summary>Writes to <paramref name="writer"/> (not disposed with the log).</summary>
    public AlertLog(TextWriter writer)
    {
        _writer = writer;
        _owns = false;
    }

    /// <summary>Alerts written so far.</summary>
    public long Count { get; private set; }

    /// <summary>One alert as its log line (no newline).</summary>
    public static string ToLine(Alert alert) => JsonSerializer.Serialize(alert, JsonOptions);

    /// <inheritdoc/>
    public void OnAlert(Alert alert)
    {
        _writer.Write(ToLine(alert));
        _writer.Write('\n');
        _writer.Flush();
        Count++;
    }

    /// <summary>Parses every line of an alert log (blank lines skipped).</summary>
    public static IReadOnlyList<Alert> Read(TextReader reader)
    {
        var alerts = new List<Alert>();
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            if (line.Length == 0) continue;
            alerts.Add(JsonSerializer.Deserialize<Alert>(line, JsonOptions)
                ?? throw new JsonException("an alert log line is null"));
        }
        return alerts;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _writer.Flush();
        if (_owns) _writer.Dispose();
    }

    private bool _disposed;
}
