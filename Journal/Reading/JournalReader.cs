using System.Buffers.Binary;
using TokenMatch.Journal.Format;

namespace TokenMatch.Journal.Reading;

/// <summary>
/// Reads a journal directory's records in order, checking everything: segment headers (magic,
/// version, CRC, name), segment order and continuity (no missing or overlapping segment), every
/// record's frame and CRC, and that command sequences run on without a gap. An incomplete last
/// record of the last segment stops the read and is reported in <see cref="Torn"/>; any other
/// damage throws <see cref="JournalCorruptException"/> naming the file, offset, problem and what
/// to do. Owned by one thread. Each segment is read whole into one reused buffer.
/// </summary>
public sealed class JournalReader
{
    private readonly string _directory;
    private readonly JournalReaderOptions _options;
    private readonly List<SegmentInfo> _segments = new();
    private byte[] _buffer = [];
    private int _length;
    private int _position;
    private int _segment = -1;
    private long _expected = -1;
    private bool _done;

    /// <summary>Opens <paramref name="directory"/>; nothing is read until <see cref="Read"/>.</summary>
    public JournalReader(string directory, JournalReaderOptions? options = null)
    {
        _directory = directory;
        _options = options ?? new JournalReaderOptions();
        foreach ((string path, long named) in JournalFiles.Segments(directory))
            _segments.Add(new SegmentInfo(path, named, new FileInfo(path).Length));
        _segment = FirstSegmentToRead() - 1;
    }

    /// <summary>The segments found, in order (as named; headers are checked as they are reached).</summary>
    public IReadOnlyList<SegmentInfo> Segments => _segments;

    /// <summary>Set when the read ended at an incomplete last record.</summary>
    public TornTail? Torn { get; private set; }

    /// <summary>The sequence of the last command read, or −1.</summary>
    public long LastSequence => _expected - 1;

    /// <summary>The sequence the next command must have (the journal's end after the last read).</summary>
    public long NextSequence => _expected < 0 ? _options.ExpectedFirstSequence ?? 0 : _expected;

    /// <summary>The end of the good data: the last segment read and the length it is good to.</summary>
    public (string File, long Length)? GoodEnd => _segment >= 0 && _segment < _segments.Count ? (_segments[_segment].Path, _position) : null;

    /// <summary>
    /// Reads the next record into <paramref name="entry"/>; false at the end (check <see cref="Torn"/>).
    /// Throws <see cref="JournalCorruptException"/> on damage before the tail.
    /// </summary>
    public bool Read(ref JournalEntry entry)
    {
        while (!_done)
        {
            if (_segment >= 0 && _position < _length)
            {
                if (ReadRecord(ref entry)) return true;
                continue;
            }
            if (!OpenNextSegment()) _done = true;
        }
        return false;
    }

    private int FirstSegmentToRead()
    {
        int first = 0;
        for (int i = 1; i < _segments.Count; i++)
            if (_segments[i].FirstSequence <= _options.FromSequence) first = i;
        return first;
    }

    private bool IsLast => _segment == _segments.Count - 1;

    private string CurrentPath => _segments[_segment].Path;

    private bool OpenNextSegment()
    {
        if (_segment + 1 >= _segments.Count)
        {
            if (_segments.Count == 0 && _options.ExpectedFirstSequence is long e && e > 0)
                throw new JournalCorruptException(_directory, 0, $"the directory has no journal segment, and commands from 0 to {e - 1} are expected", "Point at the right directory, or restore the journal's segments");
            return false;
        }
        _segment++;
        SegmentInfo info = _segments[_segment];
        byte[] bytes = ReadWhole(info.Path, out _length);
        _buffer = bytes;
        _position = 0;
        ReadOnlySpan<byte> data = _buffer.AsSpan(0, _length);
        if (_length < SegmentHeader.Length || IsZero(data))
        {
            if (IsLast)
            {
                Torn = new TornTail(info.Path, 0, _length, _length < SegmentHeader.Length ? "the segment header is incomplete" : "the segment holds only zero bytes");
                _position = 0;
                _length = 0;
                return false;
            }
            Corrupt(0, $"the segment is {_length} bytes long and has no complete header, but later segments follow");
        }
        string? problem = SegmentHeader.Validate(data, out long first);
        if (problem is not null)
        {
            if (problem.Contains("newer than this build", StringComparison.Ordinal))
                throw new JournalCorruptException(info.Path, SegmentHeader.VersionOffset, problem, "This journal was written by a newer tokenmatch; read it with that version");
            Corrupt(0, problem);
        }
        if (first != info.FirstSequence)
            Corrupt(SegmentHeader.FirstSequenceOffset, $"the segment header says its first command is {first}, its file name says {info.FirstSequence}");
        if (_expected < 0)
        {
            long? wanted = _options.ExpectedFirstSequence;
            if (wanted is long w && first > w)
                throw new JournalCorruptException(info.Path, 0, $"the journal's first segment starts at command {first}, but commands from {w} are needed (a missing segment, and no snapshot covers it)", "Restore the missing segment from a replica or backup");
        }
        else if (first > _expected)
        {
            throw new JournalCorruptException(info.Path, 0, $"missing segment: the previous segment ends at command {_expected - 1} and this one starts at {first}", "Restore the missing segment (commands " + _expected + " to " + (first - 1) + ") from a replica or backup; records before it are intact");
        }
        else if (first < _expected)
        {
            throw new JournalCorruptException(info.Path, 0, $"segments out of order or overlapping: the previous segment ends at command {_expected - 1} and this one starts at {first}", "Remove the stray segment file (compare it with its neighbours first)");
        }
        _expected = first;
        _position = SegmentHeader.Length;
        return true;
    }

