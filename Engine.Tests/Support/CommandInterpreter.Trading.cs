using TokenMatch.Commands;
using TokenMatch.Core;

namespace TokenMatch.Tests.Support;

public sealed partial class CommandInterpreter
{
    private Command Place(ref OpRandom r)
    {
        // A well-formed order first: a trader, an open market's band price, a time in force its type allows.
        int account = r.Chance(95) ? r.Pick(_traders) : r.Pick([Provider, TrialOnly]);
        MarketSpec m = Markets[r.Weighted([50, 22, 23, 5])];
        Side side = r.Chance(50) ? Side.Buy : Side.Sell;
        OrderType type = r.Weighted([60, 20, 20]) switch
        {
            0 => OrderType.Limit,
            1 => OrderType.Market,
            _ => OrderType.PostOnly,
        };
        TimeInForce tif = type switch
        {
            OrderType.Market => r.Pick([TimeInForce.Default, TimeInForce.Ioc, TimeInForce.Fok]),
            OrderType.PostOnly => r.Pick([TimeInForce.Default, TimeInForce.GoodTillCycle, TimeInForce.GoodTillTime]),
            _ => r.Weighted([35, 15, 20, 15, 15]) switch
            {
                0 => TimeInForce.Default,
                1 => TimeInForce.GoodTillCycle,
                2 => TimeInForce.GoodTillTime,
                3 => TimeInForce.Ioc,
                _ => TimeInForce.Fok,
            },
        };
        long expireAt = tif == TimeInForce.GoodTillTime ? Now + 1 + r.Below(10 * _scenario.Pace) : 0;
        StpMode stp = PickStp(ref r, allowDefault: true);
        if (stp == (StpMode)9) stp = StpMode.Default;
        long clientId = r.Chance(50) ? 0 : r.Between(1, 40);
        long quantity = r.Chance(92) ? r.Between(m.MinQuantity, 12) : r.Between(13, 120);
        // Bids a little below face, asks a little above, overlapping by a few ticks: books build depth and still cross.
        long price = m.Face + (side == Side.Buy ? r.Between(-5, 1) : r.Between(-1, 5)) * m.Tick;
        PriceKind kind = PriceKind.Fte;
        if (type == OrderType.Market && r.Chance(50)) price = 0;
        else if (r.Chance(12)) (price, kind) = (AbsoluteNear(ref r, m, price), PriceKind.Absolute);

        // Then, now and then, exactly one thing wrong with it.
        if (r.Chance(15))
        {
            switch (r.Below(14))
            {
                case 0: side = r.Chance(50) ? Side.None : (Side)3; break;
                case 1: type = (OrderType)r.Pick([0, 9]); break;
                case 2: tif = type == OrderType.Market ? r.Pick([TimeInForce.GoodTillCycle, TimeInForce.GoodTillTime]) : (TimeInForce)9; break;
                case 3: (type, tif) = (OrderType.PostOnly, r.Pick([TimeInForce.Ioc, TimeInForce.Fok])); break;
                case 4: (tif, expireAt) = r.Chance(50) ? (TimeInForce.GoodTillTime, Now - r.Below(_scenario.Pace)) : (tif, Now + 5); break;
                case 5: stp = (StpMode)9; break;
                case 6: quantity = PickQuantity(ref r, m); break;
                case 7: (price, kind) = PickPrice(ref r, m); break;
                case 8: account = r.Pick([UnknownAccountId, 40, 41]); break;
                case 9: m = r.Chance(50) ? Unknown : Markets[3]; break;
                case 10: clientId = r.Between(1, 2); break;
                case 11: kind = (PriceKind)5; break;
                case 12: quantity = m.MaxQuantity + 1; break;
                default: price = m.Face + m.Tick / 2; break;
            }
        }
        return Command.Place(Now, account, m.Id, side, price, quantity, type, tif, clientId, stp, kind, expireAt);
    }

    private Command Cancel(ref OpRandom r)
    {
        OrderView? o = r.Chance(85) ? PickOpenOrder(ref r) : null;
        if (o is null) return Command.Cancel(Now, PickAccount(ref r), r.Between(1, 400));
        return Command.Cancel(Now, r.Chance(90) ? o.Account : PickAccount(ref r), o.OrderId);
    }

