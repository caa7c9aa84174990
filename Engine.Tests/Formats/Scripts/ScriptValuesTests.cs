using NUnit.Framework;
using TokenMatch.Formats.Scripts;

namespace TokenMatch.Tests.Formats.Scripts;

public sealed class ScriptValuesTests
{
    [TestCase("0", 0L)]
    [TestCase("-42", -42L)]
    [TestCase("1_000_000", 1_000_000L)]
    [TestCase("9223372036854775807", long.MaxValue)]
    [TestCase("-9223372036854775808", long.MinValue)]
    public void ParsesIntegers(string text, long expected)
    {
        Assert.That(ScriptValues.TryParseInteger(text, out long value, out string error), Is.True, error);
        Assert.That(value, Is.EqualTo(expected));
    }

    [TestCase("", "expected an integer")]
    [TestCase("-", "expected an integer")]
    [TestCase("1__000", "expected an integer")]
    [TestCase("_1", "expected an integer")]
    [TestCase("1_", "expected an integer")]
    [TestCase("1.5", "expected an integer")]
    [TestCase("+1", "expected an integer")]
    [TestCase("9223372036854775808", "does not fit")]
    [TestCase("-9223372036854775809", "does not fit")]
    [TestCase("99999999999999999999999", "does not fit")]
    public void RejectsIntegers(string text, string reason)
    {
        Assert.That(ScriptValues.TryParseInteger(text, out _, out string error), Is.False);
        Assert.That(error, Does.Contain(reason));
    }

    [TestCase("2000000", 2_000_000L)]
    [TestCase("2c", 2_000_000L)]
    [TestCase("12.5c", 12_500_000L)]
    [TestCase("0.000001c", 1L)]
    [TestCase("-1.5c", -1_500_000L)]
    [TestCase("-0.25c", -250_000L)]
    [TestCase("1_000c", 1_000_000_000L)]
    public void ParsesCredits(string text, long expected)
    {
        Assert.That(ScriptValues.TryParseCredits(text, out long value, out string error), Is.True, error);
        Assert.That(value, Is.EqualTo(expected));
    }

    [TestCase("0.0000001c", "more than 6 decimals")]
    [TestCase("1.c", "expected micro-credits")]
    [TestCase(".5c", "expected micro-credits")]
    [TestCase("c", "expected micro-credits")]
    [TestCase("1.5", "expected an integer")]
    [TestCase("1.-5c", "expected micro-credits")]
    [TestCase("9223372036855c", "does not fit")]
    public void RejectsCredits(string text, string reason)
    {
        Assert.That(ScriptValues.TryParseCredits(text, out _, out string error), Is.False);
        Assert.That(error, Does.Contain(reason));
    }

    [Test]
    public void RejectsIdsBeyond32Bits()
    {
        Assert.That(ScriptValues.TryParseId("2147483648", out _, out string error), Is.False);
        Assert.That(error, Does.Contain("32-bit"));
        Assert.That(ScriptValues.TryParseId("-2147483648", out int id, out _), Is.True);
        Assert.That(id, Is.EqualTo(int.MinValue));
    }
}
