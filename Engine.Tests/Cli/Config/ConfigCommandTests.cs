using TokenMatch.Cli;
using TokenMatch.Cli.Config;

namespace TokenMatch.Tests.Cli.Config;

/// <summary><c>tokenmatch config init|check|hash-key</c> in process: files, messages and exit codes.</summary>
public sealed class ConfigCommandTests
{
    private string _dir = "";

    [SetUp]
    public void CreateDir() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), $"tokenmatch-config-{Environment.ProcessId}-{Guid.NewGuid():N}"));

    [TearDown]
    public void DeleteDir() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Program.Invoke(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Test]
    public void Init_writes_the_example_which_loads_as_the_default_and_checks_ok()
    {
        string file = Path.Combine(_dir, "t.json");
        Assert.That(Run("config", "init", file).Code, Is.EqualTo(ExitCodes.Ok));
        Assert.That(ServeConfig.Load(file).ToJson(), Is.EqualTo(ServeConfig.Default.ToJson()));
        (int code, string output, _) = Run("config", "check", file);
        Assert.That(code, Is.EqualTo(ExitCodes.Ok));
        Assert.That(output, Does.Contain($"{file}: ok (2 markets, 5 demo accounts, 0 API keys)"));
    }

    [Test]
    public void Init_refuses_to_overwrite_without_force()
    {
        string file = Path.Combine(_dir, "t.json");
        File.WriteAllText(file, "mine");
        (int code, _, string error) = Run("config", "init", file);
        Assert.That(code, Is.EqualTo(ExitCodes.FileError));
        Assert.That(error, Does.Contain("exists; use --force"));
        Assert.That(File.ReadAllText(file), Is.EqualTo("mine"));
        Assert.That(Run("config", "init", file, "--force").Code, Is.EqualTo(ExitCodes.Ok));
        Assert.That(File.ReadAllText(file), Is.EqualTo(ServeConfig.ExampleJson()));
    }

    [Test]
    public void Init_to_standard_output() => Assert.That(Run("config", "init", "-").Output, Is.EqualTo(ServeConfig.ExampleJson()));

    [Test]
    public void Check_prints_every_error_with_its_field()
    {
        string file = Path.Combine(_dir, "bad.json");
        File.WriteAllText(file, ServeConfig.ExampleJson().Replace("\"port\": 7340", "\"port\": 70000").Replace("\"tick\": 100,", "\"tick\": 0,"));
        (int code, string output, string error) = Run("config", "check", file);
        Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(output, Is.Empty);
        Assert.That(error, Does.Contain($"{file}: listen.port: 70000 is out of range: 0 to 65535")
            .And.Contain($"{file}: markets[0].tick: 0 is out of range").And.Contain("2 errors"));
    }

    [Test]
    public void Check_names_a_json_error_with_its_line()
    {
        string file = Path.Combine(_dir, "bad.json");
        File.WriteAllText(file, "{\n  \"listen\": { \"prot\": 1 }\n}");
        (int code, _, string error) = Run("config", "check", file);
        Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(error, Does.Contain("listen.prot: unknown field 'prot'").And.Contain("line 2"));
    }

    [Test]
    public void Check_of_a_missing_file_is_a_file_error() =>
        Assert.That(Run("config", "check", Path.Combine(_dir, "none.json")).Code, Is.EqualTo(ExitCodes.FileError));

    [Test]
    public void Hash_key_prints_a_key_and_an_entry_the_configuration_accepts()
    {
        (int code, string output, _) = Run("config", "hash-key", "--account", "100", "--role", "trader");
        Assert.That(code, Is.EqualTo(ExitCodes.Ok));
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(2));
        Assert.That(TokenMatch.Gateway.Security.ApiKeys.TryParse(lines[0], out long keyId, out _));
        var root = System.Text.Json.Nodes.JsonNode.Parse(ServeConfig.Default.ToJson())!.AsObject();
        root["apiKeys"] = new System.Text.Json.Nodes.JsonArray(System.Text.Json.Nodes.JsonNode.Parse(lines[1]));
        ServeConfig config = ServeConfig.Parse(root.ToJsonString());
        Assert.That(config.Validate(), Is.Empty);
        Assert.That(config.ApiKeyCommands().Single().OrderId, Is.EqualTo(keyId));
    }

    [Test]
    public void Hash_key_refuses_an_account_out_of_range() =>
        Assert.That(Run("config", "hash-key", "--account", "-1").Code, Is.EqualTo(ExitCodes.Usage));
}
