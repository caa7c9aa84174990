using TokenMatch.Commands;
using TokenMatch.Markets;

namespace TokenMatch.Tests.Support;

public sealed partial class CommandInterpreter
{
    private Command Deposit(ref OpRandom r)
    {
        long credits = r.Weighted([75, 10, 5, 10]) switch
        {
            0 => r.Between(100_000, 20_000_000),
            1 => -r.Below(6),
            // Every deposit adds to a 64-bit total: this one can never fit once anything was deposited.
            2 => long.MaxValue,
            _ => r.Between(1, 99_999),
        };
        return Command.Deposit(Now, PickAccount(ref r), credits);
    }

    private Command Grant(ref OpRandom r)
    {
        int account = PickAccount(ref r);
        Origin origin = r.Weighted([45, 20, 20, 15]) switch
        {
            0 => Origin.Allocated,
            1 => Origin.Trial,
            2 => Origin.Promo,
            _ => r.Chance(50) ? Origin.Acquired : (Origin)9,
        };
        // The trial-only account never receives a sellable lot.
        if (account == TrialOnly && origin == Origin.Allocated) origin = Origin.Trial;
        long lots = r.Weighted([80, 10, 10]) switch
        {
            0 => r.Between(1, 60),
            1 => -r.Below(2),
            _ => long.MaxValue,
        };
        return Command.Grant(Now, account, PickMarket(ref r).Id, origin, lots);
    }

    private Command SetTierCap(ref OpRandom r)
    {
        Tier tier = r.Chance(95) ? (Tier)r.Below(3) : (Tier)9;
        long cap = r.Weighted([60, 30, 10]) switch
        {
            0 => r.Between(20, 300),
            1 => long.MaxValue,
            _ => -1,
        };
        return Command.SetTierCap(Now, tier, cap);
    }

    private Command SetMaxOpenOrders(ref OpRandom r)
    {
        long max = r.Weighted([40, 50, 10]) switch
        {
            0 => r.Between(1, 6),
            1 => long.MaxValue,
            _ => -1,
        };
        return Command.SetMaxOpenOrders(Now, max);
    }

    private Command SetBuyback(ref OpRandom r)
    {
        MarketSpec m = PickMarket(ref r);
        long rate = r.Weighted([35, 20, 15, 10, 5]) switch
        {
            0 => r.Between(9_500, 10_400),
            1 => r.Between(8_000, 9_499),
            2 => 0,
            // Below 1% of face the bid's price rounds to zero ticks: below every market's minimum.
            3 => r.Between(1, 99),
            _ => r.Between(10_001, 20_000),
        };
        long boughtBack = _view.GetMarket(m.Id)?.BoughtBack ?? 0;
        long budget = r.Weighted([45, 35, 10, 10]) switch
        {
            0 => r.Between(0, 60),
            1 => boughtBack + r.Between(0, 40),
            2 => boughtBack,
            _ => -1,
        };
        return Command.SetBuyback(Now, m.Id, rate, budget);
    }

    private Command SetFees(ref OpRandom r)
    {
        int market = r.Chance(60) ? 1 : PickMarket(ref r).Id;
        long maker = r.Between(0, 50), taker = r.Between(0, 50);
        if (r.Chance(5)) maker = 2_000;
        if (r.Chance(5)) taker = -1;
        return Command.SetFees(Now, market, maker, taker);
    }

    private Command Expire(ref OpRandom r)
    {
        // An early expiry ends a market for the rest of the run: only late in its cycle, else an unknown market.
        MarketSpec m = PickMarket(ref r);
        bool late = Now >= m.CycleStart + m.Length * 6 / 10;
        return Command.MarketState(Now, CommandType.ExpireMarket, r.Chance(50) && late ? m.Id : UnknownMarketId);
    }

    private Command SetConsumeOrder(ref OpRandom r)
    {
        long[] order = [0, 1, 2, 3];
        for (int i = 3; i > 0; i--)
        {
            int j = (int)r.Below(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        if (r.Chance(15)) order[(int)r.Below(4)] = r.Chance(80) ? order[(int)r.Below(4)] : 7;
        return new Command
        {
            Type = CommandType.SetConsumeOrder, Timestamp = Now, A0 = order[0], A1 = order[1], A2 = order[2], A3 = order[3],
        };
    }

    private Command Admin(ref OpRandom r)
    {
        switch (r.Below(8))
        {
            case 0:
                return Command.CreateAccount(Now, r.Chance(70) ? (int)r.Between(40, 41) : r.Pick(_traders), (Tier)r.Below(3));
            case 1:
                return r.Chance(50) ? Command.CreateAccount(Now, -1) : Command.CreateAccount(Now, 45, (Tier)9);
            case 2:
                return r.Pick(Markets).Create(Now);
            case 3:
                if (r.Chance(30)) return Markets[0].Create(Now) with { Market = 5_000 };
                return Markets[0].Create(Now) with { Market = 8, A1 = r.Chance(50) ? 0 : 3 };
            case 4:
                return r.Below(3) switch
                {
                    0 => Command.SetCurve(Now, PreOpenMarket, CurveKind.Table),
                    1 => Command.SetCurve(Now, PreOpenMarket, CurveKind.Linear, 2_000_000),
                    _ => Command.SetCurve(Now, (int)r.Between(1, 3), CurveKind.Sqrt, 0),
                };
            case 5:
                {
                    // Mostly a later, lower point; sometimes one that rises or is out of range.
                    long x = r.Chance(20) ? 0 : r.Between(400_001, 1_000_000);
                    long d = r.Chance(20) ? 1_000_000 : r.Chance(5) ? 2_000_000 : r.Between(0, 900_000);
                    return Command.AddCurvePoint(Now, r.Chance(85) ? PreOpenMarket : 1, x, d);
                }
            case 6:
                return Command.MarketState(Now, CommandType.OpenMarket, r.Chance(70) ? PreOpenMarket : PickMarket(ref r).Id);
            default:
                return r.Below(3) switch
                {
                    0 => Command.SetHouse(Now, Provider, FeeAccount),
                    1 => Command.SetHouse(Now, UnknownAccountId, FeeAccount),
                    _ => Command.SetHouse(Now, r.Pick(_traders), FeeAccount),
                };
        }
    }

    private Command Invalid(ref OpRandom r)
    {
        int account = PickAccount(ref r);
        return r.Below(7) switch
        {
            0 => new Command { Type = CommandType.None, Timestamp = Now, Account = account },
            1 => new Command { Type = (CommandType)99, Timestamp = Now, Account = account, Market = 1 },
            2 => Command.Cancel(Now, account, 0),
            3 => Command.CancelByClientId(Now, account, UnknownMarketId, 3),
            4 => Command.MassCancel(Now, account, UnknownMarketId),
            5 => Command.Place(Now, UnknownAccountId, 1, Side.Buy, 100_000, 1),
            _ => Command.Spend(Now, UnknownAccountId, 5),
        };
    }
}
