using System.Text;

namespace TokenMatch.Cli.Io;

/// <summary>Paths as the commands take them: <c>-</c> means standard input for an input and standard output for an output.</summary>
public static class CliPaths
{
    /// <summary>The name that means a standard stream.</summary>
    public const string StandardStream = "-";

    /// <summary>How messages name an input: the path, or "standard input" for <c>-</c>.</summary>
    public static string InputName(string path) => path == StandardStream ? "standard input" : path;

    /// <summary>
    /// Reads an input whole, once: a file, <c>/dev/stdin</c>, a process substitution or a named pipe,
    /// or <paramref name="stdin"/> for <c>-</c>. Returns a reader over the text in memory.
    /// </summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static TextReader ReadAll(string path, TextReader stdin)
    {
        if (path == StandardStream) return new StringReader(stdin.ReadToEnd());
        if (Directory.Exists(path)) throw new IOException($"{path} is a directory");
        // A FileStream opened for sequential reading works for pipes and character devices too; the
        // text is read once, so a pipe's single pass is enough.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, FileOptions.SequentialScan);
        using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return new StringReader(reader.ReadToEnd());
    }

    /// <summary>
    /// The output among <paramref name="outputs"/> that is the same file as one of
    /// <paramref name="inputs"/> (standard streams never clash), or null when none is.
    /// </summary>
    public static (string Output, string Input)? Clash(IEnumerable<string?> inputs, IEnumerable<string?> outputs)
    {
        var files = inputs.Where(p => p is not null && p != StandardStream).Select(p => p!).ToList();
        foreach (string? output in outputs)
        {
            if (output is null || output == StandardStream) continue;
            foreach (string input in files)
                if (FileIdentity.SameFile(input, output)) return (output, input);
        }
        return null;
    }
}
