using System.Diagnostics.CodeAnalysis;

namespace TokenMatch.Commands;

// The typed views: each command kind's fields under their own names (Commands/Views, drawn in
// CommandLayout), so that the core reads c.AsGrant().Lots rather than c.Quantity.
public partial struct Command
{
    /// <summary>This slot as a <see cref="CommandType.Place"/> command (<see cref="PlaceArgs"/>).</summary>
    [UnscopedRef]
    public readonly PlaceArgs AsPlace() => new(in this);

    /// <summary>This slot as a <see cref="CommandType.Cancel"/> command (<see cref="OrderRefArgs"/>).</summary>
    [UnscopedRef]
    public readonly OrderRefArgs AsOrderRef() => new(in this);

    /// <summary>This slot as a <see cref="CommandType.Amend"/> command (<see cref="AmendArgs"/>).</summary>
    [UnscopedRef]
    public readonly AmendArgs AsAmend() => new(in this);

    /// <summary>This slot as a <see cref="CommandType.MassCancel"/> command (<see cref="MassCancelArgs"/>).</summary>
    [UnscopedRef]
    public readonly MassCancelArgs AsMassCancel() => new(in this);

    /// <summary>This slot as a <see cref="CommandType.Fill"/> command (<see cref="FillArgs"/>).</summary>
    [UnscopedRef]
    public readonly FillArgs AsFill() => new(in this);

    /// <summary>This slot as a <see cref="CommandType.Consume"/> command (<see cref="ConsumeArgs"/>).</summary>
    [UnscopedRef]
    public readonly ConsumeArgs AsConsume() => new(in this);

    /// <summary>This slot as a <see cref="CommandType.Spend"/>, <see cref="CommandType.Deposit"/> command (<see cref="CreditsArgs"/>).</summary>
    [UnscopedRef]
    public readonly CreditsArgs AsCredits() => new(in this);

    /// <summary>This slot as a <see cref="CommandType.Grant"/> command (<see cref="GrantArgs"/>).</summary>
    [UnscopedRef]
    public readonly GrantArgs AsGrant() => new(in this);

    /// <summary>This slot as a <see cref="CommandType.CreateAccount"/>, <see cref="CommandType.SetTier"/> command (<see cref="AccountTierArgs"/>).</summary>
    [UnscopedRef]
    public readonly AccountTierArgs AsAccountTier() => new(in this);

    /// <summary>This slot as a <see cref="CommandType.SetTierCap"/> command (<see cref="TierCapArgs"/>).</summary>
    [UnscopedRef]
    public readonly TierCapArgs AsTierCap() => new(in this);

    /// <summary>This slot as a <see cref="CommandType.SetMaxOpenOrders"/> command (<see cref="MaxOpenOrdersArgs"/>).</summary>
    [UnscopedRef]
    public readonly MaxOpenOrdersArgs AsMaxOpenOrders() => new(in this);

    /// <summary>This slot as a <see cref="CommandType.Link"/> command (<see cref="LinkArgs"/>).</summary>
    [UnscopedRef]
    public readonly LinkArgs AsLink() => new(in this);

    /// <summary>This slot as a <see cref="CommandType.SetStpDefault"/> command (<see cref="StpDefaultArgs"/>).</summary>
    [UnscopedRef]
    public readonly StpDefaultArgs AsStpDefault() => new(in this);

    /// <summary>This slot as a <see cref="CommandType.SetConsumeOrder"/> command (<see cref="ConsumeOrderArgs"/>).</summary>
    [UnscopedRef]
    public readonly ConsumeOrderArgs AsConsumeOrder() => new(in this);

    /// <summary>This slot as a <see cref="CommandType.SetHouse"/> command (<see cref="HouseArgs"/>).</summary>
    [UnscopedRef]
    public readonly HouseArgs AsHouse() => new(in this);

    /// <summary>This slot as a <see cref="CommandType.IssueApiKey"/>, <see cref="CommandType.RevokeApiKey"/> command (<see cref="ApiKeyArgs"/>).</summary>
    [UnscopedRef]
    public readonly ApiKeyArgs AsApiKey() => new(in this);

    /// <summary>This slot as a <see cref="CommandType.CreateMarket"/> command (<see cref="CreateMarketArgs"/>).</summary>
    [UnscopedRef]
    public readonly CreateMarketArgs AsCreateMarket() => new(in this);

    /// <summary>This slot as a <see cref="CommandType.SetCurve"/> command (<see cref="CurveArgs"/>).</summary>
    [UnscopedRef]
    public readonly CurveArgs AsCurve() => new(in this);

    /// <summary>This slot as a <see cref="CommandType.AddCurvePoint"/> command (<see cref="CurvePointArgs"/>).</summary>
    [UnscopedRef]
    public readonly CurvePointArgs AsCurvePoint() => new(in this);

    /// <summary>This slot as a <see cref="CommandType.SetFees"/> command (<see cref="FeesArgs"/>).</summary>
    [UnscopedRef]
    public readonly FeesArgs AsFees() => new(in this);

    /// <summary>This slot as a <see cref="CommandType.SetBuyback"/> command (<see cref="BuybackArgs"/>).</summary>
    [UnscopedRef]
    public readonly BuybackArgs AsBuyback() => new(in this);
}
