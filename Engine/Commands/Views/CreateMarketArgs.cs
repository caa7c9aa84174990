using System.Diagnostics;

namespace TokenMatch.Commands;

/// <summary>
/// A market's specification (<see cref="CommandType.CreateMarket"/>). A typed view over a
/// <see cref="Command"/> slot: the slot's fields under the names they have for this command, read
/// in place (no copy, no allocation); <see cref="CommandLayout"/> draws which field each name
/// reads.
/// </summary>
public readonly ref struct CreateMarketArgs
{
    private readonly ref readonly Command _c;

    /// <summary>A view of <paramref name="command"/>, which must be of a kind this view names.</summary>
    public CreateMarketArgs(ref readonly Command command)
    {
        Debug.Assert(command.Type == CommandType.CreateMarket, "CreateMarketArgs over a command of another kind");
        _c = ref command;
    }

    /// <summary>The new market's id (slot field <see cref="Command.Market"/>).</summary>
    public int Market => _c.Market;

    /// <summary>The symbol's first 8 characters, packed (<see cref="MarketSymbol"/>) (slot field
    /// <see cref="Command.OrderId"/>).</summary>
    public long SymbolLow => _c.OrderId;

    /// <summary>The symbol's last 8 characters, packed (slot field
    /// <see cref="Command.ClientId"/>).</summary>
    public long SymbolHigh => _c.ClientId;

    /// <summary>Cycle end (ns) (slot field <see cref="Command.Quantity"/>).</summary>
    public long CycleEnd => _c.Quantity;

    /// <summary>Tokens per lot (slot field <see cref="Command.A0"/>).</summary>
    public long LotSize => _c.A0;

    /// <summary>Price increment (micro-credits per lot) (slot field
    /// <see cref="Command.A1"/>).</summary>
    public long Tick => _c.A1;

    /// <summary>List price per lot at cycle start (slot field <see cref="Command.A2"/>).</summary>
    public long Face => _c.A2;

    /// <summary>Lowest FTE price (slot field <see cref="Command.A3"/>).</summary>
    public long MinPrice => _c.A3;

    /// <summary>Highest FTE price (slot field <see cref="Command.A4"/>).</summary>
    public long MaxPrice => _c.A4;

    /// <summary>Smallest order quantity (lots) (slot field <see cref="Command.A5"/>).</summary>
    public long MinQuantity => _c.A5;

    /// <summary>Largest order quantity (lots) (slot field <see cref="Command.A6"/>).</summary>
    public long MaxQuantity => _c.A6;

    /// <summary>Cycle start (ns) (slot field <see cref="Command.A7"/>).</summary>
    public long CycleStart => _c.A7;
}
