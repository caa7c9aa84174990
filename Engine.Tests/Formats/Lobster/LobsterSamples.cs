using NUnit.Framework;

namespace TokenMatch.Tests.Formats.Lobster;

/// <summary>
/// Finds the LOBSTER sample days of the shared data folder: walks up from the test assembly to the
/// folder holding TokenMatch.sln, then <c>../shared/data/lobster</c>. Fails the test clearly when absent.
/// </summary>
public static class LobsterSamples
{
    /// <summary>AMZN, 2012-06-21, level 1.</summary>
    public const string Amzn = "LOBSTER_SampleFile_AMZN_2012-06-21_1.zip";

    /// <summary>GOOG, 2012-06-21, level 10.</summary>
    public const string Goog = "LOBSTER_SampleFile_GOOG_2012-06-21_10.zip";

    /// <summary>Full path of a sample zip.</summary>
    public static string PathOf(string sample)
    {
        string path = Path.Combine(Folder(), sample);
        if (!File.Exists(path))
            Assert.Fail($"LOBSTER sample {sample} is missing from {Folder()} (see ../shared/data/lobster/README.md)");
        return path;
    }

    /// <summary>The shared LOBSTER data folder.</summary>
    public static string Folder()
    {
        DirectoryInfo? dir = new(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TokenMatch.sln"))) dir = dir.Parent;
        if (dir is null)
            Assert.Fail($"no TokenMatch.sln above {TestContext.CurrentContext.TestDirectory}: cannot locate ../shared/data/lobster");
        string folder = Path.GetFullPath(Path.Combine(dir!.FullName, "..", "shared", "data", "lobster"));
        if (!Directory.Exists(folder))
            Assert.Fail($"the shared LOBSTER data folder {folder} is missing (expected beside the repository, see the data README)");
        return folder;
    }
}
