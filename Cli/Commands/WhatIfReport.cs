using System.Globalization;
using TokenMatch.Commands;
using TokenMatch.Formats.Scripts;
using TokenMatch.Journal.Replay;

namespace TokenMatch.Cli.Commands;

/// <summary>Prints an original replay and a what-if replay side by side, per market.</summary>
public static class WhatIfReport
{
    /// <summary>Writes the overrides, the per-market table and both state hashes.</summary>
    public static void Write(JournalReplaySummary original, JournalReplaySummary changed, IReadOnlyList<ParameterOverride> overrides, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("what-if:");
        foreach (ParameterOverride o in overrides)
            output.WriteLine($"  --set {o.Text}: changed {o.Applied} command(s)" + (o.Applied == 0 ? " (the journal has none it applies to: no effect)" : ""));
        foreach (int market in original.Markets.Keys.Union(changed.Markets.Keys).Order())
        {
            MarketStats a = original.Markets.GetValueOrDefault(market) ?? new MarketStats { Market = market };
            MarketStats b = changed.Markets.GetValueOrDefault(market) ?? new MarketStats { Market = market };
            output.WriteLine();
            output.WriteLine($"market {market.ToString(CultureInfo.InvariantCulture)}{"",-25}{"original",20}{"what-if",20}{"change",20}");
            Row(output, "trades", a.Trades, b.Trades);
            Row(output, "volume (lots)", a.Volume, b.Volume);
            Row(output, "VWAP (µcr/lot)", a.Vwap, b.Vwap);
            Row(output, "buyback volume", a.BuybackVolume, b.BuybackVolume);
            Row(output, "buyback spend", a.BuybackSpend, b.BuybackSpend);
            Row(output, "fees paid", a.Fees, b.Fees);
            Row(output, "credits to sellers", a.CreditsToSellers, b.CreditsToSellers);
            foreach (ResultCode code in a.Rejections.Keys.Union(b.Rejections.Keys).Order())
                Row(output, "rejected " + ScriptNames<ResultCode>.Name(code), a.Rejections.GetValueOrDefault(code), b.Rejections.GetValueOrDefault(code));
        }
        output.WriteLine();
        output.WriteLine($"state hash: original {original.FinalStateHash:x16}, what-if {changed.FinalStateHash:x16}");
    }

    private static void Row(TextWriter output, string name, Int128 a, Int128 b) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-32}{a,20}{b,20}{b - a,20:+#;-#;0}"));
}
