using System.Numerics;

namespace TokenMatch.Matching;

/// <summary>
/// Which price levels of one side are non-empty: one bit per level plus one summary bit per 64-bit
/// word, so the next non-empty level is found with a few bit scans instead of a tree walk.
/// Owned by the core thread.
/// </summary>
public sealed class PriceBitmap
{
    private readonly ulong[] _words;
    private readonly ulong[] _summary;

    /// <summary>Creates a bitmap of <paramref name="size"/> levels, all empty.</summary>
    public PriceBitmap(int size)
    {
        _words = new ulong[(size + 63) >> 6];
        _summary = new ulong[(_words.Length + 63) >> 6];
    }

    /// <summary>Marks level <paramref name="i"/> non-empty.</summary>
    public void Set(int i)
    {
        int w = i >> 6;
        _words[w] |= 1UL << (i & 63);
        _summary[w >> 6] |= 1UL << (w & 63);
    }

    /// <summary>Marks level <paramref name="i"/> empty.</summary>
    public void Clear(int i)
    {
        int w = i >> 6;
        _words[w] &= ~(1UL << (i & 63));
        if (_words[w] == 0) _summary[w >> 6] &= ~(1UL << (w & 63));
    }

    /// <summary>True when level <paramref name="i"/> is non-empty.</summary>
    public bool IsSet(int i) => (_words[i >> 6] & (1UL << (i & 63))) != 0;

    /// <summary>The lowest non-empty level at or above <paramref name="from"/>, or -1.</summary>
    public int NextAtOrAbove(int from)
    {
        if (from < 0) from = 0;
        int w = from >> 6;
        if (w >= _words.Length) return -1;
        ulong bits = _words[w] & (ulong.MaxValue << (from & 63));
        if (bits != 0) return (w << 6) + BitOperations.TrailingZeroCount(bits);
        int sw = w + 1;
        int s = sw >> 6;
        if (s >= _summary.Length) return -1;
        ulong sbits = (sw & 63) == 0 ? _summary[s] : _summary[s] & (ulong.MaxValue << (sw & 63));
        while (true)
        {
            if (sbits != 0)
            {
                int word = (s << 6) + BitOperations.TrailingZeroCount(sbits);
                return (word << 6) + BitOperations.TrailingZeroCount(_words[word]);
            }
            if (++s >= _summary.Length) return -1;
            sbits = _summary[s];
        }
    }

    /// <summary>The highest non-empty level at or below <paramref name="from"/>, or -1.</summary>
    public int NextAtOrBelow(int from)
    {
        if (from < 0) return -1;
        int w = from >> 6;
        if (w >= _words.Length) { w = _words.Length - 1; from = (w << 6) + 63; }
        ulong bits = _words[w] & (ulong.MaxValue >> (63 - (from & 63)));
        if (bits != 0) return (w << 6) + 63 - BitOperations.LeadingZeroCount(bits);
        int sw = w - 1;
        if (sw < 0) return -1;
        int s = sw >> 6;
        ulong sbits = _summary[s] & (ulong.MaxValue >> (63 - (sw & 63)));
        while (true)
        {
            if (sbits != 0)
            {
                int word = (s << 6) + 63 - BitOperations.LeadingZeroCount(sbits);
                return (word << 6) + 63 - BitOperations.LeadingZeroCount(_words[word]);
            }
            if (--s < 0) return -1;
            sbits = _summary[s];
        }
    }
}
