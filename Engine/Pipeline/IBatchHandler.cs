namespace TokenMatch.Pipeline;

/// <summary>
/// The work of one pipeline stage, called by a <see cref="BatchProcessor{T, THandler}"/> on the
/// stage's own thread. Implement it on a struct so that the processor's calls are direct.
/// </summary>
/// <typeparam name="T">The ring's slot type.</typeparam>
public interface IBatchHandler<T> where T : struct
{
    /// <summary>Handles the published slots <paramref name="first"/> to <paramref name="last"/> of <paramref name="ring"/>.</summary>
    void OnBatch(RingBuffer<T> ring, long first, long last);

    /// <summary>Called when the stage's barrier was alerted: other work may be waiting (or the stage is stopping).</summary>
    void OnAlert();
}
