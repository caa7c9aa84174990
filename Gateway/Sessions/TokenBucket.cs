using System.Diagnostics;

namespace TokenMatch.Gateway.Sessions;

/// <summary>
/// A token bucket: <c>rate</c> tokens per second up to <c>burst</c>. Thread-safe (a per-account bucket is
/// shared by that account's sessions) with a short lock; no allocation.
/// </summary>
public sealed class TokenBucket
{
    private readonly double _rate;
    private readonly double _burst;
    private readonly Lock _lock = new();
    private double _tokens;
    private long _last;

    /// <summary>A full bucket.</summary>
    public TokenBucket(double rate, double burst)
    {
        _rate = rate;
        _burst = burst;
        _tokens = burst;
        _last = Stopwatch.GetTimestamp();
    }

    /// <summary>Takes one token; false when the bucket is empty.</summary>
    public bool TryTake()
    {
        lock (_lock)
        {
            long now = Stopwatch.GetTimestamp();
            _tokens = Math.Min(_burst, _tokens + (now - _last) * _rate / Stopwatch.Frequency);
            _last = now;
            if (_tokens < 1) return false;
            _tokens -= 1;
            return true;
        }
    }
}
