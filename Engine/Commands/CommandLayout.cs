namespace TokenMatch.Commands;

/// <summary>
/// The layout of a command ring slot (<see cref="Command"/>), and what each of its fields means for
/// each command kind. The slot is one fixed set of generic fields (account, market, a code byte, the
/// order enums, five 64-bit values and eight admin arguments <c>A0</c>..<c>A7</c>) that every kind
/// reuses for values of its own; a typed view per kind (Commands/Views: <see cref="PlaceArgs"/>,
/// <see cref="GrantArgs"/>, …, reached as <c>command.AsPlace()</c>, <c>command.AsGrant()</c>, …) gives
/// those values their names, and this descriptor draws which field each name reads.
/// <para>The slot in memory (byte offsets; a sequential struct, 8-byte aligned, <see cref="Size"/> bytes):</para>
/// <code>
///  0      1      2      3      4      5      6      7      8             10            12
///  +------+------+------+------+------+------+------+------+-------------+-------------+
///  | Type | Side | Order| Tif  | Stp  | Price| Code | pad  | Result u16  | pad         |
///  |      |      | Type |      |      | Kind |      |      | (output)    |             |
///  +------+------+------+------+------+------+------+------+-------------+-------------+
///  12            16            20            24            32
///  +-------------+-------------+-------------+-------------+
///  | Account i32 | Market i32  | pad         | Sequence i64|
///  +-------------+-------------+-------------+-------------+
///  32            40            48            56            64            72
///  +-------------+-------------+-------------+-------------+-------------+
///  | Timestamp   | OrderId     | ClientId    | Price       | Quantity    |
///  +-------------+-------------+-------------+-------------+-------------+
///  72            80                                      144           148     152
///  +-------------+---------------------------------------+-------------+-------+
///  | Arg         | A0 A1 A2 A3 A4 A5 A6 A7 (i64 each)    | EventCount  | pad   |
///  |             | Ai at 80 + 8 i                        | i32 (output)|       |
///  +-------------+---------------------------------------+-------------+-------+
/// </code>
/// <para>Per command kind, the fields it uses (top) and what each means (below); every other field is
/// zero, and <c>Sequence</c> and <c>Timestamp</c> are every kind's. After the kind, its view.</para>
/// <code>
/// Time
///   a heartbeat: the timestamp only
///
/// Place : PlaceArgs
/// +---------+--------+------+------------+-----+-----+------------+-----------+-------+----------+
/// | Account | Market | Side | OrderType  | Tif | Stp | PriceKind  | ClientId  | Price | Quantity |
/// | account | market | side | order type | tif | stp | price kind | client id | limit | lots     |
/// +---------+--------+------+------------+-----+-----+------------+-----------+-------+----------+
/// +----------------+
/// | Arg            |
/// | expire at (ns) |
/// +----------------+
///
/// Cancel : OrderRefArgs
/// +---------+-----------------------+----------------+-----------+
/// | Account | Market                | OrderId        | ClientId  |
/// | account | market (by client id) | order id, or 0 | client id |
/// +---------+-----------------------+----------------+-----------+
///
/// Amend : AmendArgs
/// +---------+-----------------------+------------+----------------+-----------+--------------------+
/// | Account | Market                | PriceKind  | OrderId        | ClientId  | Price              |
/// | account | market (by client id) | price kind | order id, or 0 | client id | new price, 0 keeps |
/// +---------+-----------------------+------------+----------------+-----------+--------------------+
/// +-------------------+
/// | Quantity          |
/// | new lots, 0 keeps |
/// +-------------------+
///
/// MassCancel : MassCancelArgs
/// +---------+----------------+
/// | Account | Market         |
/// | account | market, -1 all |
/// +---------+----------------+
///
/// Consume : ConsumeArgs
/// +---------+--------+----------+
/// | Account | Market | Quantity |
/// | account | market | lots     |
/// +---------+--------+----------+
///
/// Spend : CreditsArgs
/// +---------+----------+
/// | Account | Quantity |
/// | account | credits  |
/// +---------+----------+
///
/// Fill : FillArgs
/// +---------------+--------------------+---------------+----------+
/// | Account       | Side               | OrderId       | Quantity |
/// | taker account | side (informative) | resting order | lots     |
/// +---------------+--------------------+---------------+----------+
///
/// CreateAccount : AccountTierArgs
/// +---------+------+
/// | Account | Code |
/// | account | tier |
/// +---------+------+
///
/// Deposit : CreditsArgs
/// +---------+----------+
/// | Account | Quantity |
/// | account | credits  |
/// +---------+----------+
///
/// Grant : GrantArgs
/// +---------+--------+--------+----------+
/// | Account | Market | Code   | Quantity |
/// | account | market | origin | lots     |
/// +---------+--------+--------+----------+
///
/// SetTier : AccountTierArgs
/// +---------+------+
/// | Account | Code |
/// | account | tier |
/// +---------+------+
///
/// SetTierCap : TierCapArgs
/// +------+---------------+
/// | Code | Quantity      |
/// | tier | max sell lots |
/// +------+---------------+
///
/// SetMaxOpenOrders : MaxOpenOrdersArgs
/// +-----------------+
/// | Quantity        |
/// | max open orders |
/// +-----------------+
///
/// Link : LinkArgs
/// +---------+-------------+
/// | Account | Arg         |
/// | account | owner group |
/// +---------+-------------+
///
/// Unlink
/// +---------+
/// | Account |
/// | account |
/// +---------+
///
/// Freeze
/// +---------+
/// | Account |
/// | account |
/// +---------+
///
/// Unfreeze
/// +---------+
/// | Account |
/// | account |
/// +---------+
///
/// SetStpDefault : StpDefaultArgs
/// +---------+------+
/// | Account | Stp  |
/// | account | mode |
/// +---------+------+
///
/// SetConsumeOrder : ConsumeOrderArgs
/// +------------+------------+------------+------------+
/// | A0         | A1         | A2         | A3         |
/// | 1st origin | 2nd origin | 3rd origin | 4th origin |
/// +------------+------------+------------+------------+
///
/// SetHouse : HouseArgs
/// +----------+-------------+
/// | Account  | Arg         |
/// | provider | fee account |
/// +----------+-------------+
///
/// IssueApiKey : ApiKeyArgs
/// +---------+------+---------+--------+--------+--------+--------+--------+--------+
/// | Account | Code | OrderId | A0     | A1     | A2     | A3     | A4     | A5     |
/// | account | role | key id  | salt 0 | salt 1 | hash 0 | hash 1 | hash 2 | hash 3 |
/// +---------+------+---------+--------+--------+--------+--------+--------+--------+
///
/// RevokeApiKey : ApiKeyArgs
/// +---------+
/// | OrderId |
/// | key id  |
/// +---------+
///
/// CreateMarket : CreateMarketArgs
/// +--------+--------------+---------------+----------------+----------+------+------+-----------+
/// | Market | OrderId      | ClientId      | Quantity       | A0       | A1   | A2   | A3        |
/// | market | symbol (low) | symbol (high) | cycle end (ns) | lot size | tick | face | min price |
/// +--------+--------------+---------------+----------------+----------+------+------+-----------+
/// +-----------+---------+---------+------------------+
/// | A4        | A5      | A6      | A7               |
/// | max price | min qty | max qty | cycle start (ns) |
/// +-----------+---------+---------+------------------+
///
/// SetCurve : CurveArgs
/// +--------+------------+-----------+----------------+
/// | Market | Code       | A0        | A1             |
/// | market | curve kind | floor ppm | half-life (ns) |
/// +--------+------------+-----------+----------------+
///
/// AddCurvePoint : CurvePointArgs
/// +--------+-------------+-----------+
/// | Market | A0          | A1        |
/// | market | elapsed ppm | decay ppm |
/// +--------+-------------+-----------+
///
/// OpenMarket
/// +--------+
/// | Market |
/// | market |
/// +--------+
///
/// HaltMarket
/// +--------+
/// | Market |
/// | market |
/// +--------+
///
/// ResumeMarket
/// +--------+
/// | Market |
/// | market |
/// +--------+
///
/// ExpireMarket
/// +--------+
/// | Market |
/// | market |
/// +--------+
///
/// SetFees : FeesArgs
/// +--------+-----------+-----------+
/// | Market | A0        | A1        |
/// | market | maker bps | taker bps |
/// +--------+-----------+-----------+
///
/// SetBuyback : BuybackArgs
/// +--------+------------------+-------------+
/// | Market | A0               | A1          |
/// | market | rate bps of face | budget lots |
/// +--------+------------------+-------------+
///
/// Snapshot
///   no fields: a request for a snapshot after this command
/// </code>
/// <para>The in-memory layout is not persisted: the journal's command record
/// (Journal/Format/CommandRecord.cs) and the gateway's command message (Gateway/Codec/CommandCodec.cs,
/// docs/protocol.md) encode the fields one by one, and scripts by verb (docs/command-script.md). What
/// a field means for a kind is persisted, in journals, on the wire and in scripts. So:</para>
/// <list type="bullet">
/// <item>Bump the journal format (<c>SegmentHeader.Version</c>) and the protocol
/// (<see cref="Protocol.FrameDescriptor.Version"/>) when a kind's value moves to another field, when a
/// field changes meaning or unit for a kind, or when a kind stops reading a field it read.</item>
/// <item>Bump the journal format when a kind is added or starts reading a field it ignored: an older
/// engine must refuse such a journal rather than replay it differently, and a newer one must know
/// that older records may carry anything in that field (the gateway copies every field a client
/// sends). The protocol needs no bump (a server that does not know a kind rejects it).</item>
/// <item>Adding a field to the slot: append it (only ring memory depends on <see cref="Size"/>), add it
/// to the journal record's mask and the codec's field list, and bump both versions.</item>
/// <item>Always change together: the view, the factory method on <see cref="Command"/>, this drawing,
/// docs/command-script.md and the script verbs (Formats/Scripts/ScriptVerbs.cs).
/// Engine.Tests/Commands/CommandLayoutTests checks the offsets below and that every factory's values
/// come back through its view.</item>
/// </list>
/// </summary>
public static class CommandLayout
{
    /// <summary>Offset of <see cref="Command.Type"/> (u8).</summary>
    public const int TypeOffset = 0;
    /// <summary>Offset of <see cref="Command.Side"/> (u8).</summary>
    public const int SideOffset = 1;
    /// <summary>Offset of <see cref="Command.OrderType"/> (u8).</summary>
    public const int OrderTypeOffset = 2;
    /// <summary>Offset of <see cref="Command.Tif"/> (u8).</summary>
    public const int TifOffset = 3;
    /// <summary>Offset of <see cref="Command.Stp"/> (u8).</summary>
    public const int StpOffset = 4;
    /// <summary>Offset of <see cref="Command.PriceKind"/> (u8).</summary>
    public const int PriceKindOffset = 5;
    /// <summary>Offset of <see cref="Command.Code"/> (u8).</summary>
    public const int CodeOffset = 6;
    /// <summary>Offset of <see cref="Command.Result"/> (u16, written by the core).</summary>
    public const int ResultOffset = 8;
    /// <summary>Offset of <see cref="Command.Account"/> (i32).</summary>
    public const int AccountOffset = 12;
    /// <summary>Offset of <see cref="Command.Market"/> (i32).</summary>
    public const int MarketOffset = 16;
    /// <summary>Offset of <see cref="Command.Sequence"/> (i64).</summary>
    public const int SequenceOffset = 24;
    /// <summary>Offset of <see cref="Command.Timestamp"/> (i64).</summary>
    public const int TimestampOffset = 32;
    /// <summary>Offset of <see cref="Command.OrderId"/> (i64).</summary>
    public const int OrderIdOffset = 40;
    /// <summary>Offset of <see cref="Command.ClientId"/> (i64).</summary>
    public const int ClientIdOffset = 48;
    /// <summary>Offset of <see cref="Command.Price"/> (i64).</summary>
    public const int PriceOffset = 56;
    /// <summary>Offset of <see cref="Command.Quantity"/> (i64).</summary>
    public const int QuantityOffset = 64;
    /// <summary>Offset of <see cref="Command.Arg"/> (i64).</summary>
    public const int ArgOffset = 72;
    /// <summary>Offset of <see cref="Command.A0"/>; <c>A</c><i>i</i> is at <c>A0Offset + 8 i</c> (i64 each).</summary>
    public const int A0Offset = 80;
    /// <summary>Offset of <see cref="Command.EventCount"/> (i32, written by the core).</summary>
    public const int EventCountOffset = 144;
    /// <summary>Size of a slot in bytes.</summary>
    public const int Size = 152;
}
