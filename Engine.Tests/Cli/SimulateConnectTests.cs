using TokenMatch.Cli;
using TokenMatch.Cli.Commands;
using TokenMatch.Cli.Simulation;
using TokenMatch.Surveillance.Simulation;
using TokenMatch.Tests.Cli.Serve;

namespace TokenMatch.Tests.Cli;

/// <summary>
/// <c>simulate --connect</c> against <c>tokenmatch serve</c> on an ephemeral loopback port with a short
/// cycle: the run completes and its conservation checks, made against the server's own account and
/// fill queries, hold; and the refusals (bad address, missing key file, nothing listening) exit with
/// their codes and a message.
/// </summary>
[NonParallelizable]
public class SimulateConnectTests
{
    [Test]
    [CancelAfter(90_000)]
    public async Task ARunAgainstServeCompletesAndItsChecksHoldOnTheServersQueries()
    {
        string root = ServeProcess.TempRoot("simulate");
        try
        {
            await using ServeProcess serve = await ServeProcess.StartAsync("--cycle", "15s", "--journal", Path.Combine(root, "data"));
            var settings = new SimulateSettings
            {
                Population = new PopulationOptions { Seed = 4, HonestUsers = 20, BotFarmSize = 8 },
                Connect = $"127.0.0.1:{serve.Port}", KeyFile = Path.Combine(root, "data", "demo-keys.txt"), Quiet = true,
                ChartDataPath = Path.Combine(root, "chart.csv"),
            };
            var output = new StringWriter();
            var error = new StringWriter();
            int code = await Task.Run(() => SimulateCommand.Run(settings, output, error));
            string report = output.ToString();
            Assert.That(code, Is.EqualTo(ExitCodes.Ok), report + error);
            Assert.That(report, Does.Contain("connected to 127.0.0.1:"));
            Assert.That(report, Does.Contain("all checks hold"));
            Assert.That(report, Does.Not.Contain("FAILED"));
            Assert.That(report, Does.Contain("ok     credits per account"));
            Assert.That(report, Does.Contain("ok     fills: both sides of every trade"));
            Assert.That(report, Does.Contain("ok     expiry: no lot and no held credit left"));
            Assert.That(report, Does.Match(@"market 1 [^:]+: face [^,]+, [1-9][\d,]* trades"), "the main market traded");
            Assert.That(report, Does.Match(@"bot farm: every sell rejected, none traded: [1-9]\d* sent, 0 accepted"));
            Assert.That(File.ReadAllLines(settings.ChartDataPath).Count(l => l.StartsWith("trade,", StringComparison.Ordinal)), Is.GreaterThan(0));
            Assert.That(await serve.TerminateAsync(), Is.EqualTo(0));
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    [Test]
    public void RefusalsExitWithTheirCodesAndAMessage()
    {
        string root = ServeProcess.TempRoot("simulate-refusals");
        try
        {
            var settings = new SimulateSettings { Population = new PopulationOptions { HonestUsers = 2, BotFarmSize = 1 }, Quiet = true };
            var error = new StringWriter();
            Assert.That(SimulateCommand.Run(settings with { Connect = "nowhere", KeyFile = "k" }, TextWriter.Null, error), Is.EqualTo(ExitCodes.Usage));
            Assert.That(error.ToString(), Does.Contain("host:port"));
            Assert.That(SimulateCommand.Run(settings with { Connect = "127.0.0.1:1" }, TextWriter.Null, error), Is.EqualTo(ExitCodes.Usage));
            Assert.That(SimulateCommand.Run(settings with { Connect = "127.0.0.1:1", KeyFile = Path.Combine(root, "none") }, TextWriter.Null, error),
                Is.EqualTo(ExitCodes.FileError));
            string keys = Path.Combine(root, "keys.txt");
            File.WriteAllText(keys, "tmk1_1_" + new string('0', 64) + "\n");
            error = new StringWriter();
            Assert.That(SimulateCommand.Run(settings with { Connect = "127.0.0.1:1", KeyFile = keys }, TextWriter.Null, error),
                Is.EqualTo(ConnectedSimulation.ConnectFailedExit), error.ToString());
            Assert.That(error.ToString(), Does.StartWith("tokenmatch simulate: 127.0.0.1:1:"));
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }
}
