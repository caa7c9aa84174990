using TokenMatch.Formats.Scripts;

namespace TokenMatch.Tests.Formats.Scripts;

/// <summary><see cref="ScriptLoader"/> reads once and warns; <see cref="ScriptText"/> cuts long tokens.</summary>
public sealed class ScriptLoaderTests
{
    [Test]
    public void AnEarlierTimeIsAWarningNamingBothLines()
    {
        LoadedScript script = ScriptLoader.Load(new StringReader("2026-12-02 time\n# note\n2026-12-01 time\n2026-12-03 time\n2026-12-02T12:00:00Z time\n"));
        Assert.That(script.Commands.Select(c => c.Line), Is.EqualTo(new[] { 1, 3, 4, 5 }));
        Assert.That(script.Warnings.Select(w => w.Format("s.tms")), Is.EqualTo(new[]
        {
            "s.tms:3: field 'time': 2026-12-01T00:00:00Z is earlier than line 1's 2026-12-02T00:00:00Z: it runs at that time (time never runs backwards)",
            "s.tms:5: field 'time': 2026-12-02T12:00:00Z is earlier than line 4's 2026-12-03T00:00:00Z: it runs at that time (time never runs backwards)",
        }));
    }

    [Test]
    public void EqualTimesAreNoWarning() =>
        Assert.That(ScriptLoader.Load(new StringReader("5 time\n5 time\n")).Warnings, Is.Empty);

    [TestCase(1)]
    [TestCase(40)]
    public void ShortTokensAreShownWhole(int length) =>
        Assert.That(ScriptText.Quote(new string('a', length)), Is.EqualTo($"'{new string('a', length)}'"));

    [Test]
    public void LongTokensAreCutWithTheirLength()
    {
        Assert.That(ScriptText.Quote(new string('a', 41)), Is.EqualTo($"'{new string('a', 40)}…' (41 characters)"));
        var e = Assert.Throws<ScriptParseException>(() => ScriptReader.TryParseLine($"0 place {new string('k', 1_000_000)}=1", 7, out _))!;
        Assert.That(e.Field, Has.Length.LessThan(80).And.EndsWith("(1,000,000 characters)"));
        e = Assert.Throws<ScriptParseException>(() => ScriptReader.TryParseLine($"0 deposit account=1 amount={new string('9', 1_000_000)}", 7, out _))!;
        Assert.That(e.Reason, Has.Length.LessThan(200).And.Contain("(1,000,000 characters)"));
    }
}
