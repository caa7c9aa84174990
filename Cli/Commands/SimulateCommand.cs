using TokenMatch.Cli.Simulation;
using TokenMatch.Formats.Scripts;
using TokenMatch.Surveillance.Simulation;

namespace TokenMatch.Cli.Commands;

/// <summary>
/// <c>tokenmatch simulate</c>: generates the seeded population of one billing cycle
/// (<see cref="PopulationGenerator"/>) and runs it in-process on its simulated clock, or against a
/// running server over the gateway (<c>--connect host:port --key-file F</c>, where the server's clock
/// rules); prints the report with its conservation checks (a failed check prints FAILED and exits
/// with <see cref="SimulationReport.ChecksFailedExit"/>), and writes the JSON report, the chart and its
/// data when asked. docs/simulate.md describes it. Same seed, same report and chart data.
/// </summary>
public static class SimulateCommand
{
    /// <summary>The <c>simulate</c> subcommand.</summary>
    public static System.CommandLine.Command Create()
    {
        var seed = new System.CommandLine.Option<ulong>("--seed") { Description = "Seed of the population", DefaultValueFactory = _ => 1 };
        var honest = new System.CommandLine.Option<int>("--honest") { Description = "Honest users", DefaultValueFactory = _ => 300 };
        var bots = new System.CommandLine.Option<int>("--bots") { Description = "Trial-token bot farm accounts", DefaultValueFactory = _ => 120 };
        var clean = new System.CommandLine.Option<bool>("--no-bad-actors") { Description = "Leave out the colluders, the spoofer and the velocity burst" };
        var script = new System.CommandLine.Option<string>("--script") { Description = "Write the population's commands as a command script", HelpName = "file" };
        var labels = new System.CommandLine.Option<string>("--labels") { Description = "Write account<TAB>actor lines", HelpName = "file.tsv" };
        var json = new System.CommandLine.Option<string>("--json") { Description = "Write the report as JSON", HelpName = "file.json" };
        var chart = new System.CommandLine.Option<string>("--chart") { Description = "Where to write the chart of executed prices against the fair-value curve", HelpName = "file.png", DefaultValueFactory = _ => "simulate.png" };
        var noChart = new System.CommandLine.Option<bool>("--no-chart") { Description = "Write no chart" };
        var chartData = new System.CommandLine.Option<string>("--chart-data") { Description = "Write the chart's points as CSV", HelpName = "file.csv" };
        var phases = new System.CommandLine.Option<int>("--phases") { Description = "Phases of the cycle in the price report", DefaultValueFactory = _ => 6 };
        var quiet = new System.CommandLine.Option<bool>("--quiet") { Description = "No progress bar" };
        var connect = new System.CommandLine.Option<string>("--connect") { Description = "Run against a running server (its clock rules)", HelpName = "host:port" };
        var keyFile = new System.CommandLine.Option<string>("--key-file") { Description = "The key file tokenmatch serve wrote (with --connect)", HelpName = "file" };
        var feeAccount = new System.CommandLine.Option<int?>("--fee-account") { Description = "The server's fee account (with --connect; default: serve's default configuration's)", HelpName = "id" };
        var command = new System.CommandLine.Command("simulate", "Run a seeded month of trading (honest users, buyback, bot farm, wash pair, bad actors) and check conservation")
        {
            seed, honest, bots, clean, script, labels, json, chart, noChart, chartData, phases, quiet, connect, keyFile, feeAccount,
        };
        command.SetAction(result => Run(
            new SimulateSettings
            {
                Population = new PopulationOptions
                {
                    Seed = result.GetValue(seed), HonestUsers = result.GetValue(honest), BotFarmSize = result.GetValue(bots),
                    PlantBadActors = !result.GetValue(clean),
                },
                ScriptPath = result.GetValue(script), LabelsPath = result.GetValue(labels), JsonPath = result.GetValue(json),
                ChartPath = result.GetValue(noChart) ? null : result.GetValue(chart), ChartDataPath = result.GetValue(chartData), Phases = result.GetValue(phases),
                Quiet = result.GetValue(quiet), Connect = result.GetValue(connect), KeyFile = result.GetValue(keyFile), FeeAccount = result.GetValue(feeAccount),
            },
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Generates, runs, reports and checks; returns an <see cref="ExitCodes"/> value or <see cref="SimulationReport.ChecksFailedExit"/>.</summary>
    public static int Run(SimulateSettings settings, TextWriter output, TextWriter error)
    {
        PopulationOptions options = settings.Population;
        if (options.HonestUsers is < 0 or > 100_000 || options.BotFarmSize is < 0 or > 100_000)
        {
            error.WriteLine("tokenmatch simulate: --honest and --bots must be 0..100000");
            return ExitCodes.Usage;
        }
        if (settings.Phases is < 1 or > 1_000)
        {
            error.WriteLine("tokenmatch simulate: --phases must be 1..1000");
            return ExitCodes.Usage;
        }
        if ((settings.KeyFile is not null || settings.FeeAccount is not null) && settings.Connect is null)
        {
            error.WriteLine("tokenmatch simulate: --key-file and --fee-account go with --connect host:port");
            return ExitCodes.Usage;
        }
        Population population = PopulationGenerator.Generate(options);
        try
        {
            if (settings.ScriptPath is not null)
                using (var w = new StreamWriter(settings.ScriptPath) { NewLine = "\n" })
                    ScriptWriter.WriteAll(w, population.Commands);
            if (settings.LabelsPath is not null)
                File.WriteAllLines(settings.LabelsPath, population.Labels.Select(l => $"{l.Key}\t{l.Value}"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"tokenmatch simulate: cannot write the output: {e.Message}");
            return ExitCodes.FileError;
        }

        SimulationReport report;
        if (settings.Connect is not null)
        {
            int code = ConnectedSimulation.Run(settings, population, output, error, out SimulationReport? connected);
            if (connected is null) return code;
            report = connected;
        }
        else
        {
            var run = new InProcessSimulation(population);
            report = SimulationProgress.Show(settings.Quiet, output, run.Total, progress => run.Run(settings.Phases, progress));
        }
        return Finish(report, settings, output, error);
    }

    private static int Finish(SimulationReport report, SimulateSettings settings, TextWriter output, TextWriter error)
    {
        report.WriteText(output);
        try
        {
            if (settings.JsonPath is not null)
                using (var stream = File.Create(settings.JsonPath))
                    report.WriteJson(stream);
            List<ChartData.Point> points = ChartData.Points(report);
            if (settings.ChartDataPath is not null)
                using (var w = new StreamWriter(settings.ChartDataPath))
                    ChartData.WriteCsv(w, points);
            if (settings.ChartPath is not null) SimulationChart.Write(settings.ChartPath, report, points);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"tokenmatch simulate: cannot write the output: {e.Message}");
            return ExitCodes.FileError;
        }
        if (settings.JsonPath is not null) output.WriteLine($"report written to {settings.JsonPath}");
        if (settings.ChartDataPath is not null) output.WriteLine($"chart data written to {settings.ChartDataPath}");
        if (settings.ChartPath is not null) output.WriteLine($"chart written to {settings.ChartPath}");
        if (settings.ScriptPath is not null) output.WriteLine($"script written to {settings.ScriptPath}");
        if (settings.LabelsPath is not null) output.WriteLine($"labels written to {settings.LabelsPath}");
        if (!report.Passed)
        {
            error.WriteLine("tokenmatch simulate: FAILED: a conservation check does not hold (see the report)");
            return SimulationReport.ChecksFailedExit;
        }
        return ExitCodes.Ok;
    }
}
