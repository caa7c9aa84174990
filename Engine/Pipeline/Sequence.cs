using System.Runtime.CompilerServices;

namespace TokenMatch.Pipeline;

/// <summary>
/// A position in a ring: the producer's cursor or how far a consumer has got. Padded onto its own
/// cache line (<see cref="PaddedLong"/>). Written by exactly one thread — the one named where the
/// sequence is created (a multi-producer cursor is the exception: it is advanced by compare-and-swap
/// from every producer) — and read by any.
/// </summary>
public sealed class Sequence
{
    /// <summary>The value of a sequence before anything was published or consumed.</summary>
    public const long InitialValue = -1;

    private PaddedLong _fields;

    /// <summary>Creates a sequence at <paramref name="initialValue"/>.</summary>
    public Sequence(long initialValue = InitialValue) => _fields.Value = initialValue;

    /// <summary>The current value (acquire read: what was written before the matching store is visible).</summary>
    public long Value
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Volatile.Read(ref _fields.Value);
    }

    /// <summary>Stores <paramref name="value"/> with release semantics: every write before it is visible first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SetValue(long value) => Volatile.Write(ref _fields.Value, value);

    /// <summary>Stores <paramref name="value"/> followed by a full fence (a store-load barrier).</summary>
    public void SetValueVolatile(long value)
    {
        Volatile.Write(ref _fields.Value, value);
        Interlocked.MemoryBarrier();
    }

    /// <summary>Sets the value to <paramref name="next"/> if it is still <paramref name="expected"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool CompareAndSet(long expected, long next) =>
        Interlocked.CompareExchange(ref _fields.Value, next, expected) == expected;

    /// <summary>A reference to the padded value, for the layout test.</summary>
    internal ref long ValueRef => ref _fields.Value;

    /// <inheritdoc/>
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
