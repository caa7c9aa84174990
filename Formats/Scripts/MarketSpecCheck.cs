using TokenMatch.Commands;
using TokenMatch.Markets;

namespace TokenMatch.Formats.Scripts;

/// <summary>
/// Which check of a <c>create-market</c> failed when the engine answers <see cref="ResultCode.InvalidMarketSpec"/>.
/// The core keeps one result code for an inconsistent spec (the wire value stays stable); this names
/// the first failing check, in the order the core applies them (docs/result-codes.md, code 201), so a
/// person sees "min-price 1500 is not a multiple of tick 1000" instead of only the code. A test checks
/// that it finds a reason exactly when the core rejects.
/// </summary>
public static class MarketSpecCheck
{
    /// <summary>The first check the create-market command fails, in script terms, or null when the spec is consistent.</summary>
    public static string? FirstFailure(in Command c)
    {
        long lot = c.A0, tick = c.A1, face = c.A2, min = c.A3, max = c.A4, minQty = c.A5, maxQty = c.A6;
        long start = c.A7, end = c.Quantity;
        if (!MarketSymbol.IsValidPacked(c.OrderId, c.ClientId)) return "symbol is not 1 to 16 printable ASCII characters";
        if (lot <= 0) return $"lot {lot} is not positive";
        if (tick <= 0) return $"tick {tick} is not positive";
        if (face <= 0) return $"face {face} is not positive";
        if (min <= 0) return $"min-price {min} is not positive";
        if (min > max) return $"min-price {min} is above max-price {max}";
        if (max > Market.MaxPriceLimit) return $"max-price {max} is above the limit {Market.MaxPriceLimit} (10^12 micro-credits)";
        if (min % tick != 0) return $"min-price {min} is not a multiple of tick {tick}";
        if (max % tick != 0) return $"max-price {max} is not a multiple of tick {tick}";
        if ((max - min) / tick >= Market.MaxPriceLevels)
            return $"(max-price - min-price) / tick = {(max - min) / tick} price levels, the limit is {Market.MaxPriceLevels - 1}";
        if (minQty <= 0) return $"min-qty {minQty} is not positive";
        if (minQty > maxQty) return $"min-qty {minQty} is above max-qty {maxQty}";
        if ((Int128)maxQty * max * 2 > long.MaxValue) return $"max-qty × max-price × 2 = {(Int128)maxQty * max * 2} does not fit 64 bits";
        if (start >= end) return $"start {ScriptTime.Format(start)} is not before end {ScriptTime.Format(end)}";
        if ((Int128)end - start > long.MaxValue) return $"the cycle from {ScriptTime.Format(start)} to {ScriptTime.Format(end)} is longer than 2⁶³ − 1 ns (about 292 years)";
        return null;
    }
}
