using System.Text;
using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Markets;

namespace TokenMatch.Formats.Lobster;

/// <summary>
/// Replays one LOBSTER day through a fresh <see cref="ExchangeCore"/> and proves the engine's book
/// against the orderbook file after every message (docs/lobster.md):
/// <list type="number">
/// <item>Seed: orderbook row 0 becomes unknown volume, orders of the street accounts at the front of each level.</item>
/// <item>Map each message from row 1 on: 1 → limit order; 2 → amend down; 3 → cancel; 4 → an aggressive IOC
/// from the other street account when the named order is first in priority at the best price, else a
/// <see cref="CommandType.Fill"/> of the named order; 5, 6, 7 → nothing. A 2, 3 or 4 naming an order the
/// replay does not know reduces the unknown volume at that side and price.</item>
/// <item>Window: levels pushed beyond the file's level count are dropped with their orders; a file level
/// strictly worse than every level the engine holds on its side enters as unknown volume.</item>
/// </list>
/// Owned by the calling thread; runs once.
/// </summary>
public sealed class LobsterReplayer
{
    /// <summary>The replay market's id.</summary>
    public const int MarketId = 1;

    /// <summary>The account standing for every buyer of the venue.</summary>
    public const int StreetBuyers = 1;

    /// <summary>The account standing for every seller of the venue.</summary>
    public const int StreetSellers = 2;

    /// <summary>Credits (micro-credits) deposited for the street buyers: ample for a day's holds and trades.</summary>
    public const long BuyerCredits = 100_000_000_000_000_000;

    /// <summary>Allocated lots granted to the street sellers: ample for a day's asks.</summary>
    public const long SellerLots = 1_000_000_000_000;

    /// <summary>Length of the replay market's cycle: the whole trading day.</summary>
    public const long DayLength = 86_400 * LobsterCsv.NanosPerSecond;

    private readonly LobsterDay _day;
    private readonly ReplayOptions _options;
    private readonly ExchangeCore _core;
    private readonly ReplaySink _sink = new();
    private readonly ReplayBook _book = new();
    private readonly ReplaySummary _summary = new();
    private readonly List<ReplayOrder> _dropped = [];
    private readonly StringBuilder _text = new();
    private readonly int _levels;
    private int _row;
    private bool _ran;

    /// <summary>True between a halt indicator (type 7, price −1) and the next resume (price 0 or 1).</summary>
    private bool _halted;

    /// <summary>Prepares a replay of <paramref name="day"/>; throws when <see cref="ReplayOptions.Levels"/> exceeds the file's.</summary>
    public LobsterReplayer(LobsterDay day, ReplayOptions? options = null)
    {
        _day = day;
        _options = options ?? new ReplayOptions();
        int fileLevels = day.Orderbook.Levels;
        _levels = _options.Levels ?? fileLevels;
        if (_levels < 1 || _levels > fileLevels)
            throw new ArgumentOutOfRangeException(nameof(options), $"--levels {_levels}: the orderbook file has {fileLevels} level(s)");
        _core = new ExchangeCore(_options.Core);
    }

    /// <summary>The engine the replay drives (its state after <see cref="Run"/> is the day's end).</summary>
    public ExchangeCore Core => _core;

    /// <summary>Runs the whole day and returns what it found.</summary>
    public ReplaySummary Run()
    {
        if (_ran) throw new InvalidOperationException("a replayer runs once");
        _ran = true;
        SetUpMarket(LobsterMarketSpec.From(_day));
        Seed();
        CompareAndExport(compare: false);
        LobsterMessage[] messages = _day.Messages;
        for (_row = 1; _row < messages.Length; _row++)
        {
            long time = _day.Midnight + messages[_row].Time;
            Apply(in messages[_row], time);
            ApplyWindow(time);
            CompareAndExport(compare: true);
        }
        _summary.Rows = messages.Length - 1;
        _summary.FinalStateHash = _core.StateHash();
        return _summary;
    }

    private void SetUpMarket(LobsterMarketSpec spec)
    {
        long t = _day.Midnight;
        Send(Command.CreateAccount(t, StreetBuyers));
        Send(Command.CreateAccount(t, StreetSellers));
        Send(Command.CreateMarket(t, MarketId, _day.Symbol, lotSize: 1, spec.Tick, face: spec.MaxPrice,
            spec.MinPrice, spec.MaxPrice, minQuantity: 1, LobsterMarketSpec.MaxQuantity, cycleStart: t, cycleEnd: t + DayLength));
        Send(Command.SetCurve(t, MarketId, CurveKind.None));
        Send(Command.SetFees(t, MarketId, makerBps: 0, takerBps: 0));
        Send(Command.MarketState(t, CommandType.OpenMarket, MarketId));
        Send(Command.Deposit(t, StreetBuyers, BuyerCredits));
        Send(Command.Grant(t, StreetSellers, MarketId, Origin.Allocated, SellerLots));
    }

