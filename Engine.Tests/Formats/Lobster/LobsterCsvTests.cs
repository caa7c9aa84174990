using System.Text;
using NUnit.Framework;
using TokenMatch.Formats.Lobster;

namespace TokenMatch.Tests.Formats.Lobster;

[TestFixture]
public class LobsterCsvTests
{
    private static LobsterMessage[] Messages(string text) => LobsterCsv.ParseMessages(Encoding.ASCII.GetBytes(text), "m.csv");

    private static LobsterFormatException Damaged(string text) =>
        Assert.Throws<LobsterFormatException>(() => Messages(text))!;

    [TestCase("34200.017459617", 34_200_017_459_617L)]
    [TestCase("34200.18960767", 34_200_189_607_670L)]
    [TestCase("34200.1", 34_200_100_000_000L)]
    [TestCase("36023", 36_023_000_000_000L)]
    [TestCase("0.000000001", 1L)]
    public void Time_is_exact_integer_nanoseconds(string text, long expected)
    {
        Assert.That(LobsterCsv.TryParseTime(Encoding.ASCII.GetBytes(text), out long nanos), Is.True);
        Assert.That(nanos, Is.EqualTo(expected));
    }

    [TestCase("34200.")]
    [TestCase(".5")]
    [TestCase("-1.5")]
    [TestCase("3e4")]
    [TestCase("34200.12a")]
    public void Time_that_is_not_seconds_with_decimals_is_refused(string text) =>
        Assert.That(LobsterCsv.TryParseTime(Encoding.ASCII.GetBytes(text), out _), Is.False);

    [Test]
    public void Rows_parse_into_integers_with_either_line_ending()
    {
        LobsterMessage[] rows = Messages("34200.18960767,1,11885113,21,2238100,1\r\n34200.190226476,4,11885113,21,2238100,-1\n");
        Assert.That(rows, Has.Length.EqualTo(2));
        Assert.That(rows[0], Is.EqualTo(new LobsterMessage(34_200_189_607_670, LobsterEventType.NewOrder, 11885113, 21, 2238100, 1)));
        Assert.That(rows[1].Type, Is.EqualTo(LobsterEventType.Execution));
        Assert.That(rows[1].IsBuy, Is.False);
    }

    [Test]
    public void Wrong_column_count_stops_with_the_row_and_reason()
    {
        LobsterFormatException e = Damaged("34200.1,1,1,10,100,1\n34200.2,1,2,10,100\n");
        Assert.That(e.Row, Is.EqualTo(1));
        Assert.That(e.Reason, Does.Contain("expected 6 columns").And.Contain("found 5"));
        Assert.That(e.Message, Does.Contain("row 1 (line 2)"));
    }

    [Test]
    public void Extra_column_stops_with_the_row()
    {
        LobsterFormatException e = Damaged("34200.1,1,1,10,100,1\n34200.2,1,2,10,100,1\n34200.3,1,3,10,100,1,7\n");
        Assert.That(e.Row, Is.EqualTo(2));
        Assert.That(e.Reason, Does.Contain("found 7"));
    }

    [Test]
    public void Non_numeric_field_stops_with_the_row_and_the_field()
    {
        LobsterFormatException e = Damaged("34200.1,1,1,10,100,1\n34200.2,1,2,ten,100,1\n");
        Assert.That(e.Row, Is.EqualTo(1));
        Assert.That(e.Reason, Does.Contain("size").And.Contain("\"ten\"").And.Contain("not an integer"));
    }

    [Test]
    public void Non_numeric_time_stops_with_the_row()
    {
        LobsterFormatException e = Damaged("34200.1,1,1,10,100,1\n34200.1,1,2,10,100,1\nnoon,1,3,10,100,1\n");
        Assert.That(e.Row, Is.EqualTo(2));
        Assert.That(e.Reason, Does.Contain("time"));
    }

    [TestCase("8")]
    [TestCase("0")]
    [TestCase("-4")]
    public void Unknown_type_stops_with_the_row_and_reason(string type)
    {
        LobsterFormatException e = Damaged($"34200.1,1,1,10,100,1\n34200.2,{type},2,10,100,1\n");
        Assert.That(e.Row, Is.EqualTo(1));
        Assert.That(e.Reason, Does.Contain($"unknown event type {type}"));
    }

    [Test]
    public void Direction_other_than_plus_or_minus_one_is_refused()
    {
        LobsterFormatException e = Damaged("34200.1,1,1,10,100,0\n");
        Assert.That(e.Row, Is.EqualTo(0));
        Assert.That(e.Reason, Does.Contain("direction 0"));
    }

    [Test]
    public void Visible_order_without_a_positive_price_is_refused()
    {
        LobsterFormatException e = Damaged("34200.1,1,1,10,100,1\n34200.2,3,1,10,0,1\n");
        Assert.That(e.Row, Is.EqualTo(1));
        Assert.That(e.Reason, Does.Contain("price 0"));
    }

    [Test]
    public void Halt_rows_keep_their_dummy_price()
    {
        LobsterMessage[] rows = Messages("36023,7,0,0,-1,-1\n36723,7,0,0,1,-1\n");
        Assert.That(rows.Select(r => r.Type), Is.All.EqualTo(LobsterEventType.Halt));
    }

    [Test]
    public void Blank_line_inside_the_file_is_a_damaged_row()
    {
        LobsterFormatException e = Damaged("34200.1,1,1,10,100,1\n\n34200.2,1,2,10,100,1\n");
        Assert.That(e.Row, Is.EqualTo(1));
    }

    [Test]
    public void Orderbook_rows_parse_per_level_and_side()
    {
        LobsterOrderbook book = LobsterCsv.ParseOrderbook(
            Encoding.ASCII.GetBytes("2239500,100,2231800,200,9999999999,0,-9999999999,0\n2239400,5,2231800,200,2239500,100,-9999999999,0\n"), "b.csv");
        Assert.That((book.Levels, book.Rows), Is.EqualTo((2, 2)));
        Assert.That((book.Price(0, false, 0), book.Size(0, false, 0)), Is.EqualTo((2239500L, 100L)));
        Assert.That((book.Price(0, true, 0), book.Size(0, true, 0)), Is.EqualTo((2231800L, 200L)));
        Assert.That(book.IsOccupied(0, false, 1), Is.False);
        Assert.That(book.Price(1, false, 1), Is.EqualTo(2239500));
        Assert.That(book.IsOccupied(1, true, 1), Is.False);
    }

    [Test]
    public void Orderbook_row_with_a_different_width_stops_with_the_row()
    {
        var e = Assert.Throws<LobsterFormatException>(() => LobsterCsv.ParseOrderbook(
            Encoding.ASCII.GetBytes("1,2,3,4\n1,2,3,4\n1,2,3\n"), "b.csv"))!;
        Assert.That(e.Row, Is.EqualTo(2));
        Assert.That(e.Reason, Does.Contain("expected 4 columns"));
    }

    [Test]
    public void Orderbook_width_not_a_multiple_of_four_is_refused()
    {
        var e = Assert.Throws<LobsterFormatException>(() => LobsterCsv.ParseOrderbook(Encoding.ASCII.GetBytes("1,2,3,4,5\n"), "b.csv"))!;
        Assert.That(e.Reason, Does.Contain("not a multiple of 4"));
    }
}
