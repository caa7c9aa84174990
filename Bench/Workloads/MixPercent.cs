using System.Globalization;

namespace TokenMatch.Bench.Workloads;

/// <summary>
/// The command mix of <see cref="BatchKind.Mix"/>, in tenths of a percent (per mille), adding up to
/// 1,000: resting places, cancels, amends, IOC limits and market orders. Parsed from
/// <c>place,cancel,amend,ioc,market</c> percentages with at most one decimal (<c>50,35,10,2.5,2.5</c>,
/// the default). Immutable.
/// </summary>
public sealed record MixPercent(int Place, int Cancel, int Amend, int Ioc, int Market)
{
    /// <summary>About 50% places, 35% cancels, 10% amends, 5% IOC or market: the realistic mix every published figure uses.</summary>
    public static readonly MixPercent Default = new(500, 350, 100, 25, 25);

    /// <summary>IOC limits and market orders together (per mille).</summary>
    public int Aggressive => Ioc + Market;

    /// <summary>True when place, cancel and amend are whole percents, so one draw of 100 picks the kind (the default's stream).</summary>
    public bool WholePercents => Place % 10 == 0 && Cancel % 10 == 0 && Amend % 10 == 0;

    /// <summary>Why this mix is unusable (a share below zero, or a sum other than 100%), or null.</summary>
    public string? Problem()
    {
        if (Place < 0 || Cancel < 0 || Amend < 0 || Ioc < 0 || Market < 0) return "every percentage must be 0 or more";
        int sum = Place + Cancel + Amend + Ioc + Market;
        if (sum != 1000) return $"the percentages add up to {Format(sum)}, not 100";
        if (Place == 0 && Aggressive == 0 && Cancel + Amend > 0) return "a mix of only cancels and amends empties the book: give places a share";
        return null;
    }

    /// <summary>Parses <c>place,cancel,amend,ioc,market</c> percentages; null with <paramref name="problem"/> set when it does not parse or add up.</summary>
    public static MixPercent? Parse(string text, out string? problem)
    {
        string[] parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 5)
        {
            problem = $"'{text}': expected five percentages place,cancel,amend,ioc,market (e.g. 50,35,10,2.5,2.5)";
            return null;
        }
        var values = new int[5];
        for (int i = 0; i < 5; i++)
        {
            if (!decimal.TryParse(parts[i], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal v) || v * 10 != decimal.Truncate(v * 10) || v > 100)
            {
                problem = $"'{parts[i]}' is not a percentage from 0 to 100 with at most one decimal";
                return null;
            }
            values[i] = (int)(v * 10);
        }
        var mix = new MixPercent(values[0], values[1], values[2], values[3], values[4]);
        problem = mix.Problem();
        return problem is null ? mix : null;
    }

    /// <summary>The mix as <c>place,cancel,amend,ioc,market</c> percentages (what <see cref="Parse"/> reads).</summary>
    public override string ToString() => string.Join(",", Format(Place), Format(Cancel), Format(Amend), Format(Ioc), Format(Market));

    private static string Format(int perMille) => (perMille / 10m).ToString("0.#", CultureInfo.InvariantCulture);
}