    /// <summary>Row 0 (the book after message 0) becomes unknown volume at the front of every level.</summary>
    private void Seed()
    {
        long time = _day.Midnight + _day.Messages[0].Time;
        LobsterOrderbook file = _day.Orderbook;
        foreach (bool bids in (ReadOnlySpan<bool>)[true, false])
            for (int level = 0; level < file.Levels; level++)
                if (file.IsOccupied(0, bids, level))
                {
                    PlaceUnknownVolume(time, bids, file.Price(0, bids, level), file.Size(0, bids, level));
                    _summary.Seeded++;
                }
    }

    private void Apply(in LobsterMessage message, long time)
    {
        switch (message.Type)
        {
            case LobsterEventType.NewOrder:
                PlaceNew(in message, time);
                break;
            case LobsterEventType.PartialCancel:
                if (Resolve(in message) is { } reduced) Reduce(reduced, Math.Min(message.Size, reduced.Remaining), time);
                break;
            case LobsterEventType.Delete:
                if (Resolve(in message) is { } deleted)
                    Reduce(deleted, deleted.IsUnknownVolume ? Math.Min(message.Size, deleted.Remaining) : deleted.Remaining, time);
                break;
            case LobsterEventType.Execution:
                if (Resolve(in message) is { } executed) Execute(executed, Math.Min(message.Size, executed.Remaining), time);
                break;
            case LobsterEventType.Halt:
                Halt(in message, time);
                break;
            default:
                // Hidden executions and cross trades (an aggregate of executions already in the file) leave the visible book as it is.
                break;
        }
    }

    /// <summary>
    /// A trading halt indicator: price −1 starts a halt (the market is halted: only cancels go
    /// through), 0 resumes quoting and 1 resumes trading — either resumes the market, since the
    /// engine has no quote-only state and new orders must be accepted again. Repeats change nothing.
    /// </summary>
    private void Halt(in LobsterMessage message, long time)
    {
        if (message.Price == -1 && !_halted)
        {
            Send(Command.MarketState(time, CommandType.HaltMarket, MarketId));
            _halted = true;
            _summary.Halts++;
        }
        else if (message.Price is 0 or 1 && _halted)
        {
            Send(Command.MarketState(time, CommandType.ResumeMarket, MarketId));
            _halted = false;
        }
    }

    private void PlaceNew(in LobsterMessage message, long time)
    {
        if (message.Size <= 0 || _book.Find(message.OrderId) is not null || message.OrderId == 0)
        {
            _summary.Unresolved++;
            return;
        }
        bool bids = message.IsBuy;
        long id = Send(Command.Place(time, bids ? StreetBuyers : StreetSellers, MarketId, bids ? Side.Buy : Side.Sell,
            message.Price, message.Size, stp: StpMode.None));
        if (id != 0) _book.Add(new ReplayOrder(message.OrderId, id, bids, message.Price, message.Size));
    }

    /// <summary>The order a 2, 3 or 4 names: the LOBSTER order if known, else the unknown volume at its side and price.</summary>
    private ReplayOrder? Resolve(in LobsterMessage message)
    {
        ReplayOrder? order = _book.Find(message.OrderId) ?? _book.UnknownAt(message.IsBuy, message.Price);
        if (order is null || message.Size <= 0) _summary.Unresolved++;
        return message.Size > 0 ? order : null;
    }

    /// <summary>Takes lots off a resting order without a trade: amend down (price 0 keeps it, so priority is kept), or cancel when none are left.</summary>
    private void Reduce(ReplayOrder order, long quantity, long time)
    {
        int account = Owner(order);
        long left = order.Remaining - quantity;
        if (left == 0) Send(Command.Cancel(time, account, order.EngineOrderId));
        else Send(Command.Amend(time, account, order.EngineOrderId, left, newPrice: 0));
        _book.Reduce(order, quantity);
    }

    /// <summary>An execution: an aggressive IOC when price-time priority reaches the order first, else a direct fill.</summary>
    private void Execute(ReplayOrder order, long quantity, long time)
    {
        int taker = order.IsBuy ? StreetSellers : StreetBuyers;
        if (_book.IsFirstAtBest(order))
        {
            Send(Command.Place(time, taker, MarketId, order.IsBuy ? Side.Sell : Side.Buy, order.Price, quantity,
                tif: TimeInForce.Ioc, stp: StpMode.None));
            _summary.AggressiveOrders++;
        }
        else
        {
            Send(Command.Fill(time, taker, order.EngineOrderId, quantity));
            _summary.DirectFills++;
        }
        _book.Reduce(order, quantity);
    }