    private bool ReadRecord(ref JournalEntry entry)
    {
        int at = _position;
        ReadOnlySpan<byte> data = _buffer.AsSpan(0, _length);
        int remain = _length - at;
        if (remain < RecordFrame.HeaderLength)
        {
            Tear(at, "the file ends inside a record's frame header");
            return false;
        }
        uint length = BinaryPrimitives.ReadUInt32LittleEndian(data[(at + RecordFrame.LengthOffset)..]);
        uint check = BinaryPrimitives.ReadUInt32LittleEndian(data[(at + RecordFrame.LengthCheckOffset)..]);
        if (check != ~length)
        {
            if (IsLast && IsZero(data[at..]))
            {
                Tear(at, "the rest of the file is zero bytes (space allocated, never written)");
                return false;
            }
            Corrupt(at, $"a record's length field ({length}) does not match its check field (0x{check:X8})");
        }
        if (length == 0 || length > RecordFrame.MaxBodyLength) Corrupt(at, $"a record claims a body of {length} bytes (1 to {RecordFrame.MaxBodyLength} allowed)");
        int body = at + RecordFrame.HeaderLength;
        if (length > (uint)(_length - body))
        {
            Tear(at, $"the file ends inside a {length}-byte record");
            return false;
        }
        ReadOnlySpan<byte> payload = data.Slice(body, (int)length);
        uint crc = BinaryPrimitives.ReadUInt32LittleEndian(data[(at + RecordFrame.CrcOffset)..]);
        if (crc != Crc32C.Compute(payload))
        {
            if (IsLast && body + (int)length == _length)
            {
                Tear(at, "the last record's CRC does not match (partly written)");
                return false;
            }
            Corrupt(at, "a record's CRC does not match its contents");
        }
        entry.Segment = _segment;
        entry.Offset = at;
        _position = body + (int)length;
        switch ((RecordKind)payload[0])
        {
            case RecordKind.Command:
                string? problem = CommandRecord.Read(payload, out entry.Command);
                if (problem is not null) Corrupt(at, problem);
                if (entry.Command.Sequence != _expected)
                    Corrupt(at, $"sequence gap: command {_expected} expected, the record holds {entry.Command.Sequence}");
                _expected++;
                entry.Kind = RecordKind.Command;
                return entry.Command.Sequence >= _options.FromSequence;
            case RecordKind.Checkpoint:
                if (payload.Length != CheckpointRecord.BodyLength) Corrupt(at, $"a checkpoint record is {payload.Length} bytes, {CheckpointRecord.BodyLength} expected");
                CheckpointRecord.Read(payload, out entry.CheckpointSequence, out entry.StateHash);
                entry.Kind = RecordKind.Checkpoint;
                return entry.CheckpointSequence >= _options.FromSequence - 1;
            default:
                Corrupt(at, $"unknown record kind {payload[0]} (written by a newer tokenmatch?)");
                return false;
        }
    }

    private void Tear(int at, string reason)
    {
        if (!IsLast) Corrupt(at, reason + ", but later segments follow");
        Torn = new TornTail(CurrentPath, at, _length - at, reason);
        _length = at;
        _position = at;
        _done = true;
    }

    private void Corrupt(long offset, string problem) =>
        throw new JournalCorruptException(CurrentPath, offset, problem, JournalCorruptException.RepairAdvice(_directory));

    private static bool IsZero(ReadOnlySpan<byte> data) => !data.ContainsAnyExcept((byte)0);

    private byte[] ReadWhole(string path, out int length)
    {
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        long size = RandomAccess.GetLength(file);
        if (size > Array.MaxLength) throw new JournalCorruptException(path, 0, $"the segment is {size} bytes, larger than one read can hold", "Segments are at most 2 GiB; this file was not written by tokenmatch");
        byte[] buffer = _buffer.Length >= size ? _buffer : new byte[Math.Max(size, _buffer.Length * 2L > Array.MaxLength ? size : _buffer.Length * 2L)];
        int read = 0;
        while (read < size)
        {
            int n = RandomAccess.Read(file, buffer.AsSpan(read, (int)size - read), read);
            if (n == 0) break;
            read += n;
        }
        length = read;
        return buffer;
    }
}
