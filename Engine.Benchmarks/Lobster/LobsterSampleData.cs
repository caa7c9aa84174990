using TokenMatch.Formats.Lobster;

namespace TokenMatch.Benchmarks.Lobster;

/// <summary>
/// The GOOG sample day (147,916 messages, 10 levels) read from the shared data folder: walks up from
/// the benchmark's directory to the folder holding TokenMatch.sln, then <c>../shared/data/lobster</c>.
/// </summary>
public static class LobsterSampleData
{
    /// <summary>The GOOG sample zip's file name.</summary>
    public const string GoogZip = "LOBSTER_SampleFile_GOOG_2012-06-21_10.zip";

    /// <summary>Message rows of the GOOG day.</summary>
    public const int GoogMessages = 147_916;

    /// <summary>The raw bytes and entry names of the GOOG day's two csv files.</summary>
    public static (byte[] Messages, string MessageName, byte[] Orderbook, string OrderbookName) ReadGoog()
    {
        string zip = Path.Combine(Folder(), GoogZip);
        (byte[] messages, string messageName) = LobsterSource.Read(zip, "message");
        (byte[] orderbook, string orderbookName) = LobsterSource.Read(zip, "orderbook");
        return (messages, messageName, orderbook, orderbookName);
    }

    private static string Folder()
    {
        DirectoryInfo? dir = new(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TokenMatch.sln"))) dir = dir.Parent;
        string folder = dir is null ? "" : Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "lobster"));
        if (!File.Exists(Path.Combine(folder, GoogZip)))
            throw new FileNotFoundException(
                $"the LOBSTER GOOG sample was not found beside the repository above {AppContext.BaseDirectory} (expected ../shared/data/lobster/{GoogZip})");
        return folder;
    }
}
