using NUnit.Framework;
namespace TokenMatch.Tests.Pipeline.Support;

/// <summary>Waits that fail the test instead of hanging it.</summary>
internal static class TestWait
{
    /// <summary>Generous: only a hang (a bug) ever reaches it, even on a loaded 2-core machine.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Polls <paramref name="condition"/> until true; fails the test with <paramref name="what"/> at the timeout.</summary>
    public static void Until(Func<bool> condition, string what)
    {
        DateTime deadline = DateTime.UtcNow + Timeout;
        SpinWait spin = default;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out waiting for {what}.");
            spin.SpinOnce();
        }
    }

    /// <summary>Awaits <paramref name="task"/>; fails the test at the timeout.</summary>
    public static async Task<T> Of<T>(Task<T> task, string what)
    {
        try
        {
            return await task.WaitAsync(Timeout);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Timed out waiting for {what}.");
            throw;
        }
    }

    /// <summary>Awaits <paramref name="task"/>; fails the test at the timeout.</summary>
    public static Task<T> Of<T>(ValueTask<T> task, string what) => Of(task.AsTask(), what);

    /// <summary>Joins <paramref name="thread"/>; fails the test at the timeout.</summary>
    public static void Join(Thread thread, string what)
    {
        if (!thread.Join(Timeout)) Assert.Fail($"Timed out waiting for {what} to end.");
    }

    /// <summary>Stops <paramref name="host"/> on another thread; fails the test if Stop does not return.</summary>
    public static void Stop(TokenMatch.Pipeline.EngineHost host)
    {
        var errors = new List<Exception>();
        Join(Start(host.Stop, "stop", errors), "Stop");
        if (errors.Count > 0) throw errors[0];
    }

    /// <summary>Runs <paramref name="action"/> on a new background thread; exceptions surface at <see cref="Join(Thread, string)"/> through <paramref name="errors"/>.</summary>
    public static Thread Start(Action action, string name, List<Exception> errors)
    {
        var thread = new Thread(() =>
        {
            try
            {
                action();
            }
            catch (Exception e)
            {
                lock (errors) errors.Add(e);
            }
        }) { IsBackground = true, Name = name };
        thread.Start();
        return thread;
    }
}
