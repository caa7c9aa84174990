using System.Text.Encodings.Web;
using System.Text.Json;
using TokenMatch.Commands;
using TokenMatch.Core;
using TokenMatch.Events;
using TokenMatch.Formats.Scripts;

namespace TokenMatch.Cli.Summary;

/// <summary>
/// The end-of-run summary as one JSON object (<c>--json</c>), with the figures of
/// <see cref="SummaryText"/> as integers (micro-credits, lots) and no list cut short except the first
/// lines per rejection code. The layout is documented in docs/command-script.md.
/// </summary>
public static class SummaryJson
{
    /// <summary>Writes the summary of a finished (or checked) run.</summary>
    public static void Write(TextWriter output, string script, RunStats? stats, ExchangeCore? core, int commands,
        IReadOnlyList<ScriptWarning> warnings, string scriptName)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("script", script);
            w.WriteNumber("commands", commands);
            w.WriteStartArray("warnings");
            foreach (ScriptWarning warning in warnings) w.WriteStringValue(warning.Format(scriptName));
            w.WriteEndArray();
            if (stats is not null && core is not null) WriteRun(w, stats, core);
            w.WriteEndObject();
        }
        output.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        output.WriteLine();
    }

    private static void WriteRun(Utf8JsonWriter w, RunStats stats, ExchangeCore core)
    {
        w.WriteNumber("accepted", stats.Accepted);
        w.WriteNumber("rejected", stats.Rejected);
        w.WriteStartObject("events");
        w.WriteNumber("total", stats.Events.Total);
        foreach (EventType t in Enum.GetValues<EventType>())
            if (t != 0 && stats.Events.Count(t) > 0) w.WriteNumber(ScriptNames<EventType>.Name(t), stats.Events.Count(t));
        w.WriteEndObject();

        w.WriteStartArray("markets");
        foreach (MarketStats m in stats.Markets)
        {
            MarketView? view = core.GetMarket(m.Market);
            w.WriteStartObject();
            w.WriteNumber("market", m.Market);
            if (view is not null)
            {
                w.WriteString("symbol", view.Symbol);
                w.WriteNumber("face", view.Face);
            }
            w.WriteNumber("trades", m.Trades);
            w.WriteNumber("volume", m.Volume);
            w.WriteString("notional", m.Notional.ToString());
            w.WriteNumber("vwap", m.Vwap!.Value);
            w.WriteNumber("fte_vwap", m.FteVwap!.Value);
            if (view is not null && m.PermilleOfFace(view.Face) is { } p) w.WriteNumber("permille_of_fair_value", p);
            w.WriteString("fees", m.Fees.ToString());
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("accounts");
        foreach (int id in stats.Traders)
        {
            AccountView? a = core.GetAccount(id);
            if (a is null) continue;
            w.WriteStartObject();
            w.WriteNumber("account", a.Id);
            w.WriteNumber("available", a.Available);
            w.WriteNumber("held", a.Held);
            w.WriteNumber("spent", a.Spent);
            w.WriteNumber("open_orders", a.OpenOrders);
            w.WriteStartArray("lots");
            foreach (MarketLotsView l in a.Lots)
            {
                w.WriteStartObject();
                w.WriteNumber("market", l.Market);
                w.WriteNumber("allocated", l.Free[0]);
                w.WriteNumber("trial", l.Free[1]);
                w.WriteNumber("promo", l.Free[2]);
                w.WriteNumber("acquired", l.Free[3]);
                w.WriteNumber("held", l.HeldAllocated);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("rejections");
        foreach (RejectionStats r in stats.Rejections)
        {
            w.WriteStartObject();
            w.WriteString("code", ScriptNames<ResultCode>.Name(r.Code));
            w.WriteNumber("value", (int)r.Code);
            w.WriteNumber("count", r.Count);
            w.WriteStartArray("first");
            foreach (var (line, verb, detail) in r.First)
            {
                w.WriteStartObject();
                w.WriteNumber("line", line);
                w.WriteString("verb", verb);
                if (detail is not null) w.WriteString("detail", detail);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("state_hash", core.StateHash().ToString("x16"));
    }
}
