using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using TokenMatch.Cli.Config;
using TokenMatch.Cli.Serve;
using TokenMatch.Client;
using TokenMatch.Commands;
using TokenMatch.Markets;
using TokenMatch.Surveillance.Simulation;

namespace TokenMatch.Cli.Simulation;

/// <summary>
/// <c>simulate --connect host:port --key-file F</c>: the population against a running server, whose
/// clock rules. Logs in as the provider (key file), reads the server's current markets and their
/// cycle, lays the population's cycle onto it (<see cref="ServerMapping"/>) and sends each command when
/// the server's time reaches it: account, credit, grant and consumption commands on the provider's
/// session, orders and cancels on a trader session of the account itself (its key issued by the
/// provider). At the end it pairs both sides of every trade from the accounts' fills and checks
/// conservation against the server's own account queries (house accounts by their change over the
/// run), then waits for the cycle end and checks the expiry. One instance per run, driven by one task.
/// </summary>
public sealed partial class ConnectedSimulation : IAsyncDisposable
{
    /// <summary>Exit code when the server cannot be reached or refuses the simulation.</summary>
    public const int ConnectFailedExit = 6;

    private readonly SimulateSettings _settings;
    private readonly Population _population;
    private readonly string _host;
    private readonly int _port;
    private readonly KeyFile _keys;
    private readonly Dictionary<int, GatewayClient> _sessions = new();
    private readonly List<(long Time, long Decay)>[] _decay = [new(), new(), new()];
    private readonly Stopwatch _watch = new();
    private GatewayClient _provider = null!;
    private ServerMapping _map = null!;
    private SimulationRecord _record = null!;
    private long _serverAtStart;
    private long _lastSample;
    private readonly List<(Command Command, Task<CommandResult> Result)> _inFlight = new();
    private readonly Dictionary<int, Task<CommandResult>> _lastAdmin = new();
    private int _recorded;
    private readonly System.Collections.Concurrent.ConcurrentQueue<Execution> _executions = new();

    private ConnectedSimulation(SimulateSettings settings, Population population, string host, int port, KeyFile keys)
    {
        _settings = settings;
        _population = population;
        _host = host;
        _port = port;
        _keys = keys;
    }

    /// <summary>Commands sent later than their time (the server was busy, or the run joined its cycle late).</summary>
    public int Late { get; private set; }

