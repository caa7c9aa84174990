using System.IO.Compression;

namespace TokenMatch.Formats.Lobster;

/// <summary>
/// Reads one LOBSTER csv file into memory, either as given or from a zip archive (LOBSTER ships a
/// day as one zip holding the message file, the orderbook file and a ReadMe).
/// </summary>
public static class LobsterSource
{
    /// <summary>
    /// The bytes and name of the csv at <paramref name="path"/>; for a zip, of the entry whose name
    /// contains <paramref name="kind"/> ("message" or "orderbook"), or of its only csv entry.
    /// </summary>
    public static (byte[] Data, string Name) Read(string path, string kind)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"file not found: {path}", path);
        if (!IsZip(path)) return (File.ReadAllBytes(path), Path.GetFileName(path));
        using ZipArchive zip = ZipFile.OpenRead(path);
        ZipArchiveEntry entry = PickEntry(zip, path, kind);
        using Stream stream = entry.Open();
        var data = new byte[entry.Length];
        stream.ReadExactly(data);
        return (data, entry.Name);
    }

    private static ZipArchiveEntry PickEntry(ZipArchive zip, string path, string kind)
    {
        ZipArchiveEntry? only = null;
        ZipArchiveEntry? named = null;
        int csvCount = 0;
        foreach (ZipArchiveEntry entry in zip.Entries)
        {
            if (!entry.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) continue;
            csvCount++;
            only = entry;
            if (entry.Name.Contains(kind, StringComparison.OrdinalIgnoreCase))
            {
                if (named is not null)
                    throw new LobsterFormatException(path, -1, $"more than one {kind} csv in the zip ({named.Name}, {entry.Name})");
                named = entry;
            }
        }
        if (named is not null) return named;
        if (csvCount == 1 && only is not null) return only;
        throw new LobsterFormatException(path, -1, csvCount == 0 ? "the zip holds no csv file" : $"the zip holds no csv named like a {kind} file");
    }

    private static bool IsZip(string path)
    {
        Span<byte> magic = stackalloc byte[4];
        using FileStream file = File.OpenRead(path);
        return file.ReadAtLeast(magic, 4, throwOnEndOfStream: false) == 4
            && magic[0] == (byte)'P' && magic[1] == (byte)'K' && magic[2] == 3 && magic[3] == 4;
    }
}
