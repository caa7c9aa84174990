using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;

namespace TokenMatch.Cli;

/// <summary>
/// Command-line mistakes in plain words: System.CommandLine's parse errors rewritten so that an
/// unknown command says so first (not "Required command was not provided"), a missing argument is
/// named once, and a value of the wrong kind says what kind is wanted instead of a .NET type name.
/// </summary>
public static partial class CliErrors
{
    /// <summary>The messages for a parse that failed, most useful first, each once.</summary>
    public static IReadOnlyList<string> Describe(ParseResult parse)
    {
        string path = CommandPath(parse.CommandResult);
        var messages = new List<string>();
        bool unknown = false;
        foreach (ParseError error in parse.Errors)
        {
            string message = error.Message;
            if (UnrecognizedPattern().Match(message) is { Success: true } u)
            {
                // After an unknown command every later token is unrecognized too: the first one is the mistake.
                if (unknown) continue;
                unknown = true;
                string token = u.Groups["token"].Value;
                string what = parse.CommandResult.Command.Subcommands.Count > 0 && !token.StartsWith('-')
                    ? $"unknown command '{token}' (commands: {string.Join(", ", parse.CommandResult.Command.Subcommands.Select(c => c.Name))})"
                    : token.StartsWith('-') ? $"unknown option '{token}'" : $"unexpected argument '{token}'";
                messages.Add($"{path}: {what}");
            }
            else if (MissingArgumentPattern().IsMatch(message))
            {
                var missing = parse.CommandResult.Command.Arguments
                    .Where(a => parse.CommandResult.GetResult(a) is null || parse.CommandResult.GetResult(a)!.Tokens.Count == 0)
                    .Select(a => $"<{a.Name}>");
                messages.Add($"{path}: missing argument {string.Join(" ", missing)}");
            }
            else if (TypePattern().Match(message) is { Success: true } t)
            {
                messages.Add($"{path}: {t.Groups["option"].Value} '{t.Groups["value"].Value}': expected {Kind(t.Groups["type"].Value)}");
            }
            else if (message.StartsWith("Required command was not provided", StringComparison.Ordinal))
            {
                if (!unknown)
                    messages.Add($"{path}: a command is needed ({string.Join(", ", parse.CommandResult.Command.Subcommands.Select(c => c.Name))})");
            }
            else messages.Add($"{path}: {message}");
        }
        if (unknown) messages.RemoveAll(m => m.Contains(": a command is needed", StringComparison.Ordinal));
        return messages.Distinct().ToList();
    }

    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result; r is CommandResult c; r = c.Parent)
            names.Insert(0, c.Command is RootCommand ? "tokenmatch" : c.Command.Name);
        return string.Join(" ", names);
    }

    private static string Kind(string type) => type switch
    {
        _ when type.Contains("Int32", StringComparison.Ordinal) || type.Contains("Int64", StringComparison.Ordinal) => "a whole number",
        _ when type.Contains("Boolean", StringComparison.Ordinal) => "true or false",
        _ => "a value of another kind",
    };

    [GeneratedRegex(@"^Unrecognized command or argument '(?<token>.*)'\.?$")]
    private static partial Regex UnrecognizedPattern();

    [GeneratedRegex(@"^Required argument missing for command")]
    private static partial Regex MissingArgumentPattern();

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for (option|command|argument) '(?<option>[^']*)' as expected type '(?<type>[^']*)'")]
    private static partial Regex TypePattern();
}
