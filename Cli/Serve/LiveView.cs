using System.Diagnostics;
using Spectre.Console;
using Spectre.Console.Rendering;
using TokenMatch.Cli.Summary;
using TokenMatch.Core;
using TokenMatch.Gateway;
using TokenMatch.Pipeline;

namespace TokenMatch.Cli.Serve;

/// <summary>
/// The terminal view of a running server (Spectre.Console), redrawn twice a second on the calling
/// thread, never the core's: per market of the current cycle the best bid and ask, the last trade,
/// the fair value now (face × D(now)), volume, trades and orders per second; the connections, the
/// cycle and the last log lines. Book and decay come from one engine query per refresh (it runs
/// between two batches of commands); counts from a <see cref="MarketActivity"/> subscriber.
/// </summary>
public static class LiveView
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(500);

    /// <summary>True when <paramref name="output"/> is the process's standard output and that is a terminal.</summary>
    public static bool CanShow(TextWriter output) => ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;

    private sealed record Row(int Id, string ModelClass, MarketView? Market, BookDepth? Depth, long? Decay);

    /// <summary>Shows the view until <paramref name="stop"/> is cancelled.</summary>
    public static void Run(EngineHost host, GatewayServer server, DemoBootstrap bootstrap, CycleClock clock, LiveViewLog log, CancellationToken stop,
        RecentAlerts? alerts = null)
    {
        var activity = new MarketActivity();
        using IDisposable subscription = host.Subscribe(activity);
        var previous = new Dictionary<int, long>();
        var watch = Stopwatch.StartNew();
        TimeSpan last = TimeSpan.Zero;
        AnsiConsole.Live(new Text("starting…")).AutoClear(false).Start(context =>
        {
            while (!stop.IsCancellationRequested)
            {
                int cycle = clock.CurrentCycle;
                var ids = bootstrap.MarketsOf(cycle).Select(m => (m.Id, m.Market.ModelClass)).ToArray();
                Row[] rows;
                try
                {
                    Task<Row[]> query = host.QueryAsync(core => ids.Select(m => new Row(m.Id, m.ModelClass, core.GetMarket(m.Id), core.GetDepth(m.Id, 1), core.GetDecay(m.Id))).ToArray());
                    rows = query.Wait(TimeSpan.FromSeconds(2)) ? query.Result : [];
                }
                catch (AggregateException)
                {
                    rows = [];
                }
                TimeSpan now = watch.Elapsed;
                double seconds = Math.Max(0.001, (now - last).TotalSeconds);
                last = now;
                context.UpdateTarget(Render(rows, activity, previous, seconds, server.SessionCount, cycle, log, alerts));
                context.Refresh();
                stop.WaitHandle.WaitOne(Refresh);
            }
        });
    }

    private static IRenderable Render(Row[] rows, MarketActivity activity, Dictionary<int, long> previous, double seconds,
        int connections, int cycle, LiveViewLog log, RecentAlerts? alerts)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("market").AddColumn("model").AddColumn("state")
            .AddColumn(new TableColumn("bid").RightAligned()).AddColumn(new TableColumn("ask").RightAligned())
            .AddColumn(new TableColumn("last").RightAligned()).AddColumn(new TableColumn("fair value now").RightAligned())
            .AddColumn(new TableColumn("D").RightAligned()).AddColumn(new TableColumn("volume").RightAligned())
            .AddColumn(new TableColumn("trades").RightAligned()).AddColumn(new TableColumn("orders/s").RightAligned());
        string cycleText = "";
        foreach (Row r in rows)
        {
            long orders = activity.Orders(r.Id);
            long rate = previous.TryGetValue(r.Id, out long before) ? (long)((orders - before) / seconds) : 0;
            previous[r.Id] = orders;
            if (r.Market is not { } m)
            {
                table.AddRow(r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(r.ModelClass), "—");
                continue;
            }
            cycleText = $"{CycleSchedule.Format(m.CycleStart)} to {CycleSchedule.Format(m.CycleEnd)}";
            long decay = r.Decay ?? 0;
            string Price(long p) => p == 0 ? "—" : Units.Credits(p);
            table.AddRow(
                Markup.Escape($"{m.Id} {m.Symbol}"), Markup.Escape(r.ModelClass), m.State.ToString(),
                r.Depth is { Bids.Count: > 0 } d1 ? Markup.Escape($"{Units.Credits(d1.Bids[0].Price)} × {d1.Bids[0].Quantity}") : "—",
                r.Depth is { Asks.Count: > 0 } d2 ? Markup.Escape($"{Units.Credits(d2.Asks[0].Price)} × {d2.Asks[0].Quantity}") : "—",
                Price(activity.Last(r.Id)),
                Units.Credits((Int128)m.Face * decay / 1_000_000),
                Units.Permille(decay / 1_000),
                Units.Count(activity.Volume(r.Id)), Units.Count(activity.Trades(r.Id)), Units.Count(rate));
        }
        var header = new Markup($"[bold]tokenmatch serve[/]  connections {connections}  cycle {cycle} {Markup.Escape(cycleText)}  (prices FTE, credits per lot; Ctrl+C stops)");
        var lines = log.Lines;
        IRenderable logPanel = new Panel(new Text(lines.Count == 0 ? "(no log messages)" : string.Join('\n', lines))).Header("log").Expand();
        if (alerts is null) return new Rows(header, table, logPanel);
        // Surveillance (Cli/Serve/SurveillanceWiring.cs): the last alerts, newest last.
        IReadOnlyList<string> recent = alerts.Lines();
        IRenderable alertPanel = new Panel(new Text(recent.Count == 0 ? "(no alerts)" : string.Join('\n', recent)))
            .Header($"surveillance alerts ({alerts.Total})").Expand();
        return new Rows(header, table, alertPanel, logPanel);
    }
}
