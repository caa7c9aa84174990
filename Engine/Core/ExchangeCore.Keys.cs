using TokenMatch.Commands;
using TokenMatch.Ledger;

namespace TokenMatch.Core;

public sealed partial class ExchangeCore
{
    private readonly ApiKeyTable _apiKeys = new();

    private ResultCode IssueApiKey(ref Command c)
    {
        if (c.OrderId <= 0) return ResultCode.InvalidId;
        if (AccountOrNull(c.Account) is null) return ResultCode.UnknownAccount;
        if (c.Code is < (byte)Role.Trader or > (byte)Role.MarketData) return ResultCode.InvalidRole;
        if (_apiKeys.Contains(c.OrderId)) return ResultCode.ApiKeyExists;
        _events.Accepted(ref c);
        _apiKeys.Add(new ApiKeyRecord(c.OrderId, c.Account, (Role)c.Code, c.A0, c.A1, c.A2, c.A3, c.A4, c.A5, Revoked: false));
        return ResultCode.Ok;
    }

    private ResultCode RevokeApiKey(ref Command c)
    {
        if (!_apiKeys.TryGet(c.OrderId, out ApiKeyRecord key) || key.Revoked) return ResultCode.UnknownApiKey;
        _events.Accepted(ref c);
        _apiKeys.Revoke(c.OrderId);
        return ResultCode.Ok;
    }

    /// <summary>The API key with this id (revoked ones included, flagged), or null when never issued.</summary>
    public ApiKeyRecord? GetApiKey(long keyId) => _apiKeys.TryGet(keyId, out ApiKeyRecord key) ? key : null;

    /// <summary>Every API key, by ascending key id.</summary>
    public IReadOnlyList<ApiKeyRecord> GetApiKeys() => _apiKeys.Sorted();
}
