namespace TokenMatch.Tests.Pipeline.Support;

/// <summary>Laid over any object (with Unsafe.As) to reach the first byte of its fields.</summary>
internal sealed class RawObject
{
    /// <summary>The first byte of the object's fields; never written, only its address is used.</summary>
    public byte FirstByte = 0;
}
