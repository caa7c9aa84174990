using TokenMatch.Commands;
using TokenMatch.Markets;

namespace TokenMatch.Formats.Scripts;

/// <summary>
/// One <c>key=value</c> field of a script verb: which <see cref="Command"/> field it fills, how its
/// value reads and writes, whether it is required, and its default when left out.
/// </summary>
/// <param name="Key">The key as written in scripts (<c>qty</c>, <c>min-price</c>, ...).</param>
/// <param name="Kind">How the value is written and read.</param>
/// <param name="Get">Reads the field from a command (null for symbol and origins, which span several fields).</param>
/// <param name="Set">Returns the command with the field set (null for symbol and origins).</param>
/// <param name="Required">True when a line must give the field; the writer always writes it.</param>
/// <param name="Default">The value a left-out optional field has; the writer leaves it out when the command holds it.</param>
/// <param name="WriteWhen">Overrides when the writer writes an optional field (default: value differs from <paramref name="Default"/>).</param>
public sealed record ScriptField(
    string Key,
    FieldKind Kind,
    Func<Command, long>? Get,
    Func<Command, long, Command>? Set,
    bool Required = false,
    long Default = 0,
    Func<Command, bool>? WriteWhen = null)
{
    /// <summary>True when the writer writes this field for <paramref name="command"/>.</summary>
    public bool ShouldWrite(in Command command)
    {
        if (Required) return true;
        if (WriteWhen is not null) return WriteWhen(command);
        return Get!(command) != Default;
    }

    /// <summary>Reads <paramref name="text"/> into the command's field(s); false with a reason when it does not parse.</summary>
    public bool TryRead(ref Command command, string text, out string error)
    {
        long value;
        switch (Kind)
        {
            case FieldKind.Symbol:
                if (!MarketSymbol.IsValid(text) || text.StartsWith('#'))
                {
                    error = $"'{text}' is not a market symbol (1..{MarketSymbol.MaxLength} printable ASCII characters, not starting with #)";
                    return false;
                }
                command.OrderId = MarketSymbol.PackLow(text);
                command.ClientId = MarketSymbol.PackHigh(text);
                error = "";
                return true;
            case FieldKind.Origins:
                return TryReadOrigins(ref command, text, out error);
            case FieldKind.Id:
                if (!ScriptValues.TryParseId(text, out int id, out error)) return false;
                value = id;
                break;
            case FieldKind.Integer:
                if (!ScriptValues.TryParseInteger(text, out value, out error)) return false;
                break;
            case FieldKind.Credits or FieldKind.FtePrice or FieldKind.AbsolutePrice:
                if (!ScriptValues.TryParseCredits(text, out value, out error)) return false;
                break;
            case FieldKind.Time:
                if (!ScriptTime.TryParse(text, out value, out error)) return false;
                break;
            case FieldKind.Duration:
                if (!ScriptTime.TryParseDuration(text, out value, out error)) return false;
                break;
            default:
                if (!TryReadEnum(text, out value, out error)) return false;
                break;
        }
        command = Set!(command, value);
        return true;
    }

    /// <summary>The value as the writer writes it.</summary>
    public string Write(in Command command)
    {
        if (Kind == FieldKind.Symbol) return MarketSymbol.Unpack(command.OrderId, command.ClientId);
        if (Kind == FieldKind.Origins)
            return string.Join(',', new[] { command.A0, command.A1, command.A2, command.A3 }.Select(ScriptNames<Origin>.Name));
        long value = Get!(command);
        return Kind switch
        {
            FieldKind.Time => ScriptTime.Format(value),
            FieldKind.Duration => ScriptTime.FormatDuration(value),
            FieldKind.Side => ScriptNames<Side>.Name(value),
            FieldKind.OrderType => ScriptNames<OrderType>.Name(value),
            FieldKind.TimeInForce => ScriptNames<TimeInForce>.Name(value),
            FieldKind.Stp => ScriptNames<StpMode>.Name(value),
            FieldKind.Origin => ScriptNames<Origin>.Name(value),
            FieldKind.Tier => ScriptNames<Tier>.Name(value),
            FieldKind.Curve => ScriptNames<CurveKind>.Name(value),
            _ => ScriptValues.Format(value),
        };
    }

    private bool TryReadEnum(string text, out long value, out string error) => Kind switch
    {
        FieldKind.Side => ScriptNames<Side>.TryParse(text, byte.MaxValue, out value, out error),
        FieldKind.OrderType => ScriptNames<OrderType>.TryParse(text, byte.MaxValue, out value, out error),
        FieldKind.TimeInForce => ScriptNames<TimeInForce>.TryParse(text, byte.MaxValue, out value, out error),
        FieldKind.Stp => ScriptNames<StpMode>.TryParse(text, byte.MaxValue, out value, out error),
        FieldKind.Origin => ScriptNames<Origin>.TryParse(text, byte.MaxValue, out value, out error),
        FieldKind.Tier => ScriptNames<Tier>.TryParse(text, byte.MaxValue, out value, out error),
        _ => ScriptNames<CurveKind>.TryParse(text, byte.MaxValue, out value, out error),
    };

    private static bool TryReadOrigins(ref Command command, string text, out string error)
    {
        string[] parts = text.Split(',');
        if (parts.Length != 4)
        {
            error = $"expected four origins separated by commas (e.g. trial,promo,acquired,allocated), got '{text}'";
            return false;
        }
        Span<long> origins = stackalloc long[4];
        for (int i = 0; i < 4; i++)
            if (!ScriptNames<Origin>.TryParse(parts[i], long.MaxValue, out origins[i], out error)) return false;
        command.A0 = origins[0];
        command.A1 = origins[1];
        command.A2 = origins[2];
        command.A3 = origins[3];
        error = "";
        return true;
    }
}
