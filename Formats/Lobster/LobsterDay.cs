using System.Globalization;
using System.Text.RegularExpressions;

namespace TokenMatch.Formats.Lobster;

/// <summary>
/// One LOBSTER trading day in memory: the message rows and, row for row, the orderbook after each,
/// with the ticker and the date taken from LOBSTER's file name
/// (<c>TICKER_YYYY-MM-DD_start_end_message_LEVEL.csv</c>).
/// </summary>
public sealed partial class LobsterDay
{
    /// <summary>Symbol used when the file name does not start with a ticker.</summary>
    public const string DefaultSymbol = "LOBSTER";

    /// <summary>Builds a day from parsed parts; the two files must have one row per message.</summary>
    public LobsterDay(string symbol, long midnight, LobsterMessage[] messages, LobsterOrderbook orderbook)
    {
        if (messages.Length != orderbook.Rows)
            throw new LobsterFormatException("orderbook", -1,
                $"{orderbook.Rows} orderbook rows for {messages.Length} message rows: the files must match row for row");
        if (messages.Length < 2)
            throw new LobsterFormatException("message", -1, "a replay needs row 0 (the seed) and at least one more row");
        Symbol = symbol;
        Midnight = midnight;
        Messages = messages;
        Orderbook = orderbook;
    }

    /// <summary>Ticker from the file name, or <see cref="DefaultSymbol"/>.</summary>
    public string Symbol { get; }

    /// <summary>The trading day's midnight in nanoseconds since the Unix epoch (UTC).</summary>
    public long Midnight { get; }

    /// <summary>The message rows, row 0 first.</summary>
    public LobsterMessage[] Messages { get; }

    /// <summary>The book after each message row.</summary>
    public LobsterOrderbook Orderbook { get; }

    /// <summary>
    /// Reads a day from a message file and an orderbook file (csv or zip; one zip may serve both).
    /// <paramref name="midnight"/> overrides the date in the file name (ns since the Unix epoch).
    /// </summary>
    public static LobsterDay Load(string messagePath, string orderbookPath, long? midnight = null)
    {
        (byte[] messageData, string messageName) = LobsterSource.Read(messagePath, "message");
        (byte[] bookData, string bookName) = LobsterSource.Read(orderbookPath, "orderbook");
        return Parse(messageData, messageName, bookData, bookName, midnight);
    }

    /// <summary>Parses a day from the bytes of its two files; the names give ticker and date.</summary>
    public static LobsterDay Parse(ReadOnlySpan<byte> messageData, string messageName, ReadOnlySpan<byte> bookData,
        string bookName, long? midnight = null)
    {
        LobsterMessage[] messages = LobsterCsv.ParseMessages(messageData, messageName);
        LobsterOrderbook orderbook = LobsterCsv.ParseOrderbook(bookData, bookName);
        Match match = FileNamePattern().Match(messageName);
        string symbol = match.Success ? match.Groups["ticker"].Value : DefaultSymbol;
        if (symbol.Length > TokenMatch.Commands.MarketSymbol.MaxLength || !TokenMatch.Commands.MarketSymbol.IsValid(symbol)) symbol = DefaultSymbol;
        long day = midnight ?? (match.Success ? MidnightOf(match.Groups["date"].Value, messageName) : 0);
        return new LobsterDay(symbol, day, messages, orderbook);
    }

    /// <summary>Midnight UTC of an ISO date (yyyy-MM-dd) in nanoseconds since the Unix epoch.</summary>
    public static long MidnightOf(string isoDate, string source)
    {
        if (!DateOnly.TryParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date))
            throw new LobsterFormatException(source, -1, $"\"{isoDate}\" is not a date (yyyy-MM-dd)");
        long days = date.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;
        return days * 86_400 * LobsterCsv.NanosPerSecond;
    }

    [GeneratedRegex(@"^(?<ticker>[A-Za-z0-9.\-]+)_(?<date>\d{4}-\d{2}-\d{2})_")]
    private static partial Regex FileNamePattern();
}
