using Microsoft.Extensions.Logging;

namespace TokenMatch.Cli.Serve;

/// <summary>
/// The serve command's loggers (Microsoft.Extensions.Logging): one line per message on the console,
/// with time and level, when there is no live view; into the live view's log panel when there is.
/// Messages never carry API keys: keys are only ever written to the key file.
/// </summary>
public static class ServeLogging
{
    /// <summary>A factory at <paramref name="level"/>; <paramref name="viewLog"/> is the live view's sink when <paramref name="plain"/> is false.</summary>
    public static ILoggerFactory Create(LogLevel level, bool plain, out LiveViewLog? viewLog)
    {
        LiveViewLog? sink = plain ? null : new LiveViewLog();
        viewLog = sink;
        return LoggerFactory.Create(builder =>
        {
            builder.SetMinimumLevel(level);
            if (sink is null)
            {
                builder.AddSimpleConsole(o =>
                {
                    o.SingleLine = true;
                    o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss'Z' ";
                    o.UseUtcTimestamp = true;
                });
            }
            else builder.AddProvider(sink);
        });
    }
}
