namespace TokenMatch.Cli.Serve;

/// <summary>One API key in a <see cref="KeyFile"/>: <c>&lt;role&gt; &lt;account&gt; &lt;key&gt;</c>.</summary>
public sealed record KeyFileEntry(string Role, int Account, string Key)
{
    /// <summary>The provider's key.</summary>
    public const string Provider = "provider";

    /// <summary>A market-data key.</summary>
    public const string MarketData = "marketdata";

    /// <summary>A trader's key.</summary>
    public const string Trader = "trader";

    /// <inheritdoc/>
    public override string ToString() => $"{Role} {Account} <key>";
}
