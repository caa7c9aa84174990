using System.Globalization;
using TokenMatch.Commands;
using TokenMatch.Markets;

namespace TokenMatch.Journal.Replay;

/// <summary>
/// One what-if change of a market parameter, applied to the configuration commands a replay runs:
/// <c>[market:]name=value</c>, where market is an id or a symbol (omitted: every market). Names:
/// <c>fees=maker,taker</c>, <c>maker-fee</c>, <c>taker-fee</c> (bps; rewrite <c>set fees</c>),
/// <c>decay=none|linear|exponential|sqrt</c>, <c>floor</c> (ppm), <c>half-life</c> (ns) (rewrite
/// <c>set curve</c>), <c>buyback-rate</c> (bps of face), <c>buyback-budget</c> (lots) (rewrite
/// <c>set buyback</c>), and <c>tier-cap.unverified|verified|trusted</c> (lots; engine-wide, rewrite
/// <c>set tier cap</c>). Only commands the journal holds are changed: an override that matches none
/// is reported, never invented.
/// </summary>
public sealed class ParameterOverride
{
    private readonly long[] _values;
    private int? _market;

    private ParameterOverride(string text, string? marketSelector, string name, long[] values)
    {
        Text = text;
        MarketSelector = marketSelector;
        Name = name;
        _values = values;
        if (marketSelector is not null && int.TryParse(marketSelector, NumberStyles.None, CultureInfo.InvariantCulture, out int id)) _market = id;
    }

    /// <summary>The override as given.</summary>
    public string Text { get; }

    /// <summary>The market id or symbol given, or null for every market.</summary>
    public string? MarketSelector { get; }

    /// <summary>The parameter name.</summary>
    public string Name { get; }

    /// <summary>Commands this override changed so far.</summary>
    public long Applied { get; private set; }

    /// <summary>Parses <paramref name="text"/>; null and <paramref name="error"/> when it is not a known override.</summary>
    public static ParameterOverride? Parse(string text, out string? error)
    {
        error = null;
        int eq = text.IndexOf('=');
        if (eq <= 0 || eq == text.Length - 1) { error = $"'{text}': expected [market:]name=value"; return null; }
        string left = text[..eq], value = text[(eq + 1)..];
        int colon = left.LastIndexOf(':');
        string? market = colon > 0 ? left[..colon] : null;
        string name = (colon > 0 ? left[(colon + 1)..] : left).Trim().ToLowerInvariant();
        long[]? values = name switch
        {
            "fees" => Numbers(value, 2),
            "maker-fee" or "taker-fee" or "floor" or "half-life" or "buyback-rate" or "buyback-budget" => Numbers(value, 1),
            "tier-cap.unverified" or "tier-cap.verified" or "tier-cap.trusted" => Numbers(value, 1),
            "decay" => Curve(value) is CurveKind kind ? [(long)kind] : null,
            _ => null,
        };
        if (values is null)
        {
            error = name is "fees" or "maker-fee" or "taker-fee" or "floor" or "half-life" or "buyback-rate" or "buyback-budget" or "decay"
                or "tier-cap.unverified" or "tier-cap.verified" or "tier-cap.trusted"
                ? $"'{text}': bad value '{value}'"
                : $"'{text}': unknown parameter '{name}' (fees, maker-fee, taker-fee, decay, floor, half-life, buyback-rate, buyback-budget, tier-cap.<tier>)";
            return null;
        }
        if (name.StartsWith("tier-cap.", StringComparison.Ordinal) && market is not null) { error = $"'{text}': tier caps are engine-wide, give no market"; return null; }
        return new ParameterOverride(text, market, name, values);
    }

    /// <summary>Learns market symbols from <c>create market</c> commands, so a symbol selector finds its id.</summary>
    public void Observe(in Command command)
    {
        if (command.Type == CommandType.CreateMarket && _market is null && MarketSelector is not null
            && MarketSymbol.IsValidPacked(command.OrderId, command.ClientId)
            && MarketSymbol.Unpack(command.OrderId, command.ClientId) == MarketSelector)
            _market = command.Market;
    }

    /// <summary>Changes <paramref name="command"/> when it is a configuration command this override is about.</summary>
    public void Apply(ref Command command)
    {
        bool market = MarketSelector is null || _market == command.Market;
        bool changed = true;
        switch (Name, command.Type)
        {
            case ("fees", CommandType.SetFees) when market: command.A0 = _values[0]; command.A1 = _values[1]; break;
            case ("maker-fee", CommandType.SetFees) when market: command.A0 = _values[0]; break;
            case ("taker-fee", CommandType.SetFees) when market: command.A1 = _values[0]; break;
            case ("decay", CommandType.SetCurve) when market: command.Code = (byte)_values[0]; break;
            case ("floor", CommandType.SetCurve) when market: command.A0 = _values[0]; break;
            case ("half-life", CommandType.SetCurve) when market: command.A1 = _values[0]; break;
            case ("buyback-rate", CommandType.SetBuyback) when market: command.A0 = _values[0]; break;
            case ("buyback-budget", CommandType.SetBuyback) when market: command.A1 = _values[0]; break;
            case ("tier-cap.unverified", CommandType.SetTierCap) when command.Code == (byte)Tier.Unverified:
            case ("tier-cap.verified", CommandType.SetTierCap) when command.Code == (byte)Tier.Verified:
            case ("tier-cap.trusted", CommandType.SetTierCap) when command.Code == (byte)Tier.Trusted:
                command.Quantity = _values[0];
                break;
            default: changed = false; break;
        }
        if (changed) Applied++;
    }

    private static long[]? Numbers(string text, int count)
    {
        string[] parts = text.Split(',');
        if (parts.Length != count) return null;
        var values = new long[count];
        for (int i = 0; i < count; i++)
        {
            string part = parts[i].Trim().Replace("_", "", StringComparison.Ordinal);
            if (!long.TryParse(part, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out values[i]) || values[i] < 0) return null;
        }
        return values;
    }

    private static CurveKind? Curve(string text) => text.Trim().ToLowerInvariant() switch
    {
        "none" => CurveKind.None,
        "linear" => CurveKind.Linear,
        "exponential" => CurveKind.Exponential,
        "sqrt" => CurveKind.Sqrt,
        _ => null,
    };
}
