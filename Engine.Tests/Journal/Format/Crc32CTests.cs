using System.Text;
using FsCheck;
using FsCheck.Fluent;
using TokenMatch.Journal.Format;

namespace TokenMatch.Tests.Journal.Format;

/// <summary>CRC-32C against published check values (RFC 3720 B.4, the CRC catalogue) and a bitwise reference.</summary>
public sealed class Crc32CTests
{
    [Test]
    public void KnownVectorsMatch()
    {
        Assert.That(Crc32C.Compute(Encoding.ASCII.GetBytes("123456789")), Is.EqualTo(0xE3069283u));
        Assert.That(Crc32C.Compute(new byte[32]), Is.EqualTo(0x8A9136AAu));
        Assert.That(Crc32C.Compute(Enumerable.Repeat((byte)0xFF, 32).ToArray()), Is.EqualTo(0x62A8AB43u));
        Assert.That(Crc32C.Compute(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray()), Is.EqualTo(0x46DD794Eu));
        Assert.That(Crc32C.Compute(Enumerable.Range(0, 32).Select(i => (byte)(31 - i)).ToArray()), Is.EqualTo(0x113FDB5Cu));
        Assert.That(Crc32C.Compute([]), Is.EqualTo(0u));
    }

    [Test]
    public void AnyInputMatchesTheBitwiseDefinition()
    {
        Prop.ForAll<byte[]>(data => Crc32C.Compute(data) == Reference(data)).QuickCheckThrowOnFailure();
    }

    [Test]
    public void UpdateInPiecesEqualsComputeWhole()
    {
        Prop.ForAll<byte[], int>((data, cut) =>
        {
            int at = data.Length == 0 ? 0 : Math.Abs(cut % (data.Length + 1));
            uint crc = Crc32C.Update(Crc32C.Update(~0u, data.AsSpan(0, at)), data.AsSpan(at));
            return ~crc == Crc32C.Compute(data);
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>The definition, one bit at a time (reflected polynomial 0x82F63B78).</summary>
    private static uint Reference(byte[] data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x82F63B78 : crc >> 1;
        }
        return ~crc;
    }
}
