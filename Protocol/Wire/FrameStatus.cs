namespace TokenMatch.Protocol;

/// <summary>What <see cref="FrameParser.TryParse"/> found at the start of its input.</summary>
public enum FrameStatus : byte
{
    /// <summary>Not a whole frame yet: read more.</summary>
    Incomplete = 0,
    /// <summary>A whole frame.</summary>
    Frame = 1,
    /// <summary>The length prefix is above the maximum: a protocol breach (the stream cannot be resynchronised).</summary>
    TooLarge = 2,
}