    /// <summary>
    /// The window rule: drop levels pushed beyond the file's level count (the file no longer reports
    /// them), then take as unknown volume every file level strictly worse than every level held.
    /// </summary>
    private void ApplyWindow(long time)
    {
        LobsterOrderbook file = _day.Orderbook;
        foreach (bool bids in (ReadOnlySpan<bool>)[true, false])
        {
            _dropped.Clear();
            _book.DropBeyond(bids, file.Levels, _dropped);
            foreach (ReplayOrder order in _dropped) Send(Command.Cancel(time, Owner(order), order.EngineOrderId));
            int held = _book.LevelCount(bids);
            bool hasWorst = held > 0;
            long worst = hasWorst ? _book.Level(bids, held - 1).Price : 0;
            for (int level = 0; level < file.Levels; level++)
            {
                if (!file.IsOccupied(_row, bids, level)) continue;
                long price = file.Price(_row, bids, level);
                if (hasWorst && !ReplayBook.IsWorse(bids, price, worst)) continue;
                PlaceUnknownVolume(time, bids, price, file.Size(_row, bids, level));
                _summary.Injected++;
            }
        }
    }

    private void PlaceUnknownVolume(long time, bool bids, long price, long size)
    {
        long id = Send(Command.Place(time, bids ? StreetBuyers : StreetSellers, MarketId, bids ? Side.Buy : Side.Sell,
            price, size, stp: StpMode.None));
        if (id != 0) _book.Add(new ReplayOrder(0, id, bids, price, size));
    }

    private static int Owner(ReplayOrder order) => order.IsBuy ? StreetBuyers : StreetSellers;

    private long Send(Command command)
    {
        if (_options.RecordCommands) _summary.Commands.Add(command);
        _sink.Reset();
        _core.Execute(ref command, _sink);
        if (command.Result != ResultCode.Ok)
        {
            _summary.Rejected++;
            if (_summary.Rejections.Count < _options.MismatchesShown)
                _summary.Rejections.Add($"row {_row}: {command.Type} (account {command.Account}, order {command.OrderId}, " +
                    $"price {command.Price}, quantity {command.Quantity}) rejected: {command.Result}");
            return 0;
        }
        return _sink.PlacedOrderId;
    }

    private void CompareAndExport(bool compare)
    {
        BookDepth depth = _core.GetDepth(MarketId, _levels)
            ?? throw new InvalidOperationException("the replay market is missing from the engine");
        if (compare && !Matches(depth))
        {
            _summary.Mismatched++;
            if (_summary.Mismatches.Count < _options.MismatchesShown)
                _summary.Mismatches.Add(new ReplayMismatch(_row, _day.Messages[_row], FileText(), EngineText(depth)));
        }
        if (_options.BookExport is { } export) LobsterBookWriter.WriteRow(export, depth, _levels);
    }

    private bool Matches(BookDepth depth)
    {
        LobsterOrderbook file = _day.Orderbook;
        foreach (bool bids in (ReadOnlySpan<bool>)[true, false])
        {
            IReadOnlyList<DepthLevel> engine = bids ? depth.Bids : depth.Asks;
            for (int level = 0; level < _levels; level++)
            {
                bool occupied = file.IsOccupied(_row, bids, level);
                if (level >= engine.Count)
                {
                    if (occupied) return false;
                    continue;
                }
                if (!occupied || engine[level].Price != file.Price(_row, bids, level)
                    || engine[level].Quantity != file.Size(_row, bids, level)) return false;
            }
        }
        return true;
    }

    private string FileText()
    {
        _text.Clear();
        LobsterOrderbook file = _day.Orderbook;
        foreach (bool bids in (ReadOnlySpan<bool>)[false, true])
        {
            _text.Append(bids ? " | bid" : "ask");
            for (int level = 0; level < _levels && file.IsOccupied(_row, bids, level); level++)
                _text.Append(' ').Append(file.Size(_row, bids, level)).Append('@').Append(file.Price(_row, bids, level));
        }
        return _text.ToString();
    }

    private string EngineText(BookDepth depth)
    {
        _text.Clear();
        foreach (bool bids in (ReadOnlySpan<bool>)[false, true])
        {
            _text.Append(bids ? " | bid" : "ask");
            foreach (DepthLevel level in bids ? depth.Bids : depth.Asks)
                _text.Append(' ').Append(level.Quantity).Append('@').Append(level.Price);
        }
        return _text.ToString();
    }
}
