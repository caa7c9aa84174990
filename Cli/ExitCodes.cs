namespace TokenMatch.Cli;

/// <summary>Process exit codes of the <c>tokenmatch</c> command, shared by every subcommand.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;
    /// <summary>The command line itself is wrong (unknown option, missing argument): System.CommandLine's own code.</summary>
    public const int Usage = 1;
    /// <summary>An input file has a line that does not parse.</summary>
    public const int BadInput = 2;
    /// <summary>A file could not be found, read or written.</summary>
    public const int FileError = 3;
    /// <summary>The engine threw: a bug, reported with the input line that triggered it.</summary>
    public const int EngineError = 4;
}
