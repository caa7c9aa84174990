namespace TokenMatch.Formats.Lobster;

/// <summary>
/// The rows of a LOBSTER orderbook file: the visible book after each message, per level
/// ask price, ask size, bid price, bid size, best level first. Held as one flat array of integers.
/// </summary>
public sealed class LobsterOrderbook
{
    /// <summary>The price LOBSTER writes for an empty ask level (an empty bid level is its negation).</summary>
    public const long EmptyAskPrice = 9_999_999_999;

    private readonly long[] _values;
    private readonly int _width;

    /// <summary>Wraps parsed values: <paramref name="rows"/> rows of 4 × <paramref name="levels"/> values.</summary>
    public LobsterOrderbook(int levels, int rows, long[] values)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(levels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(values.LongLength, (long)rows * levels * 4);
        Levels = levels;
        Rows = rows;
        _values = values;
        _width = levels * 4;
    }

    /// <summary>Levels per side in each row (the file's LEVEL).</summary>
    public int Levels { get; }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Price of level <paramref name="level"/> (0 = best) on one side of row <paramref name="row"/>.</summary>
    public long Price(int row, bool bid, int level) => _values[(long)row * _width + level * 4 + (bid ? 2 : 0)];

    /// <summary>Size of level <paramref name="level"/> (0 = best) on one side of row <paramref name="row"/>; 0 when the level is empty.</summary>
    public long Size(int row, bool bid, int level) => _values[(long)row * _width + level * 4 + (bid ? 3 : 1)];

    /// <summary>True when the level holds volume (LOBSTER fills empty levels with dummy prices and size 0).</summary>
    public bool IsOccupied(int row, bool bid, int level) => Size(row, bid, level) > 0;
}
