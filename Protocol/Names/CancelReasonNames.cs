using TokenMatch.Commands;

namespace TokenMatch.Protocol;

/// <summary>Explicit text names of <see cref="CancelReason"/> (see <see cref="NameTable{TEnum}"/>). Renaming a member never changes these.</summary>
public static class CancelReasonNames
{
    /// <summary>The table.</summary>
    public static readonly NameTable<CancelReason> Table = new(
        (CancelReason.User, "user"),
        (CancelReason.MassCancel, "mass-cancel"),
        (CancelReason.IocRemainder, "ioc-remainder"),
        (CancelReason.SelfTrade, "self-trade"),
        (CancelReason.Expiry, "expiry"),
        (CancelReason.TimeExpiry, "time-expiry"),
        (CancelReason.Freeze, "freeze"),
        (CancelReason.BuybackReplaced, "buyback-replaced"));

    /// <summary>The name written for <paramref name="value"/> (its number when it has none).</summary>
    public static string Name(CancelReason value) => Table.Name(value);

    /// <summary>Reads a name.</summary>
    public static bool TryParse(string text, out CancelReason value) => Table.TryParse(text, out value);
}
