using TokenMatch.Commands;

namespace TokenMatch.Gateway.Sessions;

/// <summary>
/// What each role may do (docs/protocol.md, "Roles"): a trader places, cancels, amends and mass-cancels
/// for its own account only; a provider sends every command for any account; market data sends none.
/// Pure functions: checked before a slot is claimed, so a refused command never reaches the engine.
/// </summary>
public static class Authorization
{
    /// <summary>Ok, or <see cref="ResultCode.NotAuthorized"/>.</summary>
    public static ResultCode Command(Role role, int sessionAccount, CommandType type, int account) => role switch
    {
        Role.Provider => ResultCode.Ok,
        Role.Trader when account == sessionAccount && IsTrading(type) => ResultCode.Ok,
        _ => ResultCode.NotAuthorized,
    };

    /// <summary>Ok when the role may read this account's orders, fills and balances.</summary>
    public static ResultCode AccountQuery(Role role, int sessionAccount, int account) => role switch
    {
        Role.Provider => ResultCode.Ok,
        Role.Trader when account == sessionAccount => ResultCode.Ok,
        _ => ResultCode.NotAuthorized,
    };

    /// <summary>Ok when the role may issue and revoke keys.</summary>
    public static ResultCode KeyAdmin(Role role) => role == Role.Provider ? ResultCode.Ok : ResultCode.NotAuthorized;

    /// <summary>Ok when the role may subscribe to surveillance alerts (providers only: alerts name accounts).</summary>
    public static ResultCode Alerts(Role role) => role == Role.Provider ? ResultCode.Ok : ResultCode.NotAuthorized;

    /// <summary>The commands a trader may send for its own account.</summary>
    public static bool IsTrading(CommandType type) =>
        type is CommandType.Place or CommandType.Cancel or CommandType.Amend or CommandType.MassCancel;
}
