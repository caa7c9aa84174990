using System.Diagnostics.CodeAnalysis;

namespace TokenMatch.Util;

/// <summary>
/// Throws out of line, so that the methods that call these stay small and inlinable and their rare
/// paths cost nothing on the fast path. Exceptions mean a bug or a misuse of the API, never a
/// rejected command (rejections are <see cref="Commands.ResultCode"/> values).
/// </summary>
internal static class ThrowHelper
{
    /// <summary>Throws <see cref="ArgumentException"/>.</summary>
    [DoesNotReturn]
    public static void ThrowArgument(string message, string paramName) => throw new ArgumentException(message, paramName);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/>.</summary>
    [DoesNotReturn]
    public static void ThrowArgumentOutOfRange(string paramName, string message) =>
        throw new ArgumentOutOfRangeException(paramName, message);

    /// <summary>Throws <see cref="InvalidOperationException"/>.</summary>
    [DoesNotReturn]
    public static void ThrowInvalidOperation(string message) => throw new InvalidOperationException(message);

    /// <summary>Throws <see cref="InvalidOperationException"/> wrapping the exception that caused it.</summary>
    [DoesNotReturn]
    public static void ThrowInvalidOperation(string message, Exception inner) =>
        throw new InvalidOperationException(message, inner);

    /// <summary>Throws <see cref="ObjectDisposedException"/>.</summary>
    [DoesNotReturn]
    public static void ThrowObjectDisposed(string objectName) => throw new ObjectDisposedException(objectName);
}
