using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Events;
using TokenMatch.Formats.Scripts;
using TokenMatch.Surveillance.Simulation;

namespace TokenMatch.Cli.Commands;

/// <summary>
/// <c>tokenmatch simulate [--seed N] [--honest N] [--bots N] [--no-bad-actors] [--script out] [--labels out.tsv]</c>:
/// generates the seeded population of one billing cycle (<see cref="PopulationGenerator"/>), runs
/// it in-process through a new engine, prints a short report, and writes the command script and
/// the labels when asked. Same seed, same script, same report. (The full issue-10 command, with a
/// live server, progress bar and chart, is not built here.)
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
        var command = new System.CommandLine.Command("simulate", "Generate a seeded month of trading with labelled bad actors and run it in-process")
        {
            seed, honest, bots, clean, script, labels,
        };
        command.SetAction(result => Run(
            new PopulationOptions
            {
                Seed = result.GetValue(seed), HonestUsers = result.GetValue(honest), BotFarmSize = result.GetValue(bots),
                PlantBadActors = !result.GetValue(clean),
            },
            result.GetValue(script), result.GetValue(labels), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Generates, runs and reports; returns an <see cref="ExitCodes"/> value.</summary>
    public static int Run(PopulationOptions options, string? scriptPath, string? labelsPath, TextWriter output, TextWriter error)
    {
        if (options.HonestUsers is < 0 or > 100_000 || options.BotFarmSize is < 0 or > 100_000)
        {
            error.WriteLine("tokenmatch simulate: --honest and --bots must be 0..100000");
            return ExitCodes.Usage;
        }
        Population population = PopulationGenerator.Generate(options);
        try
        {
            if (scriptPath is not null)
                using (var w = new StreamWriter(scriptPath) { NewLine = "\n" })
                    ScriptWriter.WriteAll(w, population.Commands);
            if (labelsPath is not null)
                File.WriteAllLines(labelsPath, population.Labels.Select(l => $"{l.Key}\t{l.Value}"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"tokenmatch simulate: cannot write the output: {e.Message}");
            return ExitCodes.FileError;
        }

        var core = new ExchangeCore();
        var counts = new Counts();
        long sequence = 0;
        foreach (Command c0 in population.Commands)
        {
            Command c = c0;
            c.Sequence = sequence++;
            core.Execute(ref c, counts);
            if (c.Result != ResultCode.Ok) counts.Rejections[c.Result] = counts.Rejections.GetValueOrDefault(c.Result) + 1;
        }
        output.WriteLine($"seed {options.Seed}: {population.Commands.Count} commands, {population.Labels.Count} accounts");
        foreach (var kind in population.Labels.GroupBy(l => l.Value).OrderBy(g => g.Key))
            output.WriteLine($"  {kind.Key,-14} {kind.Count(),6}");
        output.WriteLine($"trades: {counts.Trades}, lots traded: {counts.Lots}, bought back by the provider: {counts.BoughtBack} lots");
        output.WriteLine($"self-trade cancels: {counts.SelfTrade}");
        foreach (var r in counts.Rejections.OrderBy(r => r.Key))
            output.WriteLine($"  rejected {r.Key,-22} {r.Value,6}");
        if (scriptPath is not null) output.WriteLine($"script written to {scriptPath}");
        if (labelsPath is not null) output.WriteLine($"labels written to {labelsPath}");
        output.WriteLine($"state hash: {core.StateHash():x16}");
        return ExitCodes.Ok;
    }

    private sealed class Counts : IEventSink
    {
        public readonly SortedDictionary<ResultCode, long> Rejections = new();
        public long Trades, Lots, BoughtBack, SelfTrade;

        public void OnEvents(ReadOnlySpan<Event> events)
        {
            foreach (ref readonly Event e in events)
            {
                if (e.Type == EventType.Trade)
                {
                    Trades++;
                    Lots += e.Quantity;
                    int buyer = e.Side == Side.Buy ? e.OtherAccount : e.Account;
                    if (buyer == PopulationGenerator.Provider) BoughtBack += e.Quantity;
                }
                else if (e.Type == EventType.Cancelled && e.Reason == CancelReason.SelfTrade) SelfTrade++;
            }
        }
    }
}
