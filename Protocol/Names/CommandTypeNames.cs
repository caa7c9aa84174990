using TokenMatch.Commands;

namespace TokenMatch.Protocol;

/// <summary>Explicit text names of <see cref="CommandType"/> (see <see cref="NameTable{TEnum}"/>). Renaming a member never changes these.</summary>
public static class CommandTypeNames
{
    /// <summary>The table.</summary>
    public static readonly NameTable<CommandType> Table = new(
        (CommandType.None, "none"),
        (CommandType.Time, "time"),
        (CommandType.Place, "place"),
        (CommandType.Cancel, "cancel"),
        (CommandType.Amend, "amend"),
        (CommandType.MassCancel, "mass-cancel"),
        (CommandType.Consume, "consume"),
        (CommandType.Spend, "spend"),
        (CommandType.CreateAccount, "create-account"),
        (CommandType.Deposit, "deposit"),
        (CommandType.Grant, "grant"),
        (CommandType.SetTier, "set-tier"),
        (CommandType.SetTierCap, "set-tier-cap"),
        (CommandType.SetMaxOpenOrders, "set-max-open-orders"),
        (CommandType.Link, "link"),
        (CommandType.Unlink, "unlink"),
        (CommandType.Freeze, "freeze"),
        (CommandType.Unfreeze, "unfreeze"),
        (CommandType.SetStpDefault, "set-stp-default"),
        (CommandType.SetConsumeOrder, "set-consume-order"),
        (CommandType.SetHouse, "set-house"),
        (CommandType.IssueApiKey, "issue-api-key"),
        (CommandType.RevokeApiKey, "revoke-api-key"),
        (CommandType.CreateMarket, "create-market"),
        (CommandType.SetCurve, "set-curve"),
        (CommandType.AddCurvePoint, "add-curve-point"),
        (CommandType.OpenMarket, "open-market"),
        (CommandType.HaltMarket, "halt-market"),
        (CommandType.ResumeMarket, "resume-market"),
        (CommandType.ExpireMarket, "expire-market"),
        (CommandType.SetFees, "set-fees"),
        (CommandType.SetBuyback, "set-buyback"),
        (CommandType.Snapshot, "snapshot"),
        (CommandType.Fill, "fill"));

    /// <summary>The name written for <paramref name="value"/> (its number when it has none).</summary>
    public static string Name(CommandType value) => Table.Name(value);

    /// <summary>Reads a name.</summary>
    public static bool TryParse(string text, out CommandType value) => Table.TryParse(text, out value);
}
