using System.Runtime.InteropServices;

namespace TokenMatch.Journal.IO;

/// <summary>
/// Makes a directory's entries durable (a new segment or a renamed snapshot survives power loss only
/// once its directory is fsynced). .NET has no API for it, so on Linux and macOS this opens the
/// directory read-only and fsyncs it through libc; elsewhere it does nothing (Windows makes
/// directory entries durable with the file).
/// </summary>
internal static partial class DirectorySync
{
    /// <summary>Fsyncs <paramref name="directory"/>; throws <see cref="IOException"/> when the OS refuses.</summary>
    public static void Flush(string directory)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return;
        int fd = Open(directory, 0);
        if (fd < 0) throw new IOException($"Could not open directory {directory} to fsync it (errno {Marshal.GetLastPInvokeError()}).");
        try
        {
            if (Fsync(fd) != 0) throw new IOException($"fsync of directory {directory} failed (errno {Marshal.GetLastPInvokeError()}).");
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
