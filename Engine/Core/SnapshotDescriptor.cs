namespace TokenMatch.Core;

/// <summary>
/// The layout of an engine snapshot payload (<see cref="ExchangeCore.WriteSnapshot"/>,
/// <see cref="ExchangeCore.ReadSnapshot"/>): the whole core state at one command sequence. No file
/// framing: the journal wraps the payload in its own header and CRC. Every value is little-endian;
/// counts are written before what they count; reserved bytes are zero. docs/snapshot-format.md
/// describes each field in words.
/// <code>
///  Header (64 bytes)
///   0                   4         6         8
///  +-------------------+---------+---------+-------------------+
///  | magic "TMSS" u32  | ver u16 | hdr u16 | last sequence i64 |
///  +-------------------+---------+---------+-------------------+
///  16 clock i64 | 24 next order id i64 | 32 reserved i64 (0) | 40 state-hash version i64
///  48 markets i32 | 52 accounts i32 | 56 resting orders i64
///
///  Settings (56 bytes)
///   0 max open orders i64 | 8 tier caps 3 x i64 | 32 consumption order 4 x u8, 4 reserved
///  40 provider i32 | 44 fee account i32 | 48 total deposits i64
///
///  Accounts: header.accounts x Account record (48 bytes), ascending id
///   0 id i32 | 4 tier u8 | 5 frozen u8 | 6 stp default u8 | 7 reserved
///   8 group i64 | 16 available i64 | 24 held i64 | 32 spent i64 | 40 open orders i32 | 44 reserved
///
///  Markets: header.markets x, ascending id:
///    Market record (200 bytes)
///     0 id i32 | 4 state u8 | 5 curve kind u8 | 6 table points u16
///     8 symbol low i64 | 16 symbol high | 24 lot size | 32 tick | 40 face | 48 min price | 56 max price
///    64 min qty | 72 max qty | 80 cycle start | 88 cycle end | 96 curve floor | 104 half-life
///   112 maker bps i32 | 116 taker bps i32 | 120 buyback rate i64 | 128 buyback budget | 136 bought back
///   144 buyback order id (0 none) | 152 granted | 160 consumed | 168 expired | 176 retired
///   184 bids i32 | 188 asks i32 | 192 claims i32 | 196 reserved
///    table points x (elapsed ppm i64, D ppm i64)
///    bids x Order record, priority order (best price first, then oldest)
///    asks x Order record, priority order
///    claims x Claim record (24 bytes): 0 account i32 | 4 reserved | 8 client id i64 | 16 order id i64
///
///  Order record (80 bytes)
///   0 order id i64 | 8 client id | 16 FTE price | 24 remaining | 32 hold per lot | 40 GTT expiry
///  48 reserved i64 (0) | 56 account i32 | 60 maker bps i32 | 64 taker bps i32
///  68 side u8 | 69 type u8 | 70 tif u8 | 71 stp u8 | 72 flags u8 (bit 0 buyback) | 73..79 reserved
///
///  Lots: count i64, then x Lots record (64 bytes), by account then market:
///   0 account i32 | 4 market i32 | 8 free allocated, trial, promo, acquired 4 x i64
///  40 held allocated i64 | 48 sell counted i64 | 56 reserved 8
///
///  Open-order lists: count i32 (accounts with open orders), then x:
///   account i32 | orders i32 | order ids i64 x orders, oldest accepted first
///
///  API keys: count i32, then x API key record (64 bytes), by ascending key id:
///   0 key id i64 | 8 account i32 | 12 role u8 | 13 revoked u8 | 14..15 reserved
///  16 salt 2 x i64 | 32 SHA-256 of salt and secret 4 x i64
///
///  Trailer: "TMSE" u32
/// </code>
/// Bump <see cref="Version"/> when any field is added, removed, widened, reordered or re-meant, or
/// when a record's size changes; then update docs/snapshot-format.md and teach the reader the old
/// version too if old snapshots must stay readable. A reader refuses a version newer than its own.
/// </summary>
public static class SnapshotDescriptor
{
    /// <summary>"TMSS" read as a little-endian u32.</summary>
    public const uint Magic = 0x53534D54;

    /// <summary>"TMSE" read as a little-endian u32: the last four bytes of a payload.</summary>
    public const uint TrailerMagic = 0x45534D54;

    /// <summary>The payload format version this engine writes and the newest it reads.</summary>
    public const ushort Version = 2;

    /// <summary>Size of the header.</summary>
    public const int HeaderSize = 64;

    /// <summary>Offsets in the header.</summary>
    public const int MagicOffset = 0, VersionOffset = 4, HeaderSizeOffset = 6, LastSequenceOffset = 8, ClockOffset = 16,
        NextOrderIdOffset = 24, ReservedOffset = 32, StateHashVersionOffset = 40, MarketCountOffset = 48,
        AccountCountOffset = 52, RestingOrdersOffset = 56;

    /// <summary>Size of the engine settings block.</summary>
    public const int SettingsSize = 56;

    /// <summary>Size of an account record.</summary>
    public const int AccountSize = 48;

    /// <summary>Size of a market record.</summary>
    public const int MarketSize = 200;

    /// <summary>Size of a curve table point.</summary>
    public const int CurvePointSize = 16;

    /// <summary>Size of an order record.</summary>
    public const int OrderSize = 80;

    /// <summary>Size of a claimed client id record.</summary>
    public const int ClaimSize = 24;

    /// <summary>Size of a lots record.</summary>
    public const int LotsSize = 64;

    /// <summary>Size of an API key record.</summary>
    public const int ApiKeySize = 64;

    /// <summary>Order record flag: the provider's buyback bid.</summary>
    public const byte BuybackFlag = 1;
}
