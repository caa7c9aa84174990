using System.Buffers.Binary;
using TokenMatch.Commands;
using TokenMatch.Journal.Format;
using TokenMatch.Journal.Reading;
using TokenMatch.Journal.Recovery;
using TokenMatch.Journal.Writing;
using TokenMatch.Tests.Journal.Support;

namespace TokenMatch.Tests.Journal.Reading;

/// <summary>
/// Damage is found exactly where it is: a torn last record is cut off with a warning naming the
/// file and offset; anything else stops the read with the file, offset, problem and advice, after
/// every record before the damage has been read.
/// </summary>
public sealed class DamageTests
{
    private static readonly JournalWriterOptions Small = new() { Fsync = FsyncPolicy.None, SegmentSize = 2_000 };

    [Test]
    public void TruncationAtEveryByteOfTheLastRecordIsATornTailCutOff()
    {
        using var original = new TempDirectory();
        Command[] written = JournalKit.WriteDirect(original.Path, JournalKit.SampleFlow(40), Small);
        (string file, long offset, long length) = JournalDamage.Records(original.Path)[^1];
        for (long cut = offset + 1; cut < offset + length; cut++)
        {
            using var copy = new TempDirectory();
            JournalDamage.Copy(original.Path, copy.Path);
            string target = Path.Combine(copy.Path, Path.GetFileName(file));
            JournalDamage.Truncate(target, cut);
            var warnings = new List<string>();
            RecoveryResult result = JournalRecovery.Recover(copy.Path, new RecoveryOptions { Warn = warnings.Add });
            Assert.That(result.Torn, Is.Not.Null, $"cut at {cut}");
            Assert.That(result.Torn!.Offset, Is.EqualTo(offset));
            Assert.That(warnings, Has.Count.EqualTo(1));
            Assert.That(warnings[0], Does.Contain(target).And.Contain($"offset {offset}").And.Contain("cut off"));
            Assert.That(result.NextSequence, Is.EqualTo(written.Length - 1));
            Assert.That(new FileInfo(target).Length, Is.EqualTo(offset));
            Assert.That(JournalKit.ReadCommands(copy.Path), Has.Count.EqualTo(written.Length - 1));
        }
    }

    [Test]
    public void ATornSegmentHeaderAfterARollIsCutOff()
    {
        using var directory = new TempDirectory();
        Command[] written = JournalKit.WriteDirect(directory.Path, JournalKit.SampleFlow(10), Small);
        string next = JournalFiles.SegmentPath(directory.Path, written.Length);
        byte[] header = new byte[SegmentHeader.Length];
        SegmentHeader.Write(header, written.Length);
        File.WriteAllBytes(next, header[..30]);
        RecoveryResult result = JournalRecovery.Recover(directory.Path);
        Assert.That(result.Torn!.File, Is.EqualTo(next));
        Assert.That(File.Exists(next), Is.False);
        Assert.That(result.NextSequence, Is.EqualTo(written.Length));
    }

    [Test]
    public void AFlippedBitInAnEarlierRecordStopsTheReadAtThatRecord([Values(0, 1, 2, 3)] int region, [Range(1, 6)] int seed)
    {
        using var original = new TempDirectory();
        JournalKit.WriteDirect(original.Path, JournalKit.SampleFlow(60, seed), Small);
        List<(string File, long Offset, long Length)> records = JournalDamage.Records(original.Path);
        var random = new Random(seed * 31 + region);
        int victim = random.Next(records.Count - 1); // never the last record: that one may be torn
        (string file, long offset, long length) = records[victim];
        long at = region switch
        {
            0 => offset + random.Next(4),                            // length
            1 => offset + 4 + random.Next(4),                        // length check
            2 => offset + 8 + random.Next(4),                        // CRC
            _ => offset + 12 + random.Next((int)length - 12),        // body
        };
        using var copy = new TempDirectory();
        JournalDamage.Copy(original.Path, copy.Path);
        string target = Path.Combine(copy.Path, Path.GetFileName(file));
        JournalDamage.FlipBit(target, at, random.Next(8));
        int before = records.Take(victim).Count(r => r != default);
        (int commands, JournalCorruptException? error, _) = JournalDamage.ReadAll(copy.Path);
        Assert.That(error, Is.Not.Null);
        Assert.That(error!.File, Is.EqualTo(target));
        Assert.That(error.Offset, Is.EqualTo(offset));
        Assert.That(commands, Is.EqualTo(before), "every record before the damage was read");
        Assert.That(error.Message, Does.Contain("repair"));
        Assert.Throws<JournalCorruptException>(() => JournalRecovery.Recover(copy.Path));
    }

    [Test]
    public void AFlippedBitInASegmentHeaderStopsTheRead([Range(0, 59, 7)] int offset)
    {
        using var directory = new TempDirectory();
        JournalKit.WriteDirect(directory.Path, JournalKit.SampleFlow(60), Small);
        List<(string Path, long NamedSequence)> segments = JournalFiles.Segments(directory.Path);
        Assert.That(segments, Has.Count.GreaterThan(2));
        string victim = segments[1].Path;
        JournalDamage.FlipBit(victim, offset, offset % 8);
        (int commands, JournalCorruptException? error, _) = JournalDamage.ReadAll(directory.Path);
        Assert.That(error!.File, Is.EqualTo(victim));
        Assert.That(error.Offset, Is.Zero);
        Assert.That(commands, Is.EqualTo(segments[1].NamedSequence));
    }

