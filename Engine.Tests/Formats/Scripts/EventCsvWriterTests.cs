using NUnit.Framework;
using TokenMatch.Formats.Scripts;
using TokenMatch.Commands;
using TokenMatch.Events;
using TokenMatch.Markets;

namespace TokenMatch.Tests.Formats.Scripts;

public sealed class EventCsvWriterTests
{
    private const long T = 1_796_083_200_000_000_000;

    [Test]
    public void HeaderNamesEveryColumn()
    {
        Assert.That(EventCsvWriter.Header.Split(','), Is.EqualTo(new[]
        {
            "seq", "time", "event", "command", "code", "market", "account", "order", "client", "side", "price",
            "exec_price", "qty", "remaining", "fee", "other_fee", "other_account", "other_order", "reason", "detail",
        }));
    }

    [Test]
    public void EveryEventTypeFillsEveryColumn()
    {
        int columns = EventCsvWriter.Header.Split(',').Length;
        foreach (EventType type in Enum.GetValues<EventType>())
        {
            var e = new Event { Type = type, Command = CommandType.Place, Timestamp = T };
            Assert.That(EventCsvWriter.Format(e).Split(','), Has.Length.EqualTo(columns), type.ToString());
        }
    }

    [Test]
    public void WritesATradeWithNamesAndNanosecondTimes()
    {
        var trade = new Event
        {
            Type = EventType.Trade, Command = CommandType.Place, Sequence = 12, Timestamp = T + 1_500,
            Market = 1, Account = 10, OrderId = 3, OtherAccount = 11, OtherOrderId = 5, Side = Side.Buy,
            Quantity = 4, Remaining = 6, Price = 2_000_000, ExecPrice = 1_998_000, Fee = 7_992, OtherFee = 3_996,
        };
        Assert.That(EventCsvWriter.Format(trade), Is.EqualTo(
            "12,2026-12-01T00:00:00.000001500Z,trade,place,,1,10,3,0,buy,2000000,1998000,4,6,7992,3996,11,5,,"));
    }

    [Test]
    public void WritesRejectionsCancelsAndDetailsByName()
    {
        var rejected = new Event
        {
            Type = EventType.Rejected, Command = CommandType.Place, Code = ResultCode.FokNotFillable, Timestamp = T,
            Account = 10, Market = 1, ClientId = 8,
        };
        var cancelled = new Event
        {
            Type = EventType.Cancelled, Command = CommandType.Time, Timestamp = T, Market = 1, Account = 10,
            OrderId = 3, Side = Side.Sell, Price = 1_000, Quantity = 2, Reason = CancelReason.TimeExpiry,
        };
        var expired = new Event { Type = EventType.LotsExpired, Command = CommandType.Time, Timestamp = T, Detail = (byte)Origin.Allocated };
        var state = new Event { Type = EventType.MarketState, Command = CommandType.OpenMarket, Timestamp = T, Detail = (byte)MarketState.Open };
        var level = new Event { Type = EventType.BookLevel, Command = CommandType.MassCancel, Timestamp = T, Side = Side.Buy, Detail = 9 };

        Assert.Multiple(() =>
        {
            Assert.That(EventCsvWriter.Format(rejected), Does.StartWith("0,2026-12-01T00:00:00.000000000Z,rejected,place,fok-not-fillable,1,10,0,8,,"));
            Assert.That(EventCsvWriter.Format(cancelled), Does.EndWith(",sell,1000,0,2,0,0,0,0,0,time-expiry,"));
            Assert.That(EventCsvWriter.Format(expired), Does.Contain(",lots-expired,time,").And.EndWith(",allocated"));
            Assert.That(EventCsvWriter.Format(state), Does.Contain(",market-state,open-market,").And.EndWith(",open"));
            Assert.That(EventCsvWriter.Format(level), Does.Contain(",book-level,mass-cancel,").And.EndWith(",9"));
        });
    }

    [Test]
    public void WritesHeaderThenOneRowPerEventInOrder()
    {
        var text = new StringWriter { NewLine = "\n" };
        var writer = new EventCsvWriter(text);
        writer.WriteHeader();
        Event[] events =
        [
            new() { Type = EventType.Accepted, Command = CommandType.Deposit, Sequence = 0, Timestamp = T, Account = 4 },
            new() { Type = EventType.Accepted, Command = CommandType.Deposit, Sequence = 1, Timestamp = T, Account = 5 },
        ];
        writer.OnEvents(events);
        string[] lines = text.ToString().Split('\n');
        Assert.That(lines, Has.Length.EqualTo(4));
        Assert.That(lines[0], Is.EqualTo(EventCsvWriter.Header));
        Assert.That(lines[1], Does.StartWith("0,").And.Contain(",accepted,deposit,,0,4,"));
        Assert.That(lines[2], Does.StartWith("1,").And.Contain(",accepted,deposit,,0,5,"));
        Assert.That(lines[3], Is.Empty);
    }
}