    /// <summary>Runs <paramref name="population"/> against the server of <paramref name="settings"/>; returns an exit code, and the report when it ran.</summary>
    public static int Run(SimulateSettings settings, Population population, TextWriter output, TextWriter error, out SimulationReport? report)
    {
        report = null;
        string[] hp = settings.Connect!.Split(':');
        if (hp.Length != 2 || hp[0].Length == 0 || !int.TryParse(hp[1], NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65_535)
        {
            error.WriteLine($"tokenmatch simulate: --connect wants host:port, not '{settings.Connect}'");
            return ExitCodes.Usage;
        }
        if (settings.KeyFile is null)
        {
            error.WriteLine("tokenmatch simulate: --connect needs --key-file (the file tokenmatch serve wrote)");
            return ExitCodes.Usage;
        }
        KeyFile keys;
        try
        {
            keys = KeyFile.Read(settings.KeyFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"tokenmatch simulate: cannot read the key file: {e.Message}");
            return ExitCodes.FileError;
        }
        catch (FormatException e)
        {
            error.WriteLine($"tokenmatch simulate: {e.Message}");
            return ExitCodes.BadInput;
        }
        if (keys.Find(KeyFileEntry.Provider) is null)
        {
            error.WriteLine($"tokenmatch simulate: {settings.KeyFile} holds no provider key");
            return ExitCodes.BadInput;
        }
        var run = new ConnectedSimulation(settings, population, hp[0], port, keys);
        try
        {
            report = SimulationProgress.Show(settings.Quiet, output, population.Commands.Count,
                progress => run.RunAsync(progress, output).GetAwaiter().GetResult());
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is SocketException or IOException or GatewayException or TimeoutException or FormatException or SimulationRefusedException)
        {
            error.WriteLine($"tokenmatch simulate: {settings.Connect}: {e.Message}");
            return ConnectFailedExit;
        }
        finally
        {
            run.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private long ServerNow => _serverAtStart + _watch.Elapsed.Ticks * 100;

    private async Task<SimulationReport> RunAsync(Action<int> progress, TextWriter output)
    {
        _provider = await GatewayClient.ConnectAsync(Options(_keys.Find(KeyFileEntry.Provider)!)).ConfigureAwait(false);
        if (_provider.Login is not { Role: Role.Provider } login) throw new SimulationRefusedException("the key file's provider key did not log in as provider");
        _serverAtStart = await _provider.PingAsync().ConfigureAwait(false);
        _watch.Start();
        Dictionary<int, MarketInfo> markets = await CurrentMarketsAsync().ConfigureAwait(false);
        MarketInfo main = markets[Population.MainMarket];
        long length = main.CycleEnd - main.CycleStart;
        if (main.CycleEnd - ServerNow < length / 2)
        {
            // Joining late would squeeze the month into what is left: wait for the next cycle's markets instead.
            await WaitUntilAsync(main.CycleEnd + 1_500_000_000).ConfigureAwait(false);
            markets = await CurrentMarketsAsync().ConfigureAwait(false);
            main = markets[Population.MainMarket];
        }
        int feeAccount = _settings.FeeAccount ?? ServeConfig.Default.House.FeeAccount;
        int @base = await FreeAccountBaseAsync().ConfigureAwait(false);
        // The population's month ends a tenth of the cycle early, so that every order rests before the expiry.
        long start = Math.Max(main.CycleStart, ServerNow + 200_000_000);
        long end = main.CycleEnd - (main.CycleEnd - main.CycleStart) / 10;
        if (end <= start) throw new SimulationRefusedException("the server's current cycle has no time left");
        _map = new ServerMapping(_population, login.Account, feeAccount, @base, markets, start, end);
        _record = new SimulationRecord(_population.Labels, PopulationGenerator.Provider, PopulationGenerator.Fees);

        AccountInfo providerBefore = await _provider.AccountAsync(_map.Provider).ConfigureAwait(false);
        AccountInfo feeBefore = await _provider.AccountAsync(_map.FeeAccount).ConfigureAwait(false);
        if (feeBefore.Code != ResultCode.Ok) throw new SimulationRefusedException($"fee account {feeAccount} is unknown to the server (--fee-account)");
        (_, long sequenceBefore) = await _provider.StateHashAsync().ConfigureAwait(false);

        int done = 0;
        foreach (Command c in _population.Commands)
        {
            if (!ServerMapping.IsSetting(in c)) await SendAsync(c).ConfigureAwait(false);
            if (++done % 64 == 0) progress(done);
        }
        await RecordAsync(0).ConfigureAwait(false);
        progress(done);

        // On a loaded machine a long population can outrun a short cycle: its lots then expire before the checks, which must say why.
        bool inTime = (await _provider.MarketAsync(main.Market).ConfigureAwait(false)).State != MarketState.Expired;
        List<CheckResult> checks = await CheckAsync(sequenceBefore, providerBefore, feeBefore).ConfigureAwait(false);
        checks.Insert(0, new CheckResult("the run finished before the server's cycle end (else its lots expired before the token checks)", inTime,
            inTime ? "in time" : $"the cycle ended first ({Late} commands late): use a longer --cycle or fewer --honest/--bots"));
        checks.AddRange(await CheckExpiryAsync(main.CycleEnd).ConfigureAwait(false));
        // Cancels (self-trade prevention, IOC remainders, expiry) reach the report from the trader sessions' execution reports.
        await Task.Delay(300).ConfigureAwait(false);
        while (_executions.TryDequeue(out Execution? e))
            if (e.Type == Events.EventType.Cancelled && _map.PopulationAccount(e.Account) is int account) _record.Cancelled(account, e.Reason, e.Quantity);
        (ulong hash, _) = await _provider.StateHashAsync().ConfigureAwait(false);
        if (Late > 0) output.WriteLine($"note: {Late} commands were sent later than their time");
        var simMarkets = _map.Markets.OrderBy(m => m.Key).Select(m => new SimMarket(m.Key, m.Value.Symbol ?? $"market {m.Value.Market}",
            m.Value.Face, m.Value.Tick, m.Value.CycleStart, m.Value.CycleEnd, DecayFrom(m.Key, m.Value))).ToList();
        return new SimulationReport($"connected to {_host}:{_port}", _population.Options.Seed, _population, simMarkets, _record, checks, hash, _settings.Phases);
    }

    private ClientOptions Options(string key) => new() { Host = _host, Port = _port, ApiKey = key, ClientName = "tokenmatch-simulate" };

    /// <summary>
    /// Sends one command when its time comes, without waiting for its answer (answers are recorded in
    /// sending order, <see cref="RecordAsync"/>); a trader's order waits only for the provider's commands
    /// for its own account sent before it (its creation, credits, lots).
    /// </summary>
    private async Task SendAsync(Command c)
    {
        long due = _map.Time(c.Timestamp);
        if (ServerNow > due + 50_000_000) Late++;
        await WaitUntilAsync(due).ConfigureAwait(false);
        Task<CommandResult> result;
        if (ServerMapping.IsTraderCommand(c.Type))
        {
            if (_lastAdmin.TryGetValue(c.Account, out Task<CommandResult>? admin)) await admin.ConfigureAwait(false);
            GatewayClient session = await SessionAsync(c.Account).ConfigureAwait(false);
            result = session.SendAsync(_map.Request(in c));
        }
        else _lastAdmin[c.Account] = result = _provider.SendAsync(_map.Request(in c));
        _inFlight.Add((c, result));
        await RecordAsync(1_024).ConfigureAwait(false);
    }

    /// <summary>Records answered commands in sending order, waiting while more than <paramref name="inFlight"/> are unanswered.</summary>
    private async Task RecordAsync(int inFlight)
    {
        while (_recorded < _inFlight.Count && (_inFlight[_recorded].Result.IsCompleted || _inFlight.Count - _recorded > inFlight))
        {
            (Command c, Task<CommandResult> task) = _inFlight[_recorded++];
            CommandResult result = await task.ConfigureAwait(false);
            if (result.Ok) _record.Accepted(in c);
            else _record.Rejected(in c, result.Code);
        }
    }

    /// <summary>The trader session of a population account, opened on first use with a key the provider issues for it.</summary>
    private async Task<GatewayClient> SessionAsync(int account)
    {
        int server = _map.Account(account);
        if (_sessions.TryGetValue(server, out GatewayClient? session)) return session;
        IssuedKey key = await _provider.IssueKeyAsync(server, Role.Trader).ConfigureAwait(false);
        if (key.Code != ResultCode.Ok || key.Key is null) throw new SimulationRefusedException($"the server issued no key for account {server}: {key.Code}");
        session = await GatewayClient.ConnectAsync(Options(key.Key)).ConfigureAwait(false);
        session.ExecutionReceived += _executions.Enqueue;
        _sessions[server] = session;
        return session;
    }

    private async Task WaitUntilAsync(long serverTime)
    {
        while (true)
        {
            long now = ServerNow;
            await SampleDecayAsync(now).ConfigureAwait(false);
            long left = serverTime - now;
            if (left <= 0) return;
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Clamp(left / 1_000_000, 1, 100))).ConfigureAwait(false);
        }
    }

    /// <summary>Samples every mapped market's D a few times a second: the fair-value curve of the report over a server, which does not publish its curve's parameters.</summary>
    private async Task SampleDecayAsync(long now)
    {
        if (_map is null || now - _lastSample < 200_000_000) return;
        _lastSample = now;
        foreach ((int id, MarketInfo m) in _map.Markets)
        {
            MarketInfo info = await _provider.MarketAsync(m.Market).ConfigureAwait(false);
            if (info.Code == ResultCode.Ok && info.State != MarketState.Expired) _decay[id].Add((ServerNow, info.DecayPpm));
        }
    }

    private Func<long, long> DecayFrom(int market, MarketInfo m)
    {
        var points = new List<(long Time, long Decay)> { (m.CycleStart, DecayCurve.Full) };
        points.AddRange(_decay[market].Where(p => p.Time > m.CycleStart && p.Time < m.CycleEnd));
        return t =>
        {
            int i = points.FindLastIndex(p => p.Time <= t);
            if (i < 0) return points[0].Decay;
            if (i == points.Count - 1) return points[i].Decay;
            (long t0, long d0) = points[i];
            (long t1, long d1) = points[i + 1];
            return d0 + (long)((Int128)(d1 - d0) * (t - t0) / Math.Max(1, t1 - t0));
        };
    }

    /// <summary>The first two current markets: from the key file's market lines (last id per symbol), or, in an old key file without them, the open markets by id.</summary>
    private async Task<Dictionary<int, MarketInfo>> CurrentMarketsAsync()
    {
        var ids = new List<int>();
        KeyFile keys = _settings.KeyFile is null ? _keys : KeyFile.Read(_settings.KeyFile);
        if (keys.Markets.Count > 0)
        {
            IReadOnlyDictionary<string, int> current = keys.CurrentMarkets();
            ids.AddRange(keys.Markets.Select(m => m.Symbol).Distinct().Select(s => current[s]));
        }
        else
            for (int id = 0; id < Core.ExchangeCore.MaxMarkets && ids.Count < 2; id++)
                if (await _provider.MarketAsync(id).ConfigureAwait(false) is { Code: ResultCode.Ok, State: MarketState.Open }) ids.Add(id);
        var markets = new Dictionary<int, MarketInfo>();
        foreach (int id in ids.Take(2))
        {
            MarketInfo info = await _provider.MarketAsync(id).ConfigureAwait(false);
            if (info.Code != ResultCode.Ok) throw new SimulationRefusedException($"market {id} of the key file is unknown to the server ({info.Code})");
            markets[markets.Count == 0 ? Population.MainMarket : Population.ThinMarket] = info;
        }
        if (markets.Count == 0) throw new SimulationRefusedException("the server has no open market");
        if (markets.Count == 1) markets[Population.ThinMarket] = markets[Population.MainMarket];
        return markets;
    }

    /// <summary>A multiple of 1,000,000 above which none of the population's account ids exists on the server yet.</summary>
    private async Task<int> FreeAccountBaseAsync()
    {
        int[] probes = [.. _population.Labels.Keys.Where(a => a is not PopulationGenerator.Provider and not PopulationGenerator.Fees)];
        for (int @base = 1_000_000; @base <= 15_000_000; @base += 1_000_000)
        {
            bool free = true;
            foreach (int a in probes.Take(1).Concat(probes.TakeLast(1)))
                if ((await _provider.AccountAsync(@base + a).ConfigureAwait(false)).Code != ResultCode.UnknownAccount) free = false;
            if (free) return @base;
        }
        throw new SimulationRefusedException("no free range of account ids on the server");
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        foreach (GatewayClient s in _sessions.Values) await s.DisposeAsync().ConfigureAwait(false);
        _sessions.Clear();
        if (_provider is not null) await _provider.DisposeAsync().ConfigureAwait(false);
    }
}
