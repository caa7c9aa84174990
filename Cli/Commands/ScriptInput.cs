using TokenMatch.Cli.Io;
using TokenMatch.Formats.Scripts;

namespace TokenMatch.Cli.Commands;

/// <summary>
/// Reads a command script for <c>run</c>, <c>show</c> and <c>--check</c>: once, whole, from a file, a
/// pipe or standard input (<c>-</c>); reports parse errors and warnings in <c>file:line: field: reason</c>
/// form; with <c>strict</c>, a warning is an error.
/// </summary>
public static class ScriptInput
{
    /// <summary>The loaded script, or null with <paramref name="exitCode"/> set and the reason written to <paramref name="error"/>.</summary>
    public static LoadedScript? Load(string command, string path, bool strict, TextReader stdin, TextWriter error, out int exitCode)
    {
        string name = CliPaths.InputName(path);
        exitCode = ExitCodes.Ok;
        LoadedScript script;
        try
        {
            using TextReader text = CliPaths.ReadAll(path, stdin);
            script = ScriptLoader.Load(text);
        }
        catch (ScriptParseException e)
        {
            error.WriteLine($"{name}:{e.LineNumber}: field '{e.Field}': {e.Reason}");
            exitCode = ExitCodes.BadInput;
            return null;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            error.WriteLine($"tokenmatch {command}: script not found: {name}");
            exitCode = ExitCodes.FileError;
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"tokenmatch {command}: cannot read {name}: {e.Message}");
            exitCode = ExitCodes.FileError;
            return null;
        }

        foreach (ScriptWarning warning in script.Warnings)
            error.WriteLine($"{(strict ? "error" : "warning")}: {warning.Format(name)}");
        if (strict && script.Warnings.Count > 0)
        {
            error.WriteLine($"tokenmatch {command}: {script.Warnings.Count} warning(s) and --strict: nothing was run");
            exitCode = ExitCodes.BadInput;
            return null;
        }
        return script;
    }
}
