using System.Text;

namespace TokenMatch.Cli.Io;

/// <summary>
/// Where <c>--events</c> goes: a file, or standard output for <c>-</c>. On a write failure the
/// partial file is removed (when it is a regular file: never a device or a pipe) so that no cut CSV
/// is left looking complete.
/// </summary>
public sealed class EventOutput : IDisposable
{
    private readonly bool _ownsWriter;
    private bool _failed;

    private EventOutput(string name, string? path, TextWriter writer, bool ownsWriter)
    {
        Name = name;
        Path = path;
        Writer = writer;
        _ownsWriter = ownsWriter;
    }

    /// <summary>How messages name it: the path as given, or "standard output".</summary>
    public string Name { get; }

    /// <summary>The file path, or null for standard output.</summary>
    public string? Path { get; }

    /// <summary>True when the events go to standard output (so the summary goes to standard error).</summary>
    public bool IsStandardOutput => Path is null;

    /// <summary>The CSV text writer.</summary>
    public TextWriter Writer { get; }

    /// <summary>Opens <paramref name="path"/> for writing (truncating it), or wraps <paramref name="stdout"/> for <c>-</c>.</summary>
    /// <exception cref="IOException">The file cannot be created.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be written.</exception>
    public static EventOutput Open(string path, TextWriter stdout)
    {
        if (path == CliPaths.StandardStream) return new EventOutput("standard output", null, stdout, ownsWriter: false);
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        return new EventOutput(path, path, writer, ownsWriter: true);
    }

    /// <summary>Flushes everything written; an I/O failure surfaces here at the latest.</summary>
    public void Flush() => Writer.Flush();

    /// <summary>
    /// After a write failure: closes the file without letting a second failure escape, removes it when
    /// it is a regular file, and says what became of it.
    /// </summary>
    public string Abandon()
    {
        _failed = true;
        if (!_ownsWriter) return "the events on standard output are incomplete";
        try { Writer.Dispose(); }
        catch (IOException) { /* the buffer cannot reach the disk either; the file is removed below */ }
        if (Path is not null && FileIdentity.IsRegularFile(Path))
        {
            try
            {
                File.Delete(Path);
                return "the partial file was removed";
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return $"the partial file could not be removed ({e.Message}): do not use it";
            }
        }
        return "what was written is incomplete";
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_failed || !_ownsWriter) return;
        Writer.Dispose();
    }
}
