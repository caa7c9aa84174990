using TokenMatch.Commands;
using TokenMatch.Events;

namespace TokenMatch.Tests.Support;

/// <summary>Readable one-line renderings of commands and events (every field), for failure messages and repros.</summary>
public static class TestText
{
    /// <summary>Every field of a command that is not zero.</summary>
    public static string Describe(in Command c)
    {
        var parts = new List<string> { $"{c.Type}" };
        void Add(string name, long value) { if (value != 0) parts.Add($"{name}={value}"); }
        Add("seq", c.Sequence); Add("t", c.Timestamp); Add("acct", c.Account); Add("mkt", c.Market);
        Add("side", (long)c.Side); Add("type", (long)c.OrderType); Add("tif", (long)c.Tif); Add("stp", (long)c.Stp);
        Add("kind", (long)c.PriceKind); Add("code", c.Code); Add("order", c.OrderId); Add("client", c.ClientId);
        Add("price", c.Price); Add("qty", c.Quantity); Add("arg", c.Arg);
        Add("a0", c.A0); Add("a1", c.A1); Add("a2", c.A2); Add("a3", c.A3);
        Add("a4", c.A4); Add("a5", c.A5); Add("a6", c.A6); Add("a7", c.A7);
        return string.Join(' ', parts);
    }

    /// <summary>Every field of an event.</summary>
    public static string Describe(in Event e) =>
        $"{e.Type} cmd={e.Command} side={e.Side} reason={e.Reason} detail={e.Detail} code={e.Code} mkt={e.Market} " +
        $"acct={e.Account} other={e.OtherAccount} seq={e.Sequence} t={e.Timestamp} order={e.OrderId} " +
        $"otherOrder={e.OtherOrderId} client={e.ClientId} price={e.Price} exec={e.ExecPrice} qty={e.Quantity} " +
        $"rem={e.Remaining} fee={e.Fee} otherFee={e.OtherFee}";
}
