using System.CommandLine;
using System.Globalization;
using TokenMatch.Cli.Config;
using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Gateway.Security;

namespace TokenMatch.Cli.Commands;

/// <summary>
/// <c>tokenmatch config …</c>: <c>init</c> writes the commented example configuration, <c>check</c>
/// reads and validates a file as <c>serve --config</c> would, <c>hash-key</c> makes an API key and the
/// <c>apiKeys</c> entry that lets a server verify it without storing it. docs/configuration.md.
/// </summary>
public static class ConfigCommand
{
    /// <summary>The file <c>config init</c> writes when none is named.</summary>
    public const string DefaultFile = "tokenmatch.json";

    /// <summary>The <c>config</c> subcommand and its own subcommands.</summary>
    public static System.CommandLine.Command Create()
    {
        var command = new System.CommandLine.Command("config", "Write, check or complete a configuration file for 'tokenmatch serve --config'");
        command.Subcommands.Add(CreateInit());
        command.Subcommands.Add(CreateCheck());
        command.Subcommands.Add(CreateHashKey());
        return command;
    }

    private static System.CommandLine.Command CreateInit()
    {
        var file = new Argument<string?>("file") { Description = $"Where to write it (default {DefaultFile}; - for standard output)", Arity = ArgumentArity.ZeroOrOne };
        var force = new Option<bool>("--force") { Description = "Overwrite the file if it exists" };
        var command = new System.CommandLine.Command("init", "Write a commented example configuration: every setting, with the built-in demo's values") { file, force };
        command.SetAction(r => Init(r.GetValue(file) ?? DefaultFile, r.GetValue(force), r.InvocationConfiguration.Output, r.InvocationConfiguration.Error));
        return command;
    }

    private static System.CommandLine.Command CreateCheck()
    {
        var file = new Argument<string>("file") { Description = "The configuration file" };
        var command = new System.CommandLine.Command("check", "Read and validate a configuration file: every error with its field and the allowed range, or ok") { file };
        command.SetAction(r => Check(r.GetRequiredValue(file), r.InvocationConfiguration.Output, r.InvocationConfiguration.Error));
        return command;
    }

    private static System.CommandLine.Command CreateHashKey()
    {
        var account = new Option<int>("--account") { Description = "The account the key acts for", Required = true };
        var role = new Option<string>("--role") { Description = "trader (its own account), provider (everything) or marketdata (read only)", DefaultValueFactory = _ => "trader" };
        role.AcceptOnlyFromAmong(ConfigValidator.Roles);
        var command = new System.CommandLine.Command("hash-key",
            "Make a new API key: prints the key (line 1, give it to its owner; it is stored nowhere) and its apiKeys entry for the configuration (line 2)")
        { account, role };
        command.SetAction(r => HashKey(r.GetValue(account), r.GetRequiredValue(role), r.InvocationConfiguration.Output, r.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Writes the example to <paramref name="file"/> ("-" = <paramref name="output"/>); refuses an existing file unless <paramref name="force"/>.</summary>
    public static int Init(string file, bool force, TextWriter output, TextWriter error)
    {
        string text = ServeConfig.ExampleJson();
        if (file == "-")
        {
            output.Write(text);
            return ExitCodes.Ok;
        }
        try
        {
            using (var stream = new FileStream(file, force ? FileMode.Create : FileMode.CreateNew, FileAccess.Write))
            using (var writer = new StreamWriter(stream))
                writer.Write(text);
        }
        catch (IOException) when (!force && File.Exists(file))
        {
            error.WriteLine($"tokenmatch config init: {file} exists; use --force to overwrite it");
            return ExitCodes.FileError;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"tokenmatch config init: cannot write {file}: {e.Message}");
            return ExitCodes.FileError;
        }
        output.WriteLine($"wrote {file}: edit it, check it with 'tokenmatch config check {file}', run it with 'tokenmatch serve --config {file}'");
        return ExitCodes.Ok;
    }

    /// <summary>Loads and validates <paramref name="file"/>: exit 0 and "ok", 2 with every error, 3 when it cannot be read.</summary>
    public static int Check(string file, TextWriter output, TextWriter error)
    {
        ServeConfig config;
        try
        {
            config = ServeConfig.Load(file);
        }
        catch (ConfigException e)
        {
            error.WriteLine($"{file}: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"tokenmatch config check: cannot read {file}: {e.Message}");
            return ExitCodes.FileError;
        }
        IReadOnlyList<ConfigError> errors = config.Validate();
        foreach (ConfigError e in errors) error.WriteLine($"{file}: {e}");
        if (errors.Count > 0)
        {
            error.WriteLine($"{file}: {errors.Count} error{(errors.Count == 1 ? "" : "s")}");
            return ExitCodes.BadInput;
        }
        output.WriteLine($"{file}: ok ({Count(config.Markets.Count, "market")}, {Count(config.DemoAccounts.Count, "demo account")}, {Count(config.ApiKeys.Count, "API key")})");
        return ExitCodes.Ok;
    }

    /// <summary>Prints a new key for <paramref name="account"/> and its <c>apiKeys</c> entry.</summary>
    public static int HashKey(int account, string role, TextWriter output, TextWriter error)
    {
        if ((uint)account >= ExchangeCore.MaxAccounts)
        {
            error.WriteLine($"tokenmatch config hash-key: account {account} is out of range: 0 to {ExchangeCore.MaxAccounts - 1}");
            return ExitCodes.Usage;
        }
        Role r = role switch { "provider" => Role.Provider, "marketdata" => Role.MarketData, _ => Role.Trader };
        (string key, TokenMatch.Commands.Command issue) = ApiKeys.Create(account, r);
        output.WriteLine(key);
        output.WriteLine($"{{ \"account\": {account.ToString(CultureInfo.InvariantCulture)}, \"role\": \"{role}\", \"hash\": \"{ApiKeyHash.Format(issue)}\" }}");
        error.WriteLine($"line 1 is the key: give it to account {account}'s owner, it is not stored anywhere; line 2 goes into the configuration's apiKeys list");
        return ExitCodes.Ok;
    }

    private static string Count(int n, string what) => $"{n} {what}{(n == 1 ? "" : "s")}";
}
