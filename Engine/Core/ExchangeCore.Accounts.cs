using TokenMatch.Commands;
using TokenMatch.Ledger;
using TokenMatch.Markets;

namespace TokenMatch.Core;

// The account and engine-setting commands, and the ledger's own commands (deposit, grant, consume,
// spend): each finds what it names, lets the LedgerBook check and apply it, and says so.
public sealed partial class ExchangeCore
{
    private ResultCode CreateAccount(ref Command c)
    {
        return Accepted(ref c, _ledger.CreateAccount(c.Account, c.Code));
    }

    private ResultCode SetTier(ref Command c)
    {
        Account? account = AccountOrNull(c.Account);
        if (account is null) return ResultCode.UnknownAccount;
        if (c.Code > (byte)Tier.Trusted) return ResultCode.InvalidTier;
        _events.Accepted(ref c);
        account.Tier = (Tier)c.Code;
        return ResultCode.Ok;
    }

    private ResultCode SetTierCap(ref Command c)
    {
        if (c.Code > (byte)Tier.Trusted) return ResultCode.InvalidTier;
        if (c.Quantity < 0) return ResultCode.NegativeValue;
        _events.Accepted(ref c);
        _ledger.TierCaps[c.Code] = c.Quantity;
        return ResultCode.Ok;
    }

    private ResultCode SetMaxOpenOrders(ref Command c)
    {
        if (c.Quantity < 0) return ResultCode.NegativeValue;
        _events.Accepted(ref c);
        _ledger.MaxOpenOrders = c.Quantity;
        return ResultCode.Ok;
    }

    private ResultCode Link(ref Command c)
    {
        Account? account = AccountOrNull(c.Account);
        if (account is null) return ResultCode.UnknownAccount;
        if (c.Arg <= 0) return ResultCode.InvalidId;
        _events.Accepted(ref c);
        account.Group = c.Arg;
        return ResultCode.Ok;
    }

    private ResultCode Unlink(ref Command c)
    {
        Account? account = AccountOrNull(c.Account);
        if (account is null) return ResultCode.UnknownAccount;
        _events.Accepted(ref c);
        account.Group = 0;
        return ResultCode.Ok;
    }

    private ResultCode Freeze(ref Command c)
    {
        Account? account = AccountOrNull(c.Account);
        if (account is null) return ResultCode.UnknownAccount;
        _events.Accepted(ref c);
        account.Frozen = true;
        _desk.CancelAccountOrders(account, -1, CancelReason.Freeze);
        return ResultCode.Ok;
    }

    private ResultCode Unfreeze(ref Command c)
    {
        Account? account = AccountOrNull(c.Account);
        if (account is null) return ResultCode.UnknownAccount;
        _events.Accepted(ref c);
        account.Frozen = false;
        return ResultCode.Ok;
    }

    private ResultCode SetStpDefault(ref Command c)
    {
        Account? account = AccountOrNull(c.Account);
        if (account is null) return ResultCode.UnknownAccount;
        if (c.Stp is StpMode.Default or > StpMode.DecrementAndCancel) return ResultCode.InvalidStpMode;
        _events.Accepted(ref c);
        account.StpDefault = c.Stp;
        return ResultCode.Ok;
    }

    private ResultCode SetConsumeOrder(ref Command c)
    {
        return Accepted(ref c, _ledger.SetConsumeOrder([c.A0, c.A1, c.A2, c.A3]));
    }

    private ResultCode SetHouse(ref Command c)
    {
        if (AccountOrNull(c.Account) is null || c.Arg is < 0 or > int.MaxValue || AccountOrNull((int)c.Arg) is null)
            return ResultCode.UnknownAccount;
        // The provider of a live buyback bid cannot change under it.
        if (c.Account != _ledger.Provider)
            foreach (Market m in _marketList)
                if (m.BuybackOrder >= 0) return ResultCode.InvalidMarketState;
        _events.Accepted(ref c);
        _ledger.Provider = c.Account;
        _ledger.FeeAccount = (int)c.Arg;
        return ResultCode.Ok;
    }

    private ResultCode Consume(ref Command c)
    {
        Account? account = AccountOrNull(c.Account);
        if (account is null) return ResultCode.UnknownAccount;
        Market? market = MarketOrNull(c.Market);
        if (market is null) return ResultCode.UnknownMarket;
        return Accepted(ref c, _ledger.Consume(account, market, c.Quantity));
    }

    private ResultCode Spend(ref Command c)
    {
        Account? account = AccountOrNull(c.Account);
        if (account is null) return ResultCode.UnknownAccount;
        return Accepted(ref c, LedgerBook.Spend(account, c.Quantity));
    }

    private ResultCode Deposit(ref Command c)
    {
        Account? account = AccountOrNull(c.Account);
        if (account is null) return ResultCode.UnknownAccount;
        return Accepted(ref c, _ledger.Deposit(account, c.Quantity));
    }

    private ResultCode Grant(ref Command c)
    {
        Account? account = AccountOrNull(c.Account);
        if (account is null) return ResultCode.UnknownAccount;
        Market? market = MarketOrNull(c.Market);
        if (market is null) return ResultCode.UnknownMarket;
        return Accepted(ref c, LedgerBook.Grant(account, market, c.Code, c.Quantity));
    }

    /// <summary>
    /// The accepted event of a command the ledger has already applied (<paramref name="code"/> Ok): the
    /// ledger emits nothing itself, and these commands' only event is their acceptance.
    /// </summary>
    private ResultCode Accepted(ref Command c, ResultCode code)
    {
        if (code == ResultCode.Ok) _events.Accepted(ref c);
        return code;
    }
}
