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
        AccountTierArgs a = c.AsAccountTier();
        return Accepted(ref c, _ledger.CreateAccount(a.Account, a.TierCode));
    }

    private ResultCode SetTier(ref Command c)
    {
        AccountTierArgs a = c.AsAccountTier();
        Account? account = AccountOrNull(a.Account);
        if (account is null) return ResultCode.UnknownAccount;
        if (a.TierCode > (byte)Tier.Trusted) return ResultCode.InvalidTier;
        _events.Accepted(ref c);
        account.Tier = (Tier)a.TierCode;
        return ResultCode.Ok;
    }

    private ResultCode SetTierCap(ref Command c)
    {
        TierCapArgs t = c.AsTierCap();
        if (t.TierCode > (byte)Tier.Trusted) return ResultCode.InvalidTier;
        if (t.MaxSellLots < 0) return ResultCode.NegativeValue;
        _events.Accepted(ref c);
        _ledger.TierCaps[t.TierCode] = t.MaxSellLots;
        return ResultCode.Ok;
    }

    private ResultCode SetMaxOpenOrders(ref Command c)
    {
        MaxOpenOrdersArgs m = c.AsMaxOpenOrders();
        if (m.MaxOpenOrders < 0) return ResultCode.NegativeValue;
        _events.Accepted(ref c);
        _ledger.MaxOpenOrders = m.MaxOpenOrders;
        return ResultCode.Ok;
    }

    private ResultCode Link(ref Command c)
    {
        LinkArgs l = c.AsLink();
        Account? account = AccountOrNull(l.Account);
        if (account is null) return ResultCode.UnknownAccount;
        if (l.Group <= 0) return ResultCode.InvalidId;
        _events.Accepted(ref c);
        account.Group = l.Group;
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
        StpDefaultArgs s = c.AsStpDefault();
        Account? account = AccountOrNull(s.Account);
        if (account is null) return ResultCode.UnknownAccount;
        if (s.Mode is StpMode.Default or > StpMode.DecrementAndCancel) return ResultCode.InvalidStpMode;
        _events.Accepted(ref c);
        account.StpDefault = s.Mode;
        return ResultCode.Ok;
    }

    private ResultCode SetConsumeOrder(ref Command c)
    {
        ConsumeOrderArgs o = c.AsConsumeOrder();
        return Accepted(ref c, _ledger.SetConsumeOrder([o.First, o.Second, o.Third, o.Fourth]));
    }

    private ResultCode SetHouse(ref Command c)
    {
        HouseArgs h = c.AsHouse();
        if (AccountOrNull(h.Provider) is null || h.FeeAccount is < 0 or > int.MaxValue || AccountOrNull((int)h.FeeAccount) is null)
            return ResultCode.UnknownAccount;
        // The provider of a live buyback bid cannot change under it.
        if (h.Provider != _ledger.Provider)
            foreach (Market m in _marketList)
                if (m.BuybackOrder >= 0) return ResultCode.InvalidMarketState;
        _events.Accepted(ref c);
        _ledger.Provider = h.Provider;
        _ledger.FeeAccount = (int)h.FeeAccount;
        return ResultCode.Ok;
    }

    private ResultCode Consume(ref Command c)
    {
        ConsumeArgs u = c.AsConsume();
        Account? account = AccountOrNull(u.Account);
        if (account is null) return ResultCode.UnknownAccount;
        Market? market = MarketOrNull(u.Market);
        if (market is null) return ResultCode.UnknownMarket;
        return Accepted(ref c, _ledger.Consume(account, market, u.Lots));
    }

    private ResultCode Spend(ref Command c)
    {
        CreditsArgs s = c.AsCredits();
        Account? account = AccountOrNull(s.Account);
        if (account is null) return ResultCode.UnknownAccount;
        return Accepted(ref c, LedgerBook.Spend(account, s.Credits));
    }

    private ResultCode Deposit(ref Command c)
    {
        CreditsArgs d = c.AsCredits();
        Account? account = AccountOrNull(d.Account);
        if (account is null) return ResultCode.UnknownAccount;
        return Accepted(ref c, _ledger.Deposit(account, d.Credits));
    }

    private ResultCode Grant(ref Command c)
    {
        GrantArgs g = c.AsGrant();
        Account? account = AccountOrNull(g.Account);
        if (account is null) return ResultCode.UnknownAccount;
        Market? market = MarketOrNull(g.Market);
        if (market is null) return ResultCode.UnknownMarket;
        return Accepted(ref c, LedgerBook.Grant(account, market, g.OriginCode, g.Lots));
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
