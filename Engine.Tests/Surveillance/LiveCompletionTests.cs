using TokenMatch.Commands;
using TokenMatch.Pipeline;
using TokenMatch.Surveillance;
using TokenMatch.Surveillance.Hosting;

namespace TokenMatch.Tests.Surveillance;

/// <summary>
/// Live surveillance judges a command as soon as the pipeline has delivered all its events, not when a
/// later command's events arrive: the last command before an idle spell (a rejection, or a time command
/// that emits nothing) is judged while the server is idle.
/// </summary>
public sealed class LiveCompletionTests
{
    [TestCase(false, TestName = "TheLastCommandBeforeAnIdleSpellIsJudged(a rejection)")]
    [TestCase(true, TestName = "TheLastCommandBeforeAnIdleSpellIsJudged(a time command with no events)")]
    public void TheLastCommandBeforeAnIdleSpellIsJudged(bool endWithTime)
    {
        var engine = new SurveillanceEngine();
        var surveillance = new SurveillanceHost(engine);
        var clock = new ScriptClock();
        var host = new EngineHost(new EngineHostOptions { Clock = clock, Journal = surveillance.Journal, CommandRingSize = 1 << 10, EventRingSize = 1 << 10 });
        surveillance.Attach(host);
        host.Start();
        try
        {
            clock.Now = 1_000;
            // Deposits to an account that does not exist: each is rejected, one event each.
            Assert.That(host.Post(Command.Deposit(0, 7, 10)), Is.EqualTo(ResultCode.Ok));
            Assert.That(host.Post(Command.Deposit(0, 8, 10)), Is.EqualTo(ResultCode.Ok));
            if (endWithTime) Assert.That(host.Post(Command.Time(2_000)), Is.EqualTo(ResultCode.Ok));
            long last = endWithTime ? 2 : 1;

            Assert.That(surveillance.WaitForSequence(last, TimeSpan.FromSeconds(20)), Is.True,
                $"command {last} is judged with no later command (judged up to {surveillance.ProcessedSequence})");
            Assert.That(engine.Records, Is.EqualTo(last + 1), "every command judged once");
            Assert.That(surveillance.Degraded, Is.False);
        }
        finally
        {
            host.Stop();
            surveillance.Stop();
        }
        Assert.That(engine.Records, Is.EqualTo(endWithTime ? 3 : 2), "the stop judges nothing twice");
    }
}
