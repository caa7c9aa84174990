using TokenMatch.Bench.Workloads;
using TokenMatch.Commands;

namespace TokenMatch.Bench.Journal;

/// <summary>
/// A self-contained, seeded command stream for the journal benchmarks, replayable from command 0:
/// the workload market's set-up, <c>accounts</c> funded traders, <c>resting</c> non-crossing places
/// (the book's depth), then a mix — 55% resting places, 15% crossing IOC places, 25% cancels of recent
/// orders, 5% heartbeats. Sequences from 0, timestamps 1 µs apart.
/// </summary>
public sealed class JournalWorkload(int accounts, long resting, ulong seed)
{
    private readonly Random _random = new((int)seed);
    private readonly int[] _owners = new int[1 << 16];
    private long _next;
    private long _placed;
    private IEnumerator<Command>? _setup;

    /// <summary>Commands handed out so far.</summary>
    public long Issued => _next;

    /// <summary>Fills <paramref name="batch"/> with the next commands.</summary>
    public void Next(Span<Command> batch)
    {
        for (int i = 0; i < batch.Length; i++)
        {
            ref Command c = ref batch[i];
            c = NextCommand();
            c.Sequence = _next;
            c.Timestamp = WorkloadMarket.CycleStart + 1_000_000_000L + _next * 1_000;
            _next++;
        }
    }

    private Command NextCommand()
    {
        _setup ??= Setup().GetEnumerator();
        if (_setup.MoveNext()) return _setup.Current;
        if (_placed < resting) return Rest();
        int roll = _random.Next(100);
        if (roll < 55) return Rest();
        if (roll < 70)
        {
            Side side = _random.Next(2) == 0 ? Side.Buy : Side.Sell;
            return Track(Command.Place(0, Trader(), WorkloadMarket.Id, side, WorkloadMarket.PriceAway(side == Side.Buy ? Side.Sell : Side.Buy, 1000),
                _random.Next(1, 5), tif: TimeInForce.Ioc));
        }
        if (roll < 95 && _placed > 0)
        {
            long id = Math.Max(1, _placed - _random.Next(0, Math.Min(_owners.Length, (int)Math.Min(_placed, 50_000))));
            return Command.Cancel(0, _owners[id % _owners.Length], id);
        }
        return Command.Time(0);
    }

    private Command Rest()
    {
        Side side = _random.Next(2) == 0 ? Side.Buy : Side.Sell;
        return Track(Command.Place(0, Trader(), WorkloadMarket.Id, side, WorkloadMarket.PriceAway(side, _random.Next(2, 1000)), _random.Next(1, 10)));
    }

    /// <summary>Notes the owner of the order id this place will get if accepted (ids count up from 1).</summary>
    private Command Track(Command place)
    {
        _placed++;
        _owners[_placed % _owners.Length] = place.Account;
        return place;
    }

    private int Trader() => WorkloadMarket.Trader(_random.Next(accounts));

    private IEnumerable<Command> Setup()
    {
        foreach (Command c in WorkloadMarket.SetupCommands()) yield return c;
        long deposit = WorkloadMarket.DepositFor(accounts);
        for (int n = 0; n < accounts; n++)
        {
            int account = WorkloadMarket.Trader(n);
            yield return Command.CreateAccount(0, account, Tier.Verified);
            yield return Command.Deposit(0, account, deposit);
            yield return Command.Grant(0, account, WorkloadMarket.Id, Origin.Allocated, WorkloadMarket.GrantLots);
        }
    }
}
