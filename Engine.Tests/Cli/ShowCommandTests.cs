using TokenMatch.Cli;

namespace TokenMatch.Tests.Cli;

/// <summary><c>tokenmatch show</c>: the state at a line of a script.</summary>
public sealed class ShowCommandTests
{
    private static (int Code, string Output, string Error) Show(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Program.Invoke(["show", ExampleScriptTests.Example("cycle.tms"), .. args], output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Test]
    public void ShowsBalancesOpenOrdersAndDepthAtALine()
    {
        var (code, output, error) = Show("--at", "30", "--account", "10", "--market", "1");
        Assert.That(code, Is.EqualTo(ExitCodes.Ok), error);
        Assert.That(output, Does.StartWith("after line 30 (17 commands run), engine time 2026-12-01T09:00:00Z\n"));
        Assert.That(output, Does.Contain("market 1 LLM-L/2026-12: open"));
        Assert.That(output, Does.Contain("  asks (FTE price per lot: lots in orders), best first:\n    2c: 50 in 1\n"));
        Assert.That(output, Does.Contain("account 10: available 0c, held 0c, spent 0c; verified; 1 open orders"));
        Assert.That(output, Does.Contain("  order 1 (client 1): market 1 sell 50 at 2c FTE, limit"));
        Assert.That(output.TrimEnd().Split('\n')[^1], Does.Match("^state hash: [0-9a-f]{16}$"));
    }

    [Test]
    public void WithoutAtItShowsTheEndWithTheRunsHash()
    {
        var (code, output, _) = Show();
        Assert.That(code, Is.EqualTo(ExitCodes.Ok));
        Assert.That(output.TrimEnd().Split('\n')[^1], Is.EqualTo(TokenMatch.Tests.Support.ScriptHash.Of(ExampleScriptTests.Example("cycle.tms"))));
        Assert.That(output, Does.Contain("market 1 LLM-L/2026-12: expired"));
    }

    [Test]
    public void AnUnknownAccountSaysNone()
    {
        var (code, output, _) = Show("--account", "999");
        Assert.That(code, Is.EqualTo(ExitCodes.Ok));
        Assert.That(output, Does.Contain("account 999: none"));
    }
}
