using TokenMatch.Core;
using TokenMatch.Surveillance;
using TokenMatch.Surveillance.Alerts;
using TokenMatch.Surveillance.Config;
using TokenMatch.Surveillance.Hosting;
using TokenMatch.Surveillance.Simulation;

namespace TokenMatch.Tests.Surveillance;

/// <summary>Runs a generated population offline through the default detectors.</summary>
public static class PopulationRun
{
    /// <summary>Seeds the labelled-population tests use: 10, or 40 with TOKENMATCH_LONG=1.</summary>
    public static IEnumerable<ulong> Seeds() =>
        Enumerable.Range(1, Environment.GetEnvironmentVariable("TOKENMATCH_LONG") == "1" ? 40 : 10).Select(s => (ulong)s);

    /// <summary>The alerts and the final core of one seed.</summary>
    public static (Population Population, IReadOnlyList<Alert> Alerts, ExchangeCore Core, SurveillanceEngine Engine) Run(ulong seed, SurveillanceConfig? config = null)
    {
        Population population = PopulationGenerator.Generate(new PopulationOptions { Seed = seed });
        var engine = new SurveillanceEngine(config);
        ExchangeCore core = OfflineSurveillance.Run(population.Commands, engine);
        return (population, engine.Raised, core, engine);
    }
}
