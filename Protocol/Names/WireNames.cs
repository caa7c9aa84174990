using TokenMatch.Commands;
using TokenMatch.Events;
using TokenMatch.Markets;

namespace TokenMatch.Protocol;

/// <summary>The explicit name table of each client-facing enum, by type (for generic readers and writers of text formats).</summary>
public static class WireNames
{
    /// <summary>The name table of <typeparamref name="TEnum"/>, or null when it has none.</summary>
    public static NameTable<TEnum>? Table<TEnum>() where TEnum : struct, Enum => (object?)(typeof(TEnum).Name switch
    {
        nameof(CancelReason) when typeof(TEnum) == typeof(CancelReason) => CancelReasonNames.Table,
        nameof(CommandType) when typeof(TEnum) == typeof(CommandType) => CommandTypeNames.Table,
        nameof(OrderType) when typeof(TEnum) == typeof(OrderType) => OrderTypeNames.Table,
        nameof(Origin) when typeof(TEnum) == typeof(Origin) => OriginNames.Table,
        nameof(PriceKind) when typeof(TEnum) == typeof(PriceKind) => PriceKindNames.Table,
        nameof(ResultCode) when typeof(TEnum) == typeof(ResultCode) => ResultCodeNames.Table,
        nameof(Role) when typeof(TEnum) == typeof(Role) => RoleNames.Table,
        nameof(Side) when typeof(TEnum) == typeof(Side) => SideNames.Table,
        nameof(StpMode) when typeof(TEnum) == typeof(StpMode) => StpModeNames.Table,
        nameof(Tier) when typeof(TEnum) == typeof(Tier) => TierNames.Table,
        nameof(TimeInForce) when typeof(TEnum) == typeof(TimeInForce) => TimeInForceNames.Table,
        nameof(EventType) when typeof(TEnum) == typeof(EventType) => EventTypeNames.Table,
        nameof(MarketState) when typeof(TEnum) == typeof(MarketState) => MarketStateNames.Table,
        nameof(CurveKind) when typeof(TEnum) == typeof(CurveKind) => CurveKindNames.Table,
        nameof(MessageType) when typeof(TEnum) == typeof(MessageType) => MessageTypeNames.Table,
        nameof(FrameStatus) when typeof(TEnum) == typeof(FrameStatus) => FrameStatusNames.Table,
        _ => (object?)null,
    }) as NameTable<TEnum>;
}
