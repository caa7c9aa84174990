using System.Runtime.InteropServices;

namespace TokenMatch.Cli.Io;

/// <summary>
/// What a path names on disk, compared by device and inode on Linux (so a hard link, a symlink,
/// <c>./x</c> and <c>/abs/x</c> are all the same file), by resolved full path elsewhere; and whether it
/// is a regular file (only those are removed after a failed write: never <c>/dev/full</c> or a pipe).
/// </summary>
public static partial class FileIdentity
{
    // struct stat is at most 144 bytes on the 64-bit Linux ABIs; st_dev and st_ino are its first two
    // 8-byte fields on x86-64 and arm64 alike; st_mode sits at 24 (x86-64) or 16 (arm64).
    private const int StatBufferSize = 256;
    private const uint FileTypeMask = 0xF000;
    private const uint RegularFile = 0x8000;

    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static unsafe partial int Stat(string path, byte* buffer);

    private static bool CanStat =>
        OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64;

    private static unsafe bool TryStat(string path, out ulong device, out ulong inode, out uint mode)
    {
        device = inode = 0;
        mode = 0;
        if (!CanStat) return false;
        byte* buffer = stackalloc byte[StatBufferSize];
        try
        {
            if (Stat(path, buffer) != 0) return false;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
        device = *(ulong*)buffer;
        inode = *(ulong*)(buffer + 8);
        mode = *(uint*)(buffer + (RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 24 : 16));
        return true;
    }

    /// <summary>True when both paths exist and name the same file.</summary>
    public static bool SameFile(string a, string b)
    {
        if (TryStat(a, out ulong da, out ulong ia, out _))
            return TryStat(b, out ulong db, out ulong ib, out _) && da == db && ia == ib;
        if (!File.Exists(a) || !File.Exists(b)) return false;
        return string.Equals(RealPath(a), RealPath(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }

    /// <summary>True when the path is a regular file (false for devices, pipes, sockets, directories, or nothing).</summary>
    public static bool IsRegularFile(string path)
    {
        if (TryStat(path, out _, out _, out uint mode)) return (mode & FileTypeMask) == RegularFile;
        return File.Exists(path) && !path.StartsWith("/dev/", StringComparison.Ordinal);
    }

    private static string RealPath(string path)
    {
        var info = new FileInfo(Path.GetFullPath(path));
        return info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? info.FullName;
    }
}
