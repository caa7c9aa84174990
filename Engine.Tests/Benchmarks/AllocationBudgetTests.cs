using TokenMatch.Bench.Workloads;
using TokenMatch.Commands;
using TokenMatch.Core;

namespace TokenMatch.Tests.Benchmarks;

/// <summary>
/// The allocation budget CI checks: in steady state the matching core allocates nothing per command.
/// Not a timed test — it counts the bytes the GC hands to this thread while a batch of the benchmarks'
/// workload is replayed into the core, after warm-up batches, and requires zero.
/// </summary>
public class AllocationBudgetTests
{
    private const int Depth = 10_000;

    [TestCase(BatchKind.Mix, 200_000)]
    [TestCase(BatchKind.PlaceResting, 2_000)]
    [TestCase(BatchKind.Cancel, 2_000)]
    [TestCase(BatchKind.AmendReduce, 5_000)]
    [TestCase(BatchKind.AmendReprice, 5_000)]
    [TestCase(BatchKind.SweepOneLevel, 2_000)]
    [TestCase(BatchKind.SweepTenLevels, 500)]
    public void SteadyStateAllocatesNothingPerCommand(BatchKind kind, int commands) =>
        AllocatesNothing(kind, commands, withIdsAndGtt: false);

    /// <summary>
    /// The same with every order carrying a client id (half the cancels and amends by client id) and a
    /// third of the resting orders good till a time within the run, so that claims pile up for the
    /// cycle and orders end by their time between commands: the client id table (sized for the run's
    /// claims) and the good-till-time queue (sized for the orders that may rest) allocate nothing either.
    /// </summary>
    [TestCase(BatchKind.Mix, 200_000)]
    [TestCase(BatchKind.PlaceResting, 2_000)]
    [TestCase(BatchKind.Cancel, 2_000)]
    [TestCase(BatchKind.AmendReduce, 5_000)]
    [TestCase(BatchKind.AmendReprice, 5_000)]
    public void SteadyStateWithClientIdsAndGoodTillTimeAllocatesNothingPerCommand(BatchKind kind, int commands) =>
        AllocatesNothing(kind, commands, withIdsAndGtt: true);

    private static void AllocatesNothing(BatchKind kind, int commands, bool withIdsAndGtt)
    {
        int ladder = commands * OrderFlow.LevelsPerSweep(kind);
        var flow = new OrderFlow(new WorkloadOptions
        {
            Depth = Depth, Accounts = Depth, MinDistanceTicks = ladder + 1,
            // Four batches and the restores between them, and the set-up: generously one claim each.
            ClientIdCapacity = withIdsAndGtt ? 4 * commands + 4 * Depth : 0,
            GoodTillTimePercent = withIdsAndGtt ? 33 : 0,
        });
        var sink = new CountingSink();
        var batch = new Command[commands];
        ExchangeCore core = flow.Twin;
        for (int round = 0; round < 3; round++)
        {
            flow.Prepare(kind, batch);
            Replay(core, batch, sink);
            flow.Restore(kind, batch.Length);
        }

        flow.Prepare(kind, batch);
        long before = GC.GetAllocatedBytesForCurrentThread();
        Replay(core, batch, sink);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(allocated, Is.Zero, $"{kind}: {allocated} bytes over {commands} commands ({(double)allocated / commands:F2} B/command)");
        Assert.That(flow.TwinMatchesShadow(), Is.True, "the replay must reproduce the generator's run exactly");
        Assert.That(sink.Events, Is.GreaterThanOrEqualTo(commands), "every command produces at least one event");
        if (withIdsAndGtt && kind == BatchKind.Mix)
            Assert.That(flow.Counts.Expired, Is.GreaterThan(0), "good-till-time orders ended by their time during the run");
    }

    [Test]
    public void MixHoldsDepthAndProportions()
    {
        var flow = new OrderFlow(new WorkloadOptions { Depth = Depth, Accounts = Depth, WithTwin = false });
        var batch = new Command[100_000];
        flow.Prepare(BatchKind.Mix, batch);
        MixCounts counts = flow.Counts;
        Assert.That(flow.LiveCount, Is.InRange(Depth - Depth / 50, Depth + Depth / 50));
        Assert.That(counts.Total, Is.EqualTo(batch.Length));
        Assert.That((double)counts.Places / counts.Total, Is.InRange(0.47, 0.53));
        Assert.That((double)counts.Cancels / counts.Total, Is.InRange(0.32, 0.38));
        Assert.That((double)(counts.AmendReduces + counts.AmendReprices) / counts.Total, Is.InRange(0.08, 0.12));
        Assert.That((double)(counts.Iocs + counts.Markets) / counts.Total, Is.InRange(0.04, 0.06));
        Assert.That(batch[^1].Timestamp, Is.GreaterThan(batch[0].Timestamp).And.LessThan(WorkloadMarket.CycleEnd));
    }

    [Test]
    public void SameSeedSameCommands()
    {
        var a = new OrderFlow(new WorkloadOptions { Depth = 1_000, Accounts = 1_000, WithTwin = false });
        var b = new OrderFlow(new WorkloadOptions { Depth = 1_000, Accounts = 1_000, WithTwin = false });
        var first = new Command[20_000];
        var second = new Command[20_000];
        a.Prepare(BatchKind.Mix, first);
        b.Prepare(BatchKind.Mix, second);
        Assert.That(second, Is.EqualTo(first));
        Assert.That(b.Shadow.StateHash(), Is.EqualTo(a.Shadow.StateHash()));
    }

    private static void Replay(ExchangeCore core, Command[] batch, CountingSink sink)
    {
        for (int i = 0; i < batch.Length; i++) core.Execute(ref batch[i], sink);
    }
}
