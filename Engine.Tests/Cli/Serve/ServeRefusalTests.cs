using System.Net;
using System.Net.Sockets;
using TokenMatch.Cli;
using TokenMatch.Cli.Config;
using TokenMatch.Cli.Serve;

namespace TokenMatch.Tests.Cli.Serve;

/// <summary>
/// <c>tokenmatch serve</c>'s refusals, in process: each bad input gives one line naming the cause and a
/// non-zero exit before anything listens or is journaled. A pre-cancelled stop token makes a start
/// that succeeds stop at once (set up, then shut down), which the tests use to make a journal.
/// </summary>
[CancelAfter(60_000)]
public sealed class ServeRefusalTests
{
    private string _root = "";

    [SetUp]
    public void CreateRoot() => _root = Path.Combine(Path.GetTempPath(), $"tokenmatch-serve-refusal-{Environment.ProcessId}-{Guid.NewGuid():N}");

    [TearDown]
    public void DeleteRoot()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private static (int Code, string Output, string Error) Serve(ServeOptions options)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        using var stop = new CancellationTokenSource();
        stop.Cancel();
        int code = ServeRunner.Run(options with { Quiet = true, Port = options.Port ?? 0, LogLevel = "Warning" }, output, error, stop.Token);
        return (code, output.ToString(), error.ToString());
    }

    private string Journal => Path.Combine(_root, "data");

    [Test]
    public void A_start_that_succeeds_stops_cleanly_on_the_signal()
    {
        var (code, output, error) = Serve(new ServeOptions { Journal = Journal });
        Assert.That(code, Is.EqualTo(ExitCodes.Ok), error);
        Assert.That(output, Does.Contain("listening on").And.Contain("stopped; journal synced"));
        Assert.That(File.Exists(Path.Combine(Journal, "demo-keys.txt")));
    }

    [Test]
    public void A_missing_certificate_is_a_file_error_named_in_the_message()
    {
        var (code, output, error) = Serve(new ServeOptions { InMemory = true, Certificate = "/nonexistent/cert.pfx" });
        Assert.That(code, Is.EqualTo(ExitCodes.FileError));
        Assert.That(error, Does.Contain("certificate not found: /nonexistent/cert.pfx"));
        Assert.That(output, Is.Empty, "nothing started");
    }

    [Test]
    public void A_certificate_that_is_not_pkcs12_is_bad_input()
    {
        Directory.CreateDirectory(_root);
        string cert = Path.Combine(_root, "cert.pfx");
        File.WriteAllText(cert, "not a certificate");
        var (code, output, error) = Serve(new ServeOptions { InMemory = true, Certificate = cert });
        Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(error, Does.Contain("is not a PKCS#12 file"));
        Assert.That(output, Is.Empty);
    }

    [Test]
    public void An_unwritable_key_file_is_a_file_error_and_nothing_is_journaled()
    {
        var (code, output, error) = Serve(new ServeOptions { Journal = Journal, KeyFile = "/nonexistent-dir/keys.txt" });
        Assert.That(code, Is.EqualTo(ExitCodes.FileError));
        Assert.That(error, Does.Contain("cannot write the key file /nonexistent-dir/keys.txt"));
        Assert.That(output, Is.Empty);
        Assert.That(TokenMatch.Journal.Recovery.JournalRecovery.Recover(Journal).NextSequence, Is.EqualTo(0), "no command journaled");
    }

    [Test]
    public void A_port_in_use_is_refused_before_anything_is_journaled()
    {
        using var taken = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        taken.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        taken.Listen();
        int port = ((IPEndPoint)taken.LocalEndPoint!).Port;
        var (code, output, error) = Serve(new ServeOptions { Journal = Journal, Port = port });
        Assert.That(code, Is.EqualTo(ExitCodes.FileError));
        Assert.That(error.Trim(), Does.Contain($"cannot listen on 127.0.0.1:{port}: the port is in use"));
        Assert.That(error.Trim().Split('\n'), Has.Length.EqualTo(1), "one line");
        Assert.That(output, Is.Empty);
        Assert.That(Directory.Exists(Journal), Is.False, "no journal made");
    }

    [Test]
    public void An_unwritable_journal_directory_is_a_file_error()
    {
        Directory.CreateDirectory(_root);
        string file = Path.Combine(_root, "a-file");
        File.WriteAllText(file, "");
        var (code, output, error) = Serve(new ServeOptions { Journal = Path.Combine(file, "data") });
        Assert.That(code, Is.EqualTo(ExitCodes.FileError));
        Assert.That(error, Does.StartWith("tokenmatch serve: cannot open the journal"));
        Assert.That(output, Is.Empty);
    }

    [Test]
    public void A_damaged_journal_is_bad_input_naming_the_journal()
    {
        Assert.That(Serve(new ServeOptions { Journal = Journal }).Code, Is.EqualTo(ExitCodes.Ok));
        string segment = Directory.GetFiles(Journal, "journal-*").Single();
        byte[] bytes = File.ReadAllBytes(segment);
        bytes[bytes.Length / 3] ^= 0xFF;
        File.WriteAllBytes(segment, bytes);
        var (code, output, error) = Serve(new ServeOptions { Journal = Journal });
        Assert.That(code, Is.EqualTo(ExitCodes.BadInput), error);
        Assert.That(error, Does.Contain($"the journal {Journal} is damaged"));
        Assert.That(output, Is.Empty);
    }

    [Test]
    public void A_recovered_demo_without_its_key_file_is_refused()
    {
        Assert.That(Serve(new ServeOptions { Journal = Journal }).Code, Is.EqualTo(ExitCodes.Ok));
        string keys = Path.Combine(Journal, "demo-keys.txt");
        File.Delete(keys);
        var (code, output, error) = Serve(new ServeOptions { Journal = Journal });
        Assert.That(code, Is.EqualTo(ExitCodes.FileError));
        Assert.That(error, Does.Contain($"the key file {keys} is missing"));
        Assert.That(output, Does.Not.Contain("listening"));
        Assert.That(File.Exists(keys), Is.False, "keys are not re-created");
    }

    [Test]
    public void A_key_file_of_another_journal_is_refused()
    {
        string other = Path.Combine(_root, "other");
        Assert.That(Serve(new ServeOptions { Journal = Journal }).Code, Is.EqualTo(ExitCodes.Ok));
        Assert.That(Serve(new ServeOptions { Journal = other }).Code, Is.EqualTo(ExitCodes.Ok));
        File.Copy(Path.Combine(other, "demo-keys.txt"), Path.Combine(Journal, "demo-keys.txt"), overwrite: true);
        var (code, _, error) = Serve(new ServeOptions { Journal = Journal });
        Assert.That(code, Is.EqualTo(ExitCodes.FileError));
        Assert.That(error, Does.Contain("does not belong to this journal"));
    }

    [Test]
    public void A_restart_recovers_instead_of_creating_the_demo_again()
    {
        Assert.That(Serve(new ServeOptions { Journal = Journal }).Code, Is.EqualTo(ExitCodes.Ok));
        string keys = File.ReadAllText(Path.Combine(Journal, "demo-keys.txt"));
        long first = TokenMatch.Journal.Recovery.JournalRecovery.Recover(Journal).NextSequence;
        var (code, output, _) = Serve(new ServeOptions { Journal = Journal });
        Assert.That(code, Is.EqualTo(ExitCodes.Ok));
        Assert.That(output, Does.Contain("recovered"));
        Assert.That(File.ReadAllText(Path.Combine(Journal, "demo-keys.txt")), Is.EqualTo(keys));
        long second = TokenMatch.Journal.Recovery.JournalRecovery.Recover(Journal).NextSequence;
        Assert.That(second - first, Is.LessThan(5), "only clock ticks were added, no second demo");
    }

    [TestCase("0s")]
    [TestCase("month2")]
    [TestCase("10 minutes")]
    public void A_bad_cycle_length_is_bad_input(string cycle)
    {
        var (code, output, error) = Serve(new ServeOptions { InMemory = true, Cycle = cycle });
        Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(error, Does.Contain($"cycle length '{cycle}'"));
        Assert.That(output, Is.Empty);
    }

    [Test]
    public void A_bad_log_level_is_bad_input()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        using var stop = new CancellationTokenSource();
        stop.Cancel();
        int code = ServeRunner.Run(new ServeOptions { InMemory = true, Port = 0, LogLevel = "loud" }, output, error, stop.Token);
        Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(error.ToString(), Does.Contain("log level 'loud'"));
    }
    [Test]
    public void A_broken_configuration_prints_every_error_and_nothing_starts()
    {
        Directory.CreateDirectory(_root);
        string file = Path.Combine(_root, "broken.json");
        string json = ServeConfig.Default.ToJson();
        string broken = System.Text.RegularExpressions.Regex.Replace(json, "\"port\":\\s*7340", "\"port\": 70000");
        broken = System.Text.RegularExpressions.Regex.Replace(broken, "\"level\":\\s*\"Information\"", "\"level\": \"loud\"");
        Assert.That(broken, Is.Not.EqualTo(json), "the default's JSON has the port and level to break");
        File.WriteAllText(file, broken);
        var (code, output, error) = Serve(new ServeOptions { ConfigFile = file, Journal = Journal, Port = null });
        Assert.That(code, Is.EqualTo(ExitCodes.BadInput), error);
        Assert.That(error, Does.Contain("listen.port").And.Contain("logging.level"), "every error, each naming its field");
        Assert.That(error, Does.Contain(file));
        Assert.That(output, Is.Empty, "nothing started");
        Assert.That(Directory.Exists(Journal), Is.False, "no journal created");
    }

    [Test]
    public void A_configuration_that_is_not_json_is_bad_input_naming_the_file()
    {
        Directory.CreateDirectory(_root);
        string file = Path.Combine(_root, "notjson.json");
        File.WriteAllText(file, "{ \"listen\": ");
        var (code, output, error) = Serve(new ServeOptions { ConfigFile = file, InMemory = true });
        Assert.That(code, Is.EqualTo(ExitCodes.BadInput), error);
        Assert.That(error, Does.Contain(file));
        Assert.That(output, Is.Empty);
    }

    [Test]
    public void A_missing_configuration_file_is_a_file_error()
    {
        var (code, output, error) = Serve(new ServeOptions { ConfigFile = Path.Combine(_root, "absent.json"), InMemory = true });
        Assert.That(code, Is.EqualTo(ExitCodes.FileError), error);
        Assert.That(error, Does.Contain("absent.json"));
        Assert.That(output, Is.Empty);
    }

    [Test]
    public void The_example_configuration_file_serves()
    {
        Directory.CreateDirectory(_root);
        string file = Path.Combine(_root, "example.json");
        File.WriteAllText(file, ServeConfig.ExampleJson());
        var (code, output, error) = Serve(new ServeOptions { ConfigFile = file, Journal = Journal });
        Assert.That(code, Is.EqualTo(ExitCodes.Ok), error);
        Assert.That(output, Does.Contain("listening on"));
    }
}
