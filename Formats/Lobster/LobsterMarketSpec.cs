namespace TokenMatch.Formats.Lobster;

/// <summary>
/// The replay market's price grid, taken from the day itself: the tick is the greatest common divisor
/// of every visible price (message types 1 to 4 and occupied orderbook levels), the FTE price bounds
/// are the lowest and highest of them, so every order of the day is on the grid and within bounds.
/// </summary>
/// <param name="Tick">Tick in price units (LOBSTER dollars × 10,000).</param>
/// <param name="MinPrice">Lowest visible price of the day.</param>
/// <param name="MaxPrice">Highest visible price of the day.</param>
public sealed record LobsterMarketSpec(long Tick, long MinPrice, long MaxPrice)
{
    /// <summary>Most price levels between the bounds the engine's price-indexed book accepts.</summary>
    public const long MaxLevels = 1 << 20;

    /// <summary>Largest order quantity the replay market accepts (lots = shares).</summary>
    public const long MaxQuantity = 1_000_000_000;

    /// <summary>Scans <paramref name="day"/> for its grid; throws when no grid fits the engine's level limit.</summary>
    public static LobsterMarketSpec From(LobsterDay day)
    {
        long tick = 0, min = long.MaxValue, max = long.MinValue;
        void See(long price)
        {
            if (price <= 0) throw new LobsterFormatException("day", -1, $"price {price} is not positive");
            tick = Gcd(tick, price);
            min = Math.Min(min, price);
            max = Math.Max(max, price);
        }
        foreach (LobsterMessage m in day.Messages)
            if (m.Type is >= LobsterEventType.NewOrder and <= LobsterEventType.Execution) See(m.Price);
        LobsterOrderbook book = day.Orderbook;
        for (int row = 0; row < book.Rows; row++)
            for (int level = 0; level < book.Levels; level++)
            {
                if (book.IsOccupied(row, true, level)) See(book.Price(row, true, level));
                if (book.IsOccupied(row, false, level)) See(book.Price(row, false, level));
            }
        if (tick == 0) throw new LobsterFormatException("day", -1, "no visible price anywhere in the day");
        if ((max - min) / tick > MaxLevels)
            throw new LobsterFormatException("day", -1,
                $"prices {min}..{max} on a tick of {tick} span more than {MaxLevels} levels, beyond the engine's price-indexed book");
        return new LobsterMarketSpec(tick, min, max);
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }
}
