using Spectre.Console;

namespace TokenMatch.Cli.Simulation;

/// <summary>The progress bar of a simulation: Spectre.Console, only when stdout is a terminal and not <c>--quiet</c>.</summary>
public static class SimulationProgress
{
    /// <summary>Runs <paramref name="work"/>, showing its progress (units done of <paramref name="total"/>) when it may.</summary>
    public static T Show<T>(bool quiet, TextWriter output, long total, Func<Action<int>, T> work)
    {
        bool terminal = !quiet && ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        if (!terminal) return work(_ => { });
        T result = default!;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                ProgressTask task = ctx.AddTask("simulating", maxValue: Math.Max(1, total));
                result = work(done => task.Value = done);
            });
        return result;
    }
}
