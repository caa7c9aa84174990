using TokenMatch.Core;

namespace TokenMatch.Formats.Lobster;

/// <summary>
/// Writes an engine book in LOBSTER's orderbook layout: per level ask price, ask size, bid price,
/// bid size, best first, empty levels as 9999999999,0 / −9999999999,0 like LOBSTER's dummies.
/// </summary>
public static class LobsterBookWriter
{
    /// <summary>Writes one row of <paramref name="levels"/> levels.</summary>
    public static void WriteRow(TextWriter writer, BookDepth depth, int levels)
    {
        for (int level = 0; level < levels; level++)
        {
            if (level > 0) writer.Write(',');
            WriteLevel(writer, depth.Asks, level, LobsterOrderbook.EmptyAskPrice);
            writer.Write(',');
            WriteLevel(writer, depth.Bids, level, -LobsterOrderbook.EmptyAskPrice);
        }
        writer.Write('\n');
    }

    private static void WriteLevel(TextWriter writer, IReadOnlyList<DepthLevel> side, int level, long emptyPrice)
    {
        bool occupied = level < side.Count;
        writer.Write(occupied ? side[level].Price : emptyPrice);
        writer.Write(',');
        writer.Write(occupied ? side[level].Quantity : 0);
    }
}