    [Test]
    public void ANewerFormatVersionIsRefusedSayingSo()
    {
        using var directory = new TempDirectory();
        JournalKit.WriteDirect(directory.Path, JournalKit.SampleFlow(5));
        string file = JournalFiles.Segments(directory.Path)[0].Path;
        byte[] bytes = File.ReadAllBytes(file);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(SegmentHeader.VersionOffset), SegmentHeader.Version + 1);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(SegmentHeader.CrcOffset), Crc32C.Compute(bytes.AsSpan(0, SegmentHeader.CrcOffset)));
        File.WriteAllBytes(file, bytes);
        var e = Assert.Throws<JournalCorruptException>(() => JournalRecovery.Recover(directory.Path));
        Assert.That(e!.Problem, Does.Contain($"version {SegmentHeader.Version + 1}").And.Contain("newer"));
        Assert.That(e.Advice, Does.Contain("newer tokenmatch"));
    }

    [Test]
    public void AMissingSegmentStopsTheReadNamingTheGap()
    {
        using var directory = new TempDirectory();
        JournalKit.WriteDirect(directory.Path, JournalKit.SampleFlow(60), Small);
        List<(string Path, long NamedSequence)> segments = JournalFiles.Segments(directory.Path);
        File.Delete(segments[2].Path);
        (int commands, JournalCorruptException? error, _) = JournalDamage.ReadAll(directory.Path);
        Assert.That(error!.File, Is.EqualTo(segments[3].Path));
        Assert.That(error.Problem, Does.Contain("missing segment").And.Contain($"ends at command {segments[2].NamedSequence - 1}"));
        Assert.That(commands, Is.EqualTo(segments[2].NamedSequence));
    }

    [Test]
    public void AMissingFirstSegmentStopsRecovery()
    {
        using var directory = new TempDirectory();
        JournalKit.WriteDirect(directory.Path, JournalKit.SampleFlow(60), Small);
        File.Delete(JournalFiles.Segments(directory.Path)[0].Path);
        var e = Assert.Throws<JournalCorruptException>(() => JournalRecovery.Recover(directory.Path));
        Assert.That(e!.Problem, Does.Contain("commands from 0 are needed"));
    }

    [Test]
    public void ASegmentUnderTheWrongNameIsOutOfOrder()
    {
        using var directory = new TempDirectory();
        JournalKit.WriteDirect(directory.Path, JournalKit.SampleFlow(60), Small);
        List<(string Path, long NamedSequence)> segments = JournalFiles.Segments(directory.Path);
        string renamed = JournalFiles.SegmentPath(directory.Path, segments[^1].NamedSequence + 1000);
        File.Move(segments[1].Path, renamed);
        (int commands, JournalCorruptException? error, _) = JournalDamage.ReadAll(directory.Path);
        Assert.That(error!.Problem, Does.Contain("missing segment"));
        Assert.That(commands, Is.EqualTo(segments[1].NamedSequence));
    }

    [Test]
    public void ASequenceGapInsideASegmentStopsTheRead()
    {
        using var directory = new TempDirectory();
        Command[] written = JournalKit.WriteDirect(directory.Path, JournalKit.SampleFlow(5));
        string file = JournalFiles.Segments(directory.Path)[0].Path;
        long gapAt = new FileInfo(file).Length;
        using (var stream = new FileStream(file, FileMode.Append))
        {
            foreach (long sequence in new[] { written.Length + 5L, written.Length + 6L })
            {
                byte[] frame = new byte[RecordFrame.HeaderLength + CommandRecord.MaxBodyLength];
                Command c = Command.Time(1);
                c.Sequence = sequence;
                int body = CommandRecord.Write(frame.AsSpan(RecordFrame.HeaderLength), c);
                RecordFrame.Seal(frame, body);
                stream.Write(frame, 0, RecordFrame.HeaderLength + body);
            }
        }
        (int commands, JournalCorruptException? error, _) = JournalDamage.ReadAll(directory.Path);
        Assert.That(error!.Offset, Is.EqualTo(gapAt));
        Assert.That(error.Problem, Does.Contain("sequence gap").And.Contain($"command {written.Length} expected"));
        Assert.That(commands, Is.EqualTo(written.Length));
    }

    [Test]
    public void ZeroBytesAfterTheLastRecordAreATornTail()
    {
        using var directory = new TempDirectory();
        Command[] written = JournalKit.WriteDirect(directory.Path, JournalKit.SampleFlow(5));
        string file = JournalFiles.Segments(directory.Path)[0].Path;
        long end = new FileInfo(file).Length;
        using (var stream = new FileStream(file, FileMode.Append)) stream.Write(new byte[4096]);
        RecoveryResult result = JournalRecovery.Recover(directory.Path);
        Assert.That(result.Torn!.Offset, Is.EqualTo(end));
        Assert.That(result.NextSequence, Is.EqualTo(written.Length));
    }
}