    private Command CancelByClientId(ref OpRandom r)
    {
        OrderView? o = r.Chance(60) ? PickOpenOrder(ref r, withClientId: true) : null;
        if (o is not null) return Command.CancelByClientId(Now, o.Account, o.Market, o.ClientId);
        return Command.CancelByClientId(Now, PickAccount(ref r), PickMarket(ref r).Id, r.Below(7));
    }

    private Command Amend(ref OpRandom r)
    {
        OrderView? o = r.Chance(85) ? PickOpenOrder(ref r) : null;
        if (o is null) return Command.Amend(Now, PickAccount(ref r), r.Between(1, 400), r.Between(1, 10), 0);
        MarketSpec m = SpecOf(o.Market);
        int account = r.Chance(92) ? o.Account : PickAccount(ref r);
        long quantity = 0, price = 0;
        PriceKind kind = PriceKind.Fte;
        switch (r.Weighted([30, 20, 25, 10, 5, 5, 5]))
        {
            case 0:
                quantity = o.Remaining > 1 ? r.Between(1, o.Remaining - 1) : 1;
                break;
            case 1:
                quantity = o.Remaining + r.Between(1, 10);
                break;
            case 2:
                quantity = r.Chance(50) ? 0 : r.Between(1, o.Remaining + 3);
                (price, kind) = PickPrice(ref r, m);
                break;
            case 3:
                quantity = r.Chance(50) ? 0 : o.Remaining;
                price = r.Chance(50) ? 0 : o.Price;
                break;
            case 4:
                quantity = -r.Between(1, 3);
                break;
            case 5:
                quantity = m.MaxQuantity + 1;
                break;
            default:
                (price, kind) = r.Chance(50) ? (o.Price + m.Tick / 2, PriceKind.Fte) : (r.Between(1, m.Face), PriceKind.Absolute);
                break;
        }
        if (o.ClientId != 0 && r.Chance(30)) return Command.AmendByClientId(Now, account, o.Market, o.ClientId, quantity, price, kind);
        return Command.Amend(Now, account, o.OrderId, quantity, price, kind);
    }

    private Command Fill(ref OpRandom r)
    {
        OrderView? o = r.Chance(90) ? PickOpenOrder(ref r) : null;
        int account = PickAccount(ref r);
        if (o is null) return Command.Fill(Now, account, r.Between(1, 400), r.Between(1, 5));
        long quantity = r.Weighted([85, 5, 5, 5]) switch
        {
            0 => r.Between(1, o.Remaining),
            1 => o.Remaining + 1,
            2 => 0,
            _ => r.Between(1, 3),
        };
        return Command.Fill(Now, account, o.OrderId, quantity);
    }

    private Command Consume(ref OpRandom r)
    {
        long lots = r.Weighted([70, 10, 20]) switch
        {
            0 => r.Between(1, 15),
            1 => -r.Below(2),
            _ => r.Between(100, 400),
        };
        return Command.Consume(Now, PickAccount(ref r), PickMarket(ref r).Id, lots);
    }

    private Command Spend(ref OpRandom r)
    {
        long credits = r.Weighted([70, 10, 20]) switch
        {
            0 => r.Between(1, 2_000_000),
            1 => -r.Below(2),
            _ => r.Between(100_000_000, 10_000_000_000),
        };
        return Command.Spend(Now, PickAccount(ref r), credits);
    }

    private Command Time(ref OpRandom r)
    {
        long pace = _scenario.Pace;
        long at = Now;
        switch (r.Weighted([50, 15, 15, 10, 10]))
        {
            case 0:
                at = Now + r.Below(6 * pace);
                break;
            case 1:
                {
                    // Exactly at the earliest pending good-till-time expiry.
                    long next = long.MaxValue;
                    foreach (int id in AccountIds)
                        foreach (OrderView o in _view.GetOpenOrders(id))
                            if (o.ExpireAt >= Now && o.ExpireAt < next) next = o.ExpireAt;
                    at = next == long.MaxValue ? Now + pace : next;
                    break;
                }
            case 2:
            case 3:
                {
                    // Exactly at (or just before) a cycle end, when it is near: far ones come by pace.
                    long end = r.Pick(Markets).CycleEnd - (r.Chance(50) ? 0 : 1);
                    at = end >= Now && end - Now <= 10 * pace ? end : Now + pace;
                    break;
                }
        }
        return Command.Time(at);
    }
}
