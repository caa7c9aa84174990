using TokenMatch.Ledger;
using TokenMatch.Matching;

namespace TokenMatch.Markets;

/// <summary>
/// One market (a model class in one billing cycle): its specification, decay curve, state, fees,
/// buyback settings, cycle counters, book and claimed client order ids. Owned by the core thread.
/// </summary>
public sealed class Market
{
    /// <summary>Widest price range, in ticks, that a market may span (the fast book indexes levels by price).</summary>
    public const long MaxPriceLevels = 1 << 20;

    /// <summary>Largest FTE price: keeps price × ppm and quantity × price inside 64 bits.</summary>
    public const long MaxPriceLimit = 1_000_000_000_000;

    /// <summary>Market id.</summary>
    public int Id;
    /// <summary>Symbol, packed (see <see cref="Commands.MarketSymbol"/>).</summary>
    public long SymbolLow, SymbolHigh;
    /// <summary>Tokens per lot.</summary>
    public long LotSize;
    /// <summary>Price increment (micro-credits per lot).</summary>
    public long Tick;
    /// <summary>Provider's list price per lot at cycle start.</summary>
    public long Face;
    /// <summary>FTE price bounds.</summary>
    public long MinPrice, MaxPrice;
    /// <summary>Order quantity bounds (lots).</summary>
    public long MinQuantity, MaxQuantity;
    /// <summary>Cycle start and end (ns).</summary>
    public long CycleStart, CycleEnd;
    /// <summary>Decay curve.</summary>
    public readonly DecayCurve Curve = new();
    /// <summary>Lifecycle state.</summary>
    public MarketState State;
    /// <summary>Fee rates (bps).</summary>
    public int MakerBps, TakerBps;
    /// <summary>Buyback rate (bps of face) and budget (lots this cycle, bought back included).</summary>
    public long BuybackRateBps, BuybackBudget;
    /// <summary>Pool slot of the live buyback bid, -1 when none.</summary>
    public int BuybackOrder = -1;
    /// <summary>Cycle counters (lots).</summary>
    public long Granted, Consumed, Expired, Retired, BoughtBack;
    // The lots rows of the accounts that have had lots here, dense in first-use order; _rowOf maps an
    // account's Row (its dense index in the core) to its row here plus one (0 = none). Memory grows
    // with the accounts that use the market, never with the largest account id.
    private MarketLots[] _lots = [];
    private int[] _rowOf = [];
    private int _lotsCount;
    /// <summary>The book.</summary>
    public IOrderBook Book = null!;
    /// <summary>Client order ids claimed this cycle, each with the pool slot of its order (released when the cycle ends).</summary>
    public ClientIdTable ClientIds = null!;

    private long _decay;
    private long _decayFrom = long.MaxValue;
    private long _decayUntil = long.MinValue;

    /// <summary>
    /// D(t) of this market at <paramref name="t"/>. Remembers the last value with the interval on
    /// which it holds (a cache of a pure function, not state), so that commands close in time skip
    /// the 128-bit arithmetic. Reset when the curve changes.
    /// </summary>
    public long DecayAt(long t)
    {
        if (t >= _decayFrom && t < _decayUntil) return _decay;
        _decay = Curve.At(CycleStart, CycleEnd, t, out _decayUntil);
        _decayFrom = t;
        return _decay;
    }

    /// <summary>Forgets the remembered decay value (after a curve change).</summary>
    public void ResetDecayCache()
    {
        _decayFrom = long.MaxValue;
        _decayUntil = long.MinValue;
    }

    /// <summary>The account's lots row, created (empty) on first use.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public ref MarketLots LotsOf(Account account)
    {
        int row = (uint)account.Row < (uint)_rowOf.Length ? _rowOf[account.Row] : 0;
        if (row == 0) row = AddLotsRow(account);
        return ref _lots[row - 1];
    }

    /// <summary>True when the account has a lots row here.</summary>
    public bool HasLots(Account account) => (uint)account.Row < (uint)_rowOf.Length && _rowOf[account.Row] != 0;

    /// <summary>Accounts with a lots row here.</summary>
    public int LotsRowCount => _lotsCount;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private int AddLotsRow(Account account)
    {
        if (account.Row >= _rowOf.Length) Array.Resize(ref _rowOf, Math.Max(account.Row + 1, Math.Max(16, _rowOf.Length * 2)));
        if (_lotsCount == _lots.Length) Array.Resize(ref _lots, Math.Max(16, _lots.Length * 2));
        _lots[_lotsCount] = default;
        _rowOf[account.Row] = ++_lotsCount;
        return _lotsCount;
    }

    /// <summary>FTE price of a buyback bid at <paramref name="rateBps"/>: ⌊rate × face / 10,000 / tick⌋ × tick.</summary>
    public long BuybackPriceAt(long rateBps) => (long)((Int128)rateBps * Face / 10_000) / Tick * Tick;
}
