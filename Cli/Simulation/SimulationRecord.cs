using TokenMatch.Commands;
using TokenMatch.Surveillance.Simulation;

namespace TokenMatch.Cli.Simulation;

/// <summary>
/// The run's own record of what happened, built from the commands' results and the events (or, over
/// the gateway, the results and the fills), never from the engine's balances: accepted deposits,
/// spends, grants and consumption; every trade with both sides and fees; expired lots; rejections
/// and cancels. From it come the expected balance of every account and the expected lots of every
/// account in every market, which <see cref="ConservationChecks"/> compares with what the engine
/// reports. Accounts are the population's ids. Owned by the thread that runs the simulation.
/// </summary>
public sealed class SimulationRecord(IReadOnlyDictionary<int, ActorKind> labels, int provider, int feeAccount)
{
    private readonly SortedDictionary<int, long> _credits = new();
    private readonly SortedDictionary<(int Account, int Market), long> _lots = new();
    private readonly SortedDictionary<int, MarketTotals> _markets = new();
    private readonly SortedDictionary<int, long> _deposits = new();

    /// <summary>Who each account is.</summary>
    public IReadOnlyDictionary<int, ActorKind> Labels { get; } = labels;
    /// <summary>The provider's account (buyback bids).</summary>
    public int Provider { get; } = provider;
    /// <summary>The fee account.</summary>
    public int FeeAccount { get; } = feeAccount;

    /// <summary>Every trade, in execution order.</summary>
    public List<SimTrade> Trades { get; } = new();
    /// <summary>Rejections by result code.</summary>
    public SortedDictionary<ResultCode, long> Rejections { get; } = new();
    /// <summary>Rejections by actor kind, then result code.</summary>
    public SortedDictionary<ActorKind, SortedDictionary<ResultCode, long>> RejectionsByActor { get; } = new();
    /// <summary>Cancels by reason: (count, lots).</summary>
    public SortedDictionary<CancelReason, (long Count, long Lots)> Cancels { get; } = new();
    /// <summary>Self-trade cancels of the wash pair's orders.</summary>
    public long WashPairStpCancels { get; private set; }
    /// <summary>Sell orders the bot farm sent, and how many of them the engine accepted.</summary>
    public (long Sent, long Accepted) BotSells { get; private set; }
    /// <summary>Commands run (accepted plus rejected).</summary>
    public long Commands { get; private set; }
    /// <summary>Accepted deposits, micro-credits.</summary>
    public long Deposits { get; private set; }
    /// <summary>Accepted spends, micro-credits.</summary>
    public long Spends { get; private set; }

    /// <summary>Per market totals, by market id.</summary>
    public IReadOnlyDictionary<int, MarketTotals> Markets => _markets;
    /// <summary>Expected credits (available + held) per account.</summary>
    public IReadOnlyDictionary<int, long> ExpectedCredits => _credits;
    /// <summary>Expected lots (free + held) per account and market.</summary>
    public IReadOnlyDictionary<(int Account, int Market), long> ExpectedLots => _lots;

    /// <summary>Accepted deposits to one account, micro-credits.</summary>
    public long DepositsOf(int account) => _deposits.GetValueOrDefault(account);

    /// <summary>Every account the record knows (labelled or touched), ascending.</summary>
    public IEnumerable<int> Accounts => Labels.Keys.Union(_credits.Keys).Union(_lots.Keys.Select(k => k.Account)).Distinct().Order();

    /// <summary>The kind of an account (house for one the population did not label).</summary>
    public ActorKind KindOf(int account) => Labels.TryGetValue(account, out ActorKind k) ? k : ActorKind.House;

    /// <summary>A command the engine accepted.</summary>
    public void Accepted(in Command c)
    {
        Commands++;
        switch (c.Type)
        {
            case CommandType.Deposit:
                Deposits += c.Quantity;
                _deposits[c.Account] = _deposits.GetValueOrDefault(c.Account) + c.Quantity;
                AddCredits(c.Account, c.Quantity);
                break;
            case CommandType.Spend:
                Spends += c.Quantity;
                AddCredits(c.Account, -c.Quantity);
                break;
            case CommandType.Grant:
                Totals(c.Market).Granted += c.Quantity;
                AddLots(c.Account, c.Market, c.Quantity);
                break;
            case CommandType.Consume:
                Totals(c.Market).Consumed += c.Quantity;
                AddLots(c.Account, c.Market, -c.Quantity);
                break;
            case CommandType.Place when c.Side == Side.Sell && KindOf(c.Account) == ActorKind.TrialBot:
                BotSells = (BotSells.Sent + 1, BotSells.Accepted + 1);
                break;
        }
    }

    /// <summary>A command the engine (or the gateway) rejected with <paramref name="code"/>.</summary>
    public void Rejected(in Command c, ResultCode code)
    {
        Commands++;
        Rejections[code] = Rejections.GetValueOrDefault(code) + 1;
        ActorKind kind = KindOf(c.Account);
        if (!RejectionsByActor.TryGetValue(kind, out var byCode)) RejectionsByActor[kind] = byCode = new();
        byCode[code] = byCode.GetValueOrDefault(code) + 1;
        if (c.Type == CommandType.Place && c.Side == Side.Sell && kind == ActorKind.TrialBot)
            BotSells = (BotSells.Sent + 1, BotSells.Accepted);
    }

    /// <summary>A trade: moves credits from buyer to seller and fee account, lots from seller to buyer (or retires them).</summary>
    public void Trade(SimTrade t)
    {
        Trades.Add(t);
        AddCredits(t.Buyer, -t.Value - t.BuyerFee);
        AddCredits(t.Seller, t.Value - t.SellerFee);
        AddCredits(FeeAccount, t.BuyerFee + t.SellerFee);
        AddLots(t.Seller, t.Market, -t.Quantity);
        MarketTotals m = Totals(t.Market);
        m.Trades++;
        m.Lots += t.Quantity;
        m.Volume += t.Value;
        m.Fees += t.BuyerFee + t.SellerFee;
        if (t.Buyback)
        {
            m.BoughtBack += t.Quantity;
            m.BuybackSpend += t.Value;
        }
        else AddLots(t.Buyer, t.Market, t.Quantity);
    }

    /// <summary>Lots of an account that expired at the cycle end.</summary>
    public void Expired(int account, int market, long lots)
    {
        Totals(market).Expired += lots;
        AddLots(account, market, -lots);
    }

    /// <summary>An order's remainder cancelled for <paramref name="reason"/>.</summary>
    public void Cancelled(int account, CancelReason reason, long lots)
    {
        (long count, long sum) = Cancels.GetValueOrDefault(reason);
        Cancels[reason] = (count + 1, sum + lots);
        if (reason == CancelReason.SelfTrade && KindOf(account) == ActorKind.WashPair) WashPairStpCancels++;
    }

    private void AddCredits(int account, long delta) => _credits[account] = _credits.GetValueOrDefault(account) + delta;

    private void AddLots(int account, int market, long delta) => _lots[(account, market)] = _lots.GetValueOrDefault((account, market)) + delta;

    private MarketTotals Totals(int market)
    {
        if (!_markets.TryGetValue(market, out MarketTotals? m)) _markets[market] = m = new MarketTotals();
        return m;
    }
}
