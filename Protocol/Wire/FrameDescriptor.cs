namespace TokenMatch.Protocol;

/// <summary>
/// The gateway's frame layout (docs/protocol.md has the messages):
/// <code>
///  0               4                                   4 + length
///  +---------------+-----------------------------------+
///  | length (u32)  | body: one MessagePack array       |
///  | little-endian | [type, correlation, fields...]    |
///  +---------------+-----------------------------------+
/// </code>
/// <c>length</c> counts the body only (not the prefix) and is at most <see cref="MaxFrameLength"/>
/// unless the server says otherwise in its welcome. The body's first element is the message type
/// (<see cref="MessageType"/>), the second a correlation id chosen by the client (echoed in the answer;
/// 0 on unsolicited server messages), then the message's fields in order. A reader ignores fields
/// past the ones it knows (so a later minor version may append fields).
/// <para>Bump <see cref="Version"/> when: a field is removed, re-typed, re-ordered or re-meant; a
/// message changes meaning; the prefix changes. Appending a field to a message, or adding a message
/// type, needs no bump. A server refuses a client version it cannot speak with
/// <c>UnsupportedVersion</c> and a message naming the versions it speaks.</para>
/// </summary>
public static class FrameDescriptor
{
    /// <summary>The protocol version this assembly speaks.</summary>
    public const int Version = 1;

    /// <summary>Bytes of the length prefix.</summary>
    public const int PrefixLength = 4;

    /// <summary>Default hard maximum of a frame body in bytes.</summary>
    public const int MaxFrameLength = 64 * 1024;

    /// <summary>Offset of the body.</summary>
    public const int BodyOffset = PrefixLength;

    /// <summary>Index of the message type in the body array.</summary>
    public const int TypeField = 0;

    /// <summary>Index of the correlation id in the body array.</summary>
    public const int CorrelationField = 1;

    /// <summary>Index of the first message-specific field.</summary>
    public const int FirstField = 2;
}
